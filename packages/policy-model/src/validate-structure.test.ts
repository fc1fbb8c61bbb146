import { grant, streamArn } from '@kinesis-access/fixtures';
import { problemAt, problems } from './test-support/validate';

describe('validateGrant: structure', () => {
  it.each([null, 42, 'text', [], true, undefined])('refuses %p as a document without throwing', (input) => {
    expect(problems(input)[0]).toMatchObject({ path: '' });
  });

  it.each([
    ['', 'colour'],
    ['metadata', 'labels'],
    ['spec', 'streamz'],
    ['spec.principal', 'roleArns'],
    ['spec.role', 'policies'],
    ['spec.streams[0]', 'kmsKey'],
    ['spec.kcl', 'table'],
    ['spec.resourcePolicy', 'actions'],
    ['spec.quotas', 'maxPolicySize'],
  ])('refuses an unknown field at %s', (parent, key) => {
    const input = grant({
      profile: 'kcl-consumer',
      role: {},
      resourcePolicy: { principals: ['arn:aws:iam::444455556666:root'] },
      quotas: {},
    });
    const target =
      parent === ''
        ? input
        : parent.split('.').reduce((o, k) => (k === 'streams[0]' ? o.streams[0] : o[k]), input);
    target[key] = 'x';
    const path = parent === '' ? key : `${parent}.${key}`;
    expect(problemAt(input, path)).toMatch(new RegExp(`unknown field "${key}"`));
  });

  it('refuses an unknown field in the upsolver block', () => {
    const input = grant({ profile: 'upsolver', upsolver: { credentials: 'role', accessKey: 'x' } as never });
    expect(problemAt(input, 'spec.upsolver.accessKey')).toMatch(/unknown field/);
  });

  it('suggests the field that was meant and lists the allowed ones', () => {
    const input = grant();
    input.spec.principal.rolArn = input.spec.principal.roleArn;
    delete input.spec.principal.roleArn;
    expect(problemAt(input, 'spec.principal.rolArn')).toBe(
      'unknown field "rolArn" (did you mean "roleArn"?) — allowed here: roleArn, additionalRoleArns, externalId, extraTrustActions',
    );
    expect(problemAt(input, 'spec.principal.roleArn')).toBe('is required (a string)');
  });

  it('names required fields that are missing', () => {
    expect(problems({}).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'apiVersion: must be "kinesis-access/v1", received nothing',
      'kind: must be "KinesisAccessGrant", received nothing',
      'metadata: is required (a mapping of fields)',
      'spec: is required (a mapping of fields)',
    ]);
  });

  it('says what was received for wrong types and values', () => {
    const input = grant();
    input.apiVersion = 'kinesis-access/v2';
    input.spec.profile = 'reed';
    input.spec.streams = [{ arn: 42 }, 'arn:aws:kinesis:us-east-1:123456789012:stream/x'];
    input.spec.role = { maxSessionDuration: '3600' };
    expect(problemAt(input, 'apiVersion')).toBe('must be "kinesis-access/v1", received "kinesis-access/v2"');
    expect(problemAt(input, 'spec.profile')).toMatch(
      /^must be one of "clickpipes", "read", "write", "read-write", "kcl-consumer", "upsolver" \(did you mean "read"\?\), received "reed"$/,
    );
    expect(problemAt(input, 'spec.streams[0].arn')).toBe('must be a string, received number 42');
    expect(problemAt(input, 'spec.streams[1]')).toMatch(
      /must be a mapping of fields, received "arn:aws:kinesis/,
    );
    expect(problemAt(input, 'spec.role.maxSessionDuration')).toBe('must be a number, received "3600"');
  });

  it('truncates long received values and gives their length', () => {
    const input = grant({
      streams: [{ arn: `arn:aws:kinesis:us-east-1:123456789012:stream/${'x'.repeat(300)}` }],
    });
    const message = problemAt(input, 'spec.streams[0].arn');
    expect(message).toMatch(/…" \(346 characters\)$/);
    expect(message.length).toBeLessThan(250);
  });

  it('refuses an empty stream list', () => {
    expect(problemAt(grant({ streams: [] }), 'spec.streams')).toBe(
      'a grant needs at least one stream, received an array of 0',
    );
  });

  it('reports every problem of a document in one call', () => {
    const input = grant({
      streams: [
        { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/*' },
        { arn: streamArn('b'), kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/b' },
        { arn: streamArn('c', 'us-east-1', '999999999999') },
        { arn: streamArn('d') },
      ],
    });
    input.metadata.name = 'Bad_Name';
    input.spec.role = { name: 'NotClickHouse', maxSessionDuration: 10 };
    input.spec.principal.extra = true;
    expect(
      problems(input)
        .map((p) => p.path)
        .sort(),
    ).toEqual(
      [
        'metadata.name',
        'spec.principal.extra',
        'spec.role.maxSessionDuration',
        'spec.role.name',
        'spec.streams[0].arn',
        'spec.streams[1].kmsKeyArn',
        'spec.streams[2].arn',
      ].sort(),
    );
  });
});
