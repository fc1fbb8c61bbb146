import { InputError } from '@backstage/errors';
import { describeProblem, problemsToInputError, toInputPath, valueAt } from './inputProblems';

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

describe('problemsToInputError', () => {
  it('lists every problem in one InputError', () => {
    const error = problemsToInputError(
      [
        { path: 'metadata.name', message: 'must be lowercase, received "A"' },
        { path: 'spec.streams[0].arn', message: 'is required' },
      ],
      { name: 'A', streams: [{}] },
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      [
        'kinesis:access:grant input is not a valid grant (2 problems):',
        '  - name: must be lowercase, received "A"',
        '  - streams[0].arn: is required (received nothing)',
      ].join('\n'),
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
