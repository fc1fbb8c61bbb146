import { CLICKHOUSE_ROLE, grant, MRK, streamArn } from '@kinesis-access/fixtures';
import { problemAt, problems } from './test-support/validate';
import { validateGrant } from './validate';

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
