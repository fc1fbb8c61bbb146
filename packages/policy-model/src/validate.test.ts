import { CLICKHOUSE_ROLE, grant, KEY, MRK, streamArn } from '@kinesis-access/fixtures';
import { PROFILE_NAMES } from './profiles';
import type { Problem } from './types';
import { defaultRoleName, validateGrant } from './validate';

function problems(input: unknown): readonly Problem[] {
  const result = validateGrant(input);
  if (result.ok) throw new Error('expected problems, the grant was valid');
  return result.problems;
}

function problemAt(input: unknown, path: string): string {
  const found = problems(input).filter((p) => p.path === path);
  if (found.length === 0) throw new Error(`no problem at ${path}; got ${JSON.stringify(problems(input))}`);
  return found.map((p) => p.message).join('\n');
}

describe('validateGrant: valid grants', () => {
  it.each(PROFILE_NAMES)('accepts a minimal %s grant', (profile) => {
    expect(validateGrant(grant({ profile }))).toMatchObject({ ok: true });
  });

  it('defaults the profile to clickpipes and keeps optional fields absent', () => {
    const input = grant();
    delete input.spec.profile;
    const result = validateGrant(input);
    expect(result.ok && result.value.spec.profile).toBe('clickpipes');
    expect(result.ok && result.value.spec.role).toBeUndefined();
  });

  it('defaults upsolver credentials to role', () => {
    const result = validateGrant(grant({ profile: 'upsolver', upsolver: {} as never }));
    expect(result.ok && result.value.spec.upsolver).toEqual({ credentials: 'role' });
  });

  it('accepts every optional field', () => {
    const input = grant({
      profile: 'read-write',
      consumerName: 'orders-efo',
      kplMetrics: { namespace: 'Orders/KPL' },
      principal: {
        roleArn: CLICKHOUSE_ROLE,
        additionalRoleArns: ['arn:aws:iam::111122223333:role/other'],
        externalId: 'ext-123',
        extraTrustActions: ['sts:TagSession', 'sts:SetSourceIdentity'],
      },
      role: {
        name: 'orders-reader-writer',
        path: '/data/clickpipes/',
        permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
        maxSessionDuration: 43200,
        tags: { team: 'data', 'cost center': 'a:b/c=d+e-f@g' },
      },
      streams: [
        { arn: streamArn('orders'), kmsKeyArn: KEY },
        { arn: streamArn('clicks', 'us-west-2'), kmsKeyArn: MRK },
      ],
      resourcePolicy: { principals: ['arn:aws:iam::444455556666:root'] },
      quotas: { maxManagedPolicies: 20 },
    });
    input.metadata.description = 'Orders for analytics';
    expect(validateGrant(input)).toMatchObject({ ok: true });
  });

  it('accepts streams in several regions of one account', () => {
    const input = grant({
      streams: [{ arn: streamArn('a', 'us-east-1') }, { arn: streamArn('a', 'eu-west-1') }],
    });
    expect(validateGrant(input).ok).toBe(true);
  });
});

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

describe('validateGrant: field rules', () => {
  it.each([
    ['Orders', /lowercase letters, digits and "-"/],
    ['orders-', /starting and ending with a letter or digit/],
    ['-orders', /lowercase/],
    ['ord ers', /lowercase/],
    ['o'.repeat(64), /at most 63 characters/],
    ['', /lowercase/],
  ])('refuses metadata.name %p', (name, expected) => {
    expect(problemAt(grant({}, name), 'metadata.name')).toMatch(expected);
  });

  it('refuses descriptions IAM would refuse', () => {
    const input = grant();
    input.metadata.description = 'emoji 🚀';
    expect(problemAt(input, 'metadata.description')).toMatch(/printable Latin-1/);
    input.metadata.description = 'x'.repeat(1001);
    expect(problemAt(input, 'metadata.description')).toMatch(/at most 1000/);
  });

  it.each([
    [
      { name: 'ClickHouseAccessRole-' + 'x'.repeat(44) },
      'spec.role.name',
      /^grant "orders": the role name is 65 characters; the IAM quota is 64, received "ClickHouseAccessRole-x+"$/,
    ],
    [{ name: 'ClickHouseAccessRole-a"b' }, 'spec.role.name', /letters, digits and \+=,\.@_-/],
    [{ name: 'Reader' }, 'spec.role.name', /must start with|starting with "ClickHouseAccessRole-"/],
    [{ name: 'ClickHouseAccessRole-' }, 'spec.role.name', /more than the prefix/],
    [{ path: 'data' }, 'spec.role.path', /"\/" or "\/a\/b\/"/],
    [{ path: '/data' }, 'spec.role.path', /"\/" or "\/a\/b\/"/],
    [{ path: '//' }, 'spec.role.path', /"\/" or "\/a\/b\/"/],
    [
      { maxSessionDuration: 3599 },
      'spec.role.maxSessionDuration',
      /at least 3600 seconds, received number 3599/,
    ],
    [{ maxSessionDuration: 43201 }, 'spec.role.maxSessionDuration', /at most 43200 seconds/],
    [{ maxSessionDuration: 3600.5 }, 'spec.role.maxSessionDuration', /whole number/],
    [
      { permissionsBoundaryArn: 'arn:aws:iam::123456789012:role/x' },
      'spec.role.permissionsBoundaryArn',
      /policy ARN/,
    ],
    [
      { permissionsBoundaryArn: 'arn:aws:iam::999999999999:policy/x' },
      'spec.role.permissionsBoundaryArn',
      /account 123456789012/,
    ],
    [
      { permissionsBoundaryArn: 'arn:aws-cn:iam::123456789012:policy/x' },
      'spec.role.permissionsBoundaryArn',
      /partition "aws"/,
    ],
  ])('refuses role %j', (role, path, expected) => {
    expect(problemAt(grant({ role: role as never }), path)).toMatch(expected);
  });

  it('accepts other profiles with any valid role name', () => {
    expect(validateGrant(grant({ profile: 'read', role: { name: 'Reader' } })).ok).toBe(true);
  });

  it('refuses a default role name over 64 characters, at metadata.name', () => {
    const name = 'n'.repeat(44); // ClickHouseAccessRole- (21) + 44 = 65
    expect(problemAt(grant({}, name), 'metadata.name')).toMatch(
      /^grant "n+": the default role name "ClickHouseAccessRole-n+" is 65 characters; the IAM quota is 64 \(shorten/,
    );
    expect(validateGrant(grant({}, 'n'.repeat(43))).ok).toBe(true);
    expect(validateGrant(grant({ role: { name: 'ClickHouseAccessRole-short' } }, name)).ok).toBe(true);
  });

  it('checks tags: reserved prefix, characters, count, case-insensitive duplicates', () => {
    expect(problemAt(grant({ role: { tags: { 'aws:team': 'x' } } }), 'spec.role.tags["aws:team"]')).toMatch(
      /reserved/,
    );
    expect(problemAt(grant({ role: { tags: { team: 'a;b' } } }), 'spec.role.tags.team')).toMatch(/tag value/);
    expect(problemAt(grant({ role: { tags: { 'k{': 'a' } } }), 'spec.role.tags["k{"]')).toMatch(/tag key/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(problemAt(grant({ role: { tags: many } }), 'spec.role.tags')).toBe(
      'grant "orders": 51 tags; the IAM quota is 50 tags per role',
    );
    expect(problemAt(grant({ role: { tags: { Team: 'a', team: 'b' } } }), 'spec.role.tags.team')).toMatch(
      /case/,
    );
  });

  it('checks the principal block', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ roleArn: 'arn:aws:iam::111122223333:role/*' }, 'spec.principal.roleArn', /wildcards/],
      [{ roleArn: 'arn:aws:iam::111122223333:user/bob' }, 'spec.principal.roleArn', /IAM role ARN/],
      [
        { roleArn: 'arn:aws-cn:iam::111122223333:role/ch' },
        'spec.principal.roleArn',
        /streams' partition "aws"/,
      ],
      [
        { roleArn: CLICKHOUSE_ROLE, additionalRoleArns: [CLICKHOUSE_ROLE] },
        'spec.principal.additionalRoleArns[0]',
        /duplicate principal: same as spec.principal.roleArn/,
      ],
      [{ roleArn: CLICKHOUSE_ROLE, externalId: 'a' }, 'spec.principal.externalId', /at least 2/],
      [{ roleArn: CLICKHOUSE_ROLE, externalId: 'a b' }, 'spec.principal.externalId', /may only contain/],
      [
        { roleArn: CLICKHOUSE_ROLE, extraTrustActions: ['sts:AssumeRoleWithSAML'] },
        'spec.principal.extraTrustActions[0]',
        /must be one of "sts:SetSourceIdentity", "sts:TagSession", received "sts:AssumeRoleWithSAML"/,
      ],
      [
        { roleArn: CLICKHOUSE_ROLE, extraTrustActions: ['sts:TagSession', 'sts:TagSession'] },
        'spec.principal.extraTrustActions[1]',
        /duplicate/,
      ],
    ];
    for (const [principal, path, expected] of cases) {
      expect(problemAt(grant({ principal: principal as never }), path)).toMatch(expected);
    }
  });
});

describe('validateGrant: cross-field rules', () => {
  it('requires one partition for all streams: two streams split evenly are named together', () => {
    const input = grant({
      streams: [{ arn: streamArn('a') }, { arn: streamArn('b', 'cn-north-1', '123456789012', 'aws-cn') }],
    });
    const split =
      'all streams of a grant must be in one partition, but they are split evenly: "aws" (spec.streams[0]); "aws-cn" (spec.streams[1]). Split the grant, one per partition';
    expect(problemAt(input, 'spec.streams[0].arn')).toMatch(
      new RegExp(`^${split.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, received`),
    );
    expect(problemAt(input, 'spec.streams[1].arn')).toContain(split);
  });

  it('requires one account for all streams: an even split names every account and its streams on each stream', () => {
    const input = grant({
      streams: [{ arn: streamArn('a') }, { arn: streamArn('b', 'us-east-1', '210987654321') }],
    });
    const split =
      'all streams of a grant must be in one account, but they are split evenly: 123456789012 (spec.streams[0]); 210987654321 (spec.streams[1]). Split the grant, one per account';
    expect(problems(input)).toEqual([
      { path: 'spec.streams[0].arn', message: `${split}, received "${streamArn('a')}"` },
      {
        path: 'spec.streams[1].arn',
        message: `${split}, received "${streamArn('b', 'us-east-1', '210987654321')}"`,
      },
    ]);
  });

  it('refuses principal.externalId on clickpipes: ClickPipes sends none, so the role could never be assumed', () => {
    const input = grant({ principal: { roleArn: CLICKHOUSE_ROLE, externalId: 'tenant-1' } });
    expect(problemAt(input, 'spec.principal.externalId')).toMatch(
      /^is not allowed with profile "clickpipes": ClickPipes sends no external id .* could never be assumed .*, received "tenant-1"$/,
    );
  });

  it('requires principal.externalId for upsolver in role mode, not for an IAM user; generic profiles keep it', () => {
    const input = grant({ profile: 'upsolver', principal: { roleArn: CLICKHOUSE_ROLE } });
    expect(problemAt(input, 'spec.principal.externalId')).toMatch(
      /^is required by profile "upsolver" with credentials "role": Upsolver's role-based setup .* EXTERNAL_ID/,
    );
    expect(
      validateGrant(
        grant({
          profile: 'upsolver',
          principal: { roleArn: CLICKHOUSE_ROLE },
          upsolver: { credentials: 'iam-user' },
        }),
      ).ok,
    ).toBe(true);
    for (const profile of ['read', 'write', 'read-write', 'kcl-consumer'] as const) {
      expect(
        validateGrant(grant({ profile, principal: { roleArn: CLICKHOUSE_ROLE, externalId: 'e-1' } })).ok,
      ).toBe(true);
    }
  });

  it('spec.consumerName: only where the client reads through a consumer it names', () => {
    expect(problemAt(grant({ consumerName: 'x' }), 'spec.consumerName')).toMatch(
      /ClickPipes registers and names its enhanced fan-out consumers itself, received "x"$/,
    );
    expect(problemAt(grant({ profile: 'write', consumerName: 'x' }), 'spec.consumerName')).toMatch(
      /only allowed with profiles kcl-consumer, read and read-write/,
    );
    expect(problemAt(grant({ profile: 'read', consumerName: 'a b' }), 'spec.consumerName')).toMatch(
      /a consumer name is 1–128 characters/,
    );
  });

  it('spec.kplMetrics: write and read-write only; the namespace is checked', () => {
    expect(problemAt(grant({ profile: 'read', kplMetrics: {} }), 'spec.kplMetrics')).toBe(
      'is only allowed with profiles write and read-write (the KPL is a producer), received profile "read"',
    );
    expect(
      problemAt(
        grant({ profile: 'write', kplMetrics: { namespace: 'AWS/Kinesis' } }),
        'spec.kplMetrics.namespace',
      ),
    ).toMatch(/reserved for AWS/);
  });

  it('kcl: version 2 or 3 only; a long application name needs spec.consumerName', () => {
    const kcl = (k: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      grant({ profile: 'kcl-consumer', kcl: { applicationName: 'app', ...k } as never, ...extra });
    expect(problemAt(kcl({ version: 1 }), 'spec.kcl.version')).toMatch(/received number 1/);
    expect(validateGrant(kcl({ version: 2 })).ok).toBe(true);
    const long = 'a'.repeat(129);
    expect(problemAt(kcl({ applicationName: long }), 'spec.kcl.applicationName')).toMatch(
      /consumer names are at most 128 characters \(set spec.consumerName/,
    );
    expect(validateGrant(kcl({ applicationName: long }, { consumerName: 'app-efo' })).ok).toBe(true);
  });

  it('blames the odd stream out, even when it is spec.streams[0], never the streams that agree', () => {
    const odd = streamArn('a', 'us-east-1', '210987654321');
    const input = grant({
      streams: [{ arn: odd }, { arn: streamArn('b') }, { arn: streamArn('c', 'eu-west-1') }],
    });
    expect(problems(input)).toEqual([
      {
        path: 'spec.streams[0].arn',
        message: `all streams of a grant must be in one account: this one is in 210987654321, the other 2 of 3 (spec.streams[1], spec.streams[2]) in 123456789012, received "${odd}"`,
      },
    ]);
    const cn = streamArn('z', 'cn-north-1', '123456789012', 'aws-cn');
    expect(
      problems(grant({ streams: [{ arn: cn }, { arn: streamArn('b') }, { arn: streamArn('c') }] })).map(
        (p) => [p.path, p.message.split(',')[0]],
      ),
    ).toEqual([
      ['spec.streams[0].arn', 'all streams of a grant must be in one partition: this one is in "aws-cn"'],
    ]);
  });

  it('refuses duplicate streams', () => {
    const input = grant({
      streams: [{ arn: streamArn('a') }, { arn: streamArn('b') }, { arn: streamArn('a') }],
    });
    expect(problemAt(input, 'spec.streams[2].arn')).toMatch(
      /duplicate stream: same as spec.streams\[0\].arn/,
    );
  });

  it("requires the KMS key in the stream's region", () => {
    const input = grant({ streams: [{ arn: streamArn('a', 'us-east-1'), kmsKeyArn: MRK }] });
    expect(problemAt(input, 'spec.streams[0].kmsKeyArn')).toMatch(
      /stream's region us-east-1 .* but it is in us-west-2/,
    );
  });

  it('allows a KMS key of another account in the same region (the plan warns)', () => {
    const key = 'arn:aws:kms:us-east-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(validateGrant(grant({ streams: [{ arn: streamArn('a'), kmsKeyArn: key }] })).ok).toBe(true);
  });

  it('requires the kcl block exactly for kcl-consumer', () => {
    const missing = grant({ profile: 'kcl-consumer' });
    delete missing.spec.kcl;
    expect(problemAt(missing, 'spec.kcl')).toMatch(/required by profile "kcl-consumer"/);
    expect(problemAt(grant({ profile: 'read', kcl: { applicationName: 'app' } }), 'spec.kcl')).toMatch(
      /only allowed with profile "kcl-consumer", received profile "read"/,
    );
    expect(
      problemAt(
        grant({ profile: 'kcl-consumer', kcl: { applicationName: 'ab' } }),
        'spec.kcl.applicationName',
      ),
    ).toMatch(/3–255/);
    expect(
      problemAt(
        grant({ profile: 'kcl-consumer', kcl: { applicationName: 'app', region: 'cn-north-1' } }),
        'spec.kcl.region',
      ),
    ).toMatch(/partition "aws"/);
    expect(
      problemAt(
        grant({ profile: 'kcl-consumer', kcl: { applicationName: 'app', region: 'moon-1' } }),
        'spec.kcl.region',
      ),
    ).toMatch(/not a region name/);
  });

  it('allows the upsolver block only for upsolver', () => {
    expect(problemAt(grant({ profile: 'read', upsolver: { credentials: 'role' } }), 'spec.upsolver')).toMatch(
      /only allowed with profile "upsolver"/,
    );
    expect(
      problemAt(
        grant({ profile: 'upsolver', upsolver: { credentials: 'keys' as never } }),
        'spec.upsolver.credentials',
      ),
    ).toMatch(/"role", "iam-user"/);
  });

  it('checks resource policy principals', () => {
    const at = (principals: unknown[]) => grant({ resourcePolicy: { principals: principals as string[] } });
    expect(problemAt(at([]), 'spec.resourcePolicy.principals')).toMatch(/at least one principal/);
    expect(problemAt(at(['*']), 'spec.resourcePolicy.principals[0]')).toMatch(/wildcards/);
    expect(problemAt(at(['444455556666']), 'spec.resourcePolicy.principals[0]')).toMatch(/must be an ARN/);
    expect(
      problemAt(
        at(['arn:aws:iam::444455556666:root', 'arn:aws:iam::444455556666:root']),
        'spec.resourcePolicy.principals[1]',
      ),
    ).toMatch(/duplicate/);
    expect(
      problemAt(at(['arn:aws-us-gov:iam::444455556666:root']), 'spec.resourcePolicy.principals[0]'),
    ).toMatch(/partition "aws"/);
  });

  it('checks quotas settings', () => {
    expect(
      problemAt(grant({ quotas: { maxManagedPolicies: 21 } }), 'spec.quotas.maxManagedPolicies'),
    ).toMatch(/at most 20/);
    expect(problemAt(grant({ quotas: { maxManagedPolicies: 0 } }), 'spec.quotas.maxManagedPolicies')).toMatch(
      /at least 1/,
    );
  });
});

describe('defaultRoleName', () => {
  it('derives ClickHouseAccessRole-<name> for clickpipes, kinesis-access-<name> otherwise', () => {
    expect(defaultRoleName('orders', 'clickpipes')).toBe('ClickHouseAccessRole-orders');
    expect(defaultRoleName('orders', 'read')).toBe('kinesis-access-orders');
  });
});
