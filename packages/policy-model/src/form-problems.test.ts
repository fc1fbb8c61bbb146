import { describeFormProblem, formFieldOfProblem, formParameterOfPath, valueAtPath } from './form-problems';
import type { Problem } from './types';

const toInputPath = (path: string) => formParameterOfPath(path, 'grant');
const valueAt = valueAtPath;
const describeProblem = (problem: Problem, input: unknown) => describeFormProblem(problem, input, 'grant');

describe('toInputPath', () => {
  it.each([
    ['metadata.name', 'name'],
    ['spec.principal.roleArn', 'clickhouseRoleArn'],
    ['spec.streams', 'streams'],
    ['spec.streams[1].arn', 'streams[1].arn'],
    ['spec.streams[0].kmsKeyArn', 'streams[0].kmsKeyArn'],
    ['spec.role.name', 'roleName'],
    ['spec.role.tags.team', 'tags.team'],
    ['spec.role.permissionsBoundaryArn', 'permissionsBoundaryArn'],
    ['spec.profile', 'profile'],
  ])('%s → %s', (grantPath, inputPath) => {
    expect(toInputPath(grantPath)).toBe(inputPath);
  });

  it.each(['spec.quotas.maxManagedPolicies', 'spec.streamsExtra', '', 'spec.role.path'])(
    '%s has no input counterpart',
    (grantPath) => {
      expect(toInputPath(grantPath)).toBeUndefined();
    },
  );
});

describe('valueAt', () => {
  it('reads nested input values', () => {
    const input = { streams: [{ arn: 'a' }, { arn: 'b' }], tags: { team: 'x' } };
    expect(valueAt(input, 'streams[1].arn')).toBe('b');
    expect(valueAt(input, 'tags.team')).toBe('x');
    expect(valueAt(input, 'streams[5].arn')).toBeUndefined();
    expect(valueAt(input, 'name')).toBeUndefined();
  });
});

describe('describeProblem', () => {
  const input = { streams: [{ arn: 'arn:aws:s3:::b' }] };
  it('adds what was received when the model did not say', () => {
    expect(
      describeProblem({ path: 'spec.streams[0].arn', message: 'must be a Kinesis stream ARN' }, input),
    ).toBe('streams[0].arn: must be a Kinesis stream ARN (received "arn:aws:s3:::b")');
  });
  it('does not repeat it when the model said it', () => {
    expect(
      describeProblem(
        { path: 'spec.streams[0].arn', message: 'must be a stream ARN, received "arn:aws:s3:::b"' },
        input,
      ),
    ).toBe('streams[0].arn: must be a stream ARN, received "arn:aws:s3:::b"');
  });
  it('says "nothing" for a missing field', () => {
    expect(describeProblem({ path: 'metadata.name', message: 'is required' }, input)).toBe(
      'name: is required (received nothing)',
    );
  });
  it('keeps the grant path of fields the input does not have', () => {
    expect(describeProblem({ path: 'spec.quotas', message: 'too many policies (11 > 10)' }, input)).toBe(
      '(grant) spec.quotas: too many policies (11 > 10)',
    );
  });
});

describe('grant paths inside messages', () => {
  it('are renamed to input names too', () => {
    expect(
      describeProblem(
        {
          path: 'spec.streams[1].arn',
          message: 'all streams must be in one account: this one is in 2, spec.streams[0] in 1, received "x"',
        },
        {},
      ),
    ).toBe(
      'streams[1].arn: all streams must be in one account: this one is in 2, streams[0] in 1, received "x"',
    );
  });
});

describe('the change form', () => {
  const input = { addStreams: [{ arn: 'arn:aws:s3:::b' }], removeStreams: ['x'] };
  it('names the change parameter the model reported, with what was received', () => {
    expect(
      describeFormProblem(
        { path: 'addStreams[0].arn', message: 'must be a Kinesis stream ARN' },
        input,
        'change',
      ),
    ).toBe('addStreams[0].arn: must be a Kinesis stream ARN (received "arn:aws:s3:::b")');
    expect(formParameterOfPath('clickhouseRoleArn', 'change')).toBe('clickhouseRoleArn');
  });
  it('names fields of the grant file the change did not touch as the grant file does, without renaming them', () => {
    expect(formParameterOfPath('spec.streams[0].arn', 'change')).toBeUndefined();
    expect(formFieldOfProblem({ path: 'spec.quotas', message: 'm' }, 'change')).toBe('(grant) spec.quotas');
    expect(formFieldOfProblem({ path: '', message: 'changes nothing' }, 'change')).toBe('(grant)');
    expect(
      describeFormProblem(
        { path: 'spec.principal.roleArn', message: 'spec.streams[0] is elsewhere' },
        input,
        'change',
      ),
    ).toBe('(grant) spec.principal.roleArn: spec.streams[0] is elsewhere');
  });
  it('cuts a long received value the way every model message does', () => {
    const long = `arn:aws:kinesis:us-east-1:123456789012:stream/${'x'.repeat(200)}`;
    const line = describeFormProblem(
      { path: 'removeStreams[0]', message: 'is not a stream' },
      { removeStreams: [long] },
      'change',
    );
    expect(line).toBe(
      `removeStreams[0]: is not a stream (received "${long.slice(0, 80)}…" (${long.length} characters))`,
    );
  });
  it('says on which line of the grant file a planning problem is', () => {
    expect(
      describeFormProblem({ path: 'spec.streams', message: 'quota', line: 7 }, {}, 'grant', {
        grantFile: 'grants/a.yaml',
      }),
    ).toBe('streams: quota (received nothing) (grants/a.yaml line 7)');
  });
});
