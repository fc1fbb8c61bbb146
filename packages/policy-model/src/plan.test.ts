import { compileGrant, planGrant } from './plan';
import { canonicalJson, renderJson } from './render';
import {
  ACCOUNT,
  CLICKHOUSE_ROLE,
  grant,
  KEY,
  MRK,
  manyStreams,
  streamArn,
  UPSOLVER_EXTERNAL_ID,
} from '@kinesis-access/fixtures';
import { PROFILE_NAMES } from './profiles';
import type { GrantPlan, GrantSpec, PolicyStatement } from './types';
import { validateGrant } from './validate';

function spec(input: unknown): GrantSpec {
  const result = validateGrant(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

function plan(input: unknown): GrantPlan {
  const result = compileGrant(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

const statements = (p: GrantPlan): PolicyStatement[] =>
  p.policies.flatMap((policy) => [...policy.document.Statement]);
const ORDERS = streamArn('orders');

// Which actions each profile grants is not restated here: test/simulation.test.ts and test/property.test.ts hold
// every profile to the clients' requirements table (@kinesis-access/iam-test-kit, src/requirements.ts). These
// tests check the shape: which statements, on which resources, with which conditions.

const resourcesOf = (p: GrantPlan, sid: string) => statements(p).find((s) => s.Sid === sid)?.Resource;
const conditionOf = (p: GrantPlan, sid: string) => statements(p).find((s) => s.Sid === sid)?.Condition;
const sids = (p: GrantPlan) => statements(p).map((s) => s.Sid);

describe('planGrant: clickpipes (reference 001, scoped as AWS authorises)', () => {
  it('plans the role, trust policy and the stream / consumer / ListStreams statements', () => {
    const p = plan(grant());
    expect(p.role).toEqual({
      name: 'ClickHouseAccessRole-orders',
      path: '/',
      arn: `arn:aws:iam::${ACCOUNT}:role/ClickHouseAccessRole-orders`,
      description: 'kinesis-access grant orders (profile clickpipes)',
      maxSessionDuration: 3600,
      tags: {},
    });
    expect(p.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AssumeRole',
          Effect: 'Allow',
          Principal: { AWS: [CLICKHOUSE_ROLE] },
          Action: ['sts:AssumeRole'],
        },
      ],
    });
    expect(p.policies.map((x) => x.name)).toEqual(['ClickHouseAccessRole-orders-1']);
    expect(sids(p)).toEqual(['Streams', 'StreamConsumers', 'ListStreams']);
    expect(resourcesOf(p, 'Streams')).toEqual([ORDERS]);
    // ClickPipes names its enhanced fan-out consumers itself: every consumer of the stream (docs/security.md).
    expect(resourcesOf(p, 'StreamConsumers')).toEqual([`${ORDERS}/consumer/*`]);
    expect(resourcesOf(p, 'ListStreams')).toEqual(['*']);
    expect(p.resourcePolicies).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.iamUser).toBeUndefined();
    expect(p.streams).toEqual([{ arn: ORDERS, region: 'us-east-1', name: 'orders' }]);
  });
});

describe('planGrant: the other profiles', () => {
  it('read: stream and consumer statements; the consumers narrow to spec.consumerName when given', () => {
    expect(sids(plan(grant({ profile: 'read' })))).toEqual(['Streams', 'StreamConsumers']);
    expect(resourcesOf(plan(grant({ profile: 'read' })), 'StreamConsumers')).toEqual([
      `${ORDERS}/consumer/*`,
    ]);
    const named = plan(grant({ profile: 'read', consumerName: 'fraud-scoring' }));
    expect(resourcesOf(named, 'StreamConsumers')).toEqual([`${ORDERS}/consumer/fraud-scoring:*`]);
    expect(plan(grant({ profile: 'read' })).role.name).toBe('kinesis-access-orders');
  });

  it('write: one stream statement; the KPL metrics only when opted in, narrowed to their namespace', () => {
    expect(sids(plan(grant({ profile: 'write' })))).toEqual(['Streams']);
    const kpl = plan(grant({ profile: 'write', kplMetrics: {} }));
    expect(sids(kpl)).toEqual(['Streams', 'KplMetrics']);
    expect(resourcesOf(kpl, 'KplMetrics')).toEqual(['*']);
    expect(conditionOf(kpl, 'KplMetrics')).toEqual({
      StringEquals: { 'cloudwatch:namespace': 'KinesisProducerLibrary' },
    });
    const custom = plan(grant({ profile: 'read-write', kplMetrics: { namespace: 'Team/KPL' } }));
    expect(conditionOf(custom, 'KplMetrics')).toEqual({
      StringEquals: { 'cloudwatch:namespace': 'Team/KPL' },
    });
  });

  it('read-write: one stream statement and the consumers, without duplicate actions', () => {
    const p = plan(grant({ profile: 'read-write' }));
    expect(sids(p)).toEqual(['Streams', 'StreamConsumers']);
    const actions = statements(p).flatMap((s) => s.Action as string[]);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('kcl-consumer (KCL 3.x by default): lease table, its index, the two metadata tables, namespaced metrics', () => {
    const p = plan(grant({ profile: 'kcl-consumer', kcl: { applicationName: 'orders-app' } }));
    const table = (name: string) => `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${name}`;
    expect(sids(p)).toEqual([
      'Streams',
      'StreamConsumers',
      'KclLeaseTable',
      'KclLeaseTableIndex',
      'KclMetadataTables',
      'KclMetrics',
    ]);
    // KCL registers its consumer under the application name (KCL's consumerName default).
    expect(resourcesOf(p, 'StreamConsumers')).toEqual([`${ORDERS}/consumer/orders-app:*`]);
    expect(resourcesOf(p, 'KclLeaseTable')).toEqual([table('orders-app')]);
    expect(resourcesOf(p, 'KclLeaseTableIndex')).toEqual([`${table('orders-app')}/index/*`]);
    expect(resourcesOf(p, 'KclMetadataTables')).toEqual([
      table('orders-app-CoordinatorState'),
      table('orders-app-WorkerMetricStats'),
    ]);
    expect(resourcesOf(p, 'KclMetrics')).toEqual(['*']);
    expect(conditionOf(p, 'KclMetrics')).toEqual({ StringEquals: { 'cloudwatch:namespace': 'orders-app' } });
    expect(p.warnings).toEqual([]);
  });

  it('kcl-consumer with kcl.version 2: only the lease table; options for the consumer name and the namespace', () => {
    const p = plan(
      grant({
        profile: 'kcl-consumer',
        kcl: { applicationName: 'orders-app', version: 2, metricsNamespace: 'Orders/KCL' },
        consumerName: 'orders-efo',
      }),
    );
    expect(sids(p)).toEqual(['Streams', 'StreamConsumers', 'KclLeaseTable', 'KclMetrics']);
    expect(resourcesOf(p, 'StreamConsumers')).toEqual([`${ORDERS}/consumer/orders-efo:*`]);
    expect(conditionOf(p, 'KclMetrics')).toEqual({ StringEquals: { 'cloudwatch:namespace': 'Orders/KCL' } });
  });

  it('kcl-consumer: the tables go to kcl.region when given', () => {
    const p = plan(grant({ profile: 'kcl-consumer', kcl: { applicationName: 'app', region: 'eu-west-1' } }));
    expect(resourcesOf(p, 'KclLeaseTable')).toEqual([`arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/app`]);
    for (const r of resourcesOf(p, 'KclMetadataTables') as string[]) expect(r).toMatch(/:eu-west-1:/);
  });

  it('upsolver: explicit actions (never kinesis:Get*) and ListStreams; a role trusted with its external id', () => {
    const p = plan(grant({ profile: 'upsolver' }));
    expect(sids(p)).toEqual(['Streams', 'ListStreams']);
    expect(JSON.stringify(p)).not.toContain('Get*');
    expect(p.iamUser).toBeUndefined();
    expect(p.trustPolicy.Statement[0]?.Condition).toEqual({
      StringEquals: { 'sts:ExternalId': UPSOLVER_EXTERNAL_ID },
    });
    expect(p.warnings).toEqual([]);
  });

  it('upsolver with credentials iam-user: an IAM user with the same policies and a Terraform state warning', () => {
    const p = plan(grant({ profile: 'upsolver', upsolver: { credentials: 'iam-user' } }));
    expect(p.iamUser).toEqual({
      name: 'kinesis-access-orders',
      path: '/',
      policyNames: ['kinesis-access-orders-1'],
    });
    expect(p.warnings).toEqual([expect.stringMatching(/secret access key is stored in Terraform state/)]);
  });

  it.each(PROFILE_NAMES)(
    '%s: every action is on an exact stream, consumer, key or table, or on * where AWS has no resource type',
    (profile) => {
      const p = plan(grant({ profile, streams: [{ arn: ORDERS, kmsKeyArn: KEY }] }));
      for (const statement of statements(p)) {
        for (const resource of statement.Resource as string[]) {
          if (resource === '*')
            expect(statement.Action).toEqual(
              expect.arrayContaining([expect.stringMatching(/ListStreams|PutMetricData/)]),
            );
          else
            expect(resource).toMatch(
              /:stream\/orders(\/consumer\/(\*|orders-app:\*))?$|:key\/|:table\/orders-app(-WorkerMetricStats|-CoordinatorState|\/index\/\*)?$/,
            );
        }
      }
    },
  );
});

describe('planGrant: KMS', () => {
  const kms = (p: GrantPlan) => statements(p).filter((s) => s.Sid?.startsWith('Kms'));

  it('adds no KMS statement when no stream is encrypted', () => {
    for (const profile of PROFILE_NAMES) expect(kms(plan(grant({ profile })))).toEqual([]);
  });

  it('readers get kms:Decrypt on the named key, only via Kinesis in its region, only for its streams', () => {
    const p = plan(grant({ streams: [{ arn: ORDERS, kmsKeyArn: KEY }, { arn: streamArn('plain') }] }));
    expect(kms(p)).toEqual([
      {
        Sid: 'KmsViaKinesis1',
        Effect: 'Allow',
        Action: ['kms:Decrypt'],
        Resource: [KEY],
        Condition: {
          StringEquals: {
            'kms:ViaService': 'kinesis.us-east-1.amazonaws.com',
            'kms:EncryptionContext:aws:kinesis:arn': [ORDERS],
          },
        },
      },
    ]);
  });

  it('writers get kms:GenerateDataKey, read-write both', () => {
    expect(
      kms(plan(grant({ profile: 'write', streams: [{ arn: ORDERS, kmsKeyArn: KEY }] })))[0]?.Action,
    ).toEqual(['kms:GenerateDataKey']);
    expect(
      kms(plan(grant({ profile: 'read-write', streams: [{ arn: ORDERS, kmsKeyArn: KEY }] })))[0]?.Action,
    ).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });

  it('groups streams by key: one statement per key, each in its own region', () => {
    const p = plan(
      grant({
        streams: [
          { arn: streamArn('b'), kmsKeyArn: KEY },
          { arn: streamArn('w', 'us-west-2'), kmsKeyArn: MRK },
          { arn: streamArn('a'), kmsKeyArn: KEY },
        ],
      }),
    );
    expect(kms(p).map((s) => [s.Resource, s.Condition])).toEqual([
      [
        [KEY],
        {
          StringEquals: {
            'kms:ViaService': 'kinesis.us-east-1.amazonaws.com',
            'kms:EncryptionContext:aws:kinesis:arn': [streamArn('a'), streamArn('b')],
          },
        },
      ],
      [
        [MRK],
        {
          StringEquals: {
            'kms:ViaService': 'kinesis.us-west-2.amazonaws.com',
            'kms:EncryptionContext:aws:kinesis:arn': [streamArn('w', 'us-west-2')],
          },
        },
      ],
    ]);
  });

  it('uses the China endpoint suffix in aws-cn', () => {
    const key = `arn:aws-cn:kms:cn-north-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const p = plan(
      grant({
        principal: { roleArn: 'arn:aws-cn:iam::111122223333:role/ch' },
        streams: [{ arn: streamArn('orders', 'cn-north-1', ACCOUNT, 'aws-cn'), kmsKeyArn: key }],
      }),
    );
    expect(p.partition).toBe('aws-cn');
    expect(p.role.arn).toBe(`arn:aws-cn:iam::${ACCOUNT}:role/ClickHouseAccessRole-orders`);
    expect(kms(p)[0]?.Condition?.StringEquals?.['kms:ViaService']).toBe(
      'kinesis.cn-north-1.amazonaws.com.cn',
    );
  });

  it('warns when a key lives in another account', () => {
    const key = 'arn:aws:kms:us-east-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(plan(grant({ streams: [{ arn: ORDERS, kmsKeyArn: key }] })).warnings).toEqual([
      expect.stringMatching(
        /account 999999999999.*key policies must also allow role ClickHouseAccessRole-orders/,
      ),
    ]);
  });
});

describe('planGrant: trust options and role settings', () => {
  it('trusts several principals, with an external id and extra trust actions, sorted', () => {
    const p = plan(
      grant({
        profile: 'read',
        principal: {
          roleArn: 'arn:aws:iam::111122223333:role/z',
          additionalRoleArns: ['arn:aws:iam::111122223333:role/a'],
          externalId: 'tenant-42',
          extraTrustActions: ['sts:TagSession', 'sts:SetSourceIdentity'],
        },
      }),
    );
    expect(p.trustPolicy.Statement).toEqual([
      {
        Sid: 'AssumeRole',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::111122223333:role/z'] },
        Action: ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'],
        Condition: { StringEquals: { 'sts:ExternalId': 'tenant-42' } },
      },
    ]);
  });

  it('uses the role settings of the grant', () => {
    const p = plan(
      grant({
        role: {
          name: 'ClickHouseAccessRole-x',
          path: '/data/',
          maxSessionDuration: 7200,
          permissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
          tags: { z: '1', a: '2' },
        },
      }),
    );
    expect(p.role).toMatchObject({
      name: 'ClickHouseAccessRole-x',
      path: '/data/',
      arn: `arn:aws:iam::${ACCOUNT}:role/data/ClickHouseAccessRole-x`,
      maxSessionDuration: 7200,
      permissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    expect(Object.keys(p.role.tags)).toEqual(['a', 'z']);
    expect(p.policies[0]?.name).toBe('ClickHouseAccessRole-x-1');
  });

  it('refuses a trust policy over 2,048 characters, naming the grant and the numbers', () => {
    const additionalRoleArns = Array.from(
      { length: 40 },
      (_, i) => `arn:aws:iam::111122223333:role/clickhouse-service-role-${i}`,
    );
    const result = compileGrant(grant({ principal: { roleArn: CLICKHOUSE_ROLE, additionalRoleArns } }));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'spec.principal',
          message: expect.stringMatching(
            /^grant "orders": the trust policy is 2,\d{3} non-whitespace characters; the IAM quota is 2,048/,
          ),
        },
      ],
    });
  });
});

describe('planGrant: stream resource policies', () => {
  const principals = ['arn:aws:iam::444455556666:root', 'arn:aws:iam::444455556666:role/analytics'];
  // 003 "Example 2: Read access" and "Example 1: Write access": together, the stream actions AWS lets a
  // resource policy share.
  const kinesis = (...actions: string[]) => actions.map((action) => `kinesis:${action}`);
  const SHARED_FOR_READING = kinesis('DescribeStreamSummary', 'GetRecords', 'GetShardIterator', 'ListShards');
  const SHARED_FOR_WRITING = kinesis('DescribeStreamSummary', 'ListShards', 'PutRecord', 'PutRecords');

  it('gives each stream a policy with the shareable read actions for readers', () => {
    const p = plan(
      grant({
        profile: 'read',
        resourcePolicy: { principals },
        streams: [{ arn: ORDERS }, { arn: streamArn('b', 'eu-west-1') }],
      }),
    );
    expect(p.resourcePolicies).toEqual([
      expect.objectContaining({ resourceArn: streamArn('b', 'eu-west-1'), region: 'eu-west-1' }),
      {
        resourceArn: ORDERS,
        region: 'us-east-1',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'SharedStreamAccess',
              Effect: 'Allow',
              Principal: {
                AWS: ['arn:aws:iam::444455556666:role/analytics', 'arn:aws:iam::444455556666:root'],
              },
              Action: SHARED_FOR_READING,
              Resource: [ORDERS],
            },
          ],
        },
      },
    ]);
    expect(p.quotas.find((q) => q.name.includes('resource policy'))).toMatchObject({ limit: 20480 });
  });

  it('shares the write actions for writers and never a non-shareable action', () => {
    const shareable = new Set([...SHARED_FOR_READING, ...SHARED_FOR_WRITING]);
    expect(
      plan(grant({ profile: 'write', resourcePolicy: { principals } })).resourcePolicies[0]?.document
        .Statement[0]?.Action,
    ).toEqual(SHARED_FOR_WRITING);
    for (const profile of PROFILE_NAMES) {
      const p = plan(grant({ profile, resourcePolicy: { principals } }));
      for (const rp of p.resourcePolicies)
        for (const a of rp.document.Statement.flatMap((x) => x.Action as string[]))
          expect(shareable.has(a)).toBe(true);
    }
  });

  it('warns that shared encrypted streams also need the key policy', () => {
    const p = plan(grant({ resourcePolicy: { principals }, streams: [{ arn: ORDERS, kmsKeyArn: KEY }] }));
    expect(p.warnings).toEqual([expect.stringMatching(/KMS key policies .* must also allow/)]);
    expect(plan(grant({ resourcePolicy: { principals } })).warnings).toEqual([]);
  });

  it('refuses a resource policy over 20 KB', () => {
    const many = Array.from(
      { length: 400 },
      (_, i) => `arn:aws:iam::444455556666:role/some-fairly-long-analytics-role-${i}`,
    );
    const result = compileGrant(grant({ resourcePolicy: { principals: many } }));
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'spec.resourcePolicy.principals',
        message: expect.stringMatching(
          /^grant "orders": a stream resource policy is [\d,]+ bytes; the Kinesis quota is 20,480 bytes/,
        ),
      },
    ]);
  });
});

describe('planGrant: packing and quotas', () => {
  it('groups many streams into one statement per action set', () => {
    const p = plan(grant({ profile: 'write', streams: manyStreams(50) }));
    expect(p.policies).toHaveLength(1);
    expect(statements(p)).toHaveLength(1);
    expect(statements(p)[0]?.Resource).toHaveLength(50);
  });

  it('packs 400 clickpipes streams into several policies within 6,144 characters, covering exactly the streams', () => {
    const streams = manyStreams(400);
    const p = plan(grant({ streams }));
    expect(p.policies.length).toBeGreaterThan(1);
    expect(p.policies.length).toBeLessThanOrEqual(10);
    for (const policy of p.policies) expect(JSON.stringify(policy.document).length).toBeLessThanOrEqual(6144);
    const covered = (sid: string) =>
      statements(p)
        .filter((s) => s.Sid?.replace(/Part\d+$/, '') === sid)
        .flatMap((s) => s.Resource as string[]);
    expect(covered('Streams').sort()).toEqual(streams.map((s) => s.arn).sort());
    expect(covered('StreamConsumers').sort()).toEqual(streams.map((s) => `${s.arn}/consumer/*`).sort());
    expect(new Set(statements(p).map((s) => s.Sid)).size).toBe(statements(p).length);
    expect(p.policies.map((x) => x.name)).toEqual(
      p.policies.map((_, i) => `ClickHouseAccessRole-orders-${i + 1}`),
    );
    const quota = p.quotas.find((q) => q.name === 'managed policies per role');
    expect(quota).toEqual({ name: 'managed policies per role', used: p.policies.length, limit: 10 });
  });

  it('refuses 1,000 clickpipes streams with a clear quota error, even at the raised quota of 20', () => {
    for (const maxManagedPolicies of [undefined, 20]) {
      const result = compileGrant(
        grant({
          streams: manyStreams(1000),
          ...(maxManagedPolicies ? { quotas: { maxManagedPolicies } } : {}),
        }),
      );
      expect(!result.ok && result.problems).toEqual([
        {
          path: 'spec.streams',
          message: expect.stringMatching(
            new RegExp(
              `^grant "orders": the permissions need \\d+ managed policies .* for 1,000 streams; the quota is ${maxManagedPolicies ?? 10} managed policies per role`,
            ),
          ),
        },
      ]);
    }
  });

  it('packs 1,000 write streams into the raised quota of 20', () => {
    const p = plan(
      grant({ profile: 'write', streams: manyStreams(1000), quotas: { maxManagedPolicies: 20 } }),
    );
    expect(p.policies.length).toBeLessThanOrEqual(20);
    expect(statements(p).flatMap((s) => s.Resource as string[])).toHaveLength(1000);
  });

  it('honours maxPolicyChars and never widens access to fit', () => {
    const streams = manyStreams(30);
    const result = planGrant(spec(grant({ streams })), { maxPolicyChars: 1000 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const policy of result.value.policies)
      expect(JSON.stringify(policy.document).length).toBeLessThanOrEqual(1000);
    const resources = result.value.policies.flatMap((x) =>
      x.document.Statement.flatMap((s) => s.Resource as string[]),
    );
    expect(resources.filter((r) => r.includes('*') && !r.endsWith('/consumer/*') && r !== '*')).toEqual([]);
  });

  it('reports a budget too small for a single statement as a problem, not a crash', () => {
    expect(planGrant(spec(grant()), { maxPolicyChars: 100 })).toEqual({
      ok: false,
      problems: [
        {
          path: 'spec.streams',
          message: expect.stringMatching(/^grant "orders": statement Streams alone needs [\d,]+ characters/),
        },
      ],
    });
  });

  it('reports quota use', () => {
    const p = plan(grant({ role: { tags: { a: 'b' } } }));
    expect(p.quotas.map((q) => [q.name, q.limit])).toEqual([
      ['role name length', 64],
      ['trust policy size (non-whitespace characters)', 2048],
      ['managed policies per role', 10],
      ['largest managed policy (non-whitespace characters)', 6144],
      ['role tags', 50],
    ]);
    expect(p.quotas[0]?.used).toBe('ClickHouseAccessRole-orders'.length);
    expect(p.quotas[1]?.used).toBe(JSON.stringify(p.trustPolicy).length);
    expect(p.quotas[3]?.used).toBe(JSON.stringify(p.policies[0]?.document).length);
    expect(p.quotas[4]?.used).toBe(1);
  });
});

describe('determinism', () => {
  it('renders byte-identical output for the same grant, whatever the order of streams and principals', () => {
    const streams = [
      { arn: streamArn('c'), kmsKeyArn: KEY },
      { arn: streamArn('a', 'us-west-2'), kmsKeyArn: MRK },
      { arn: streamArn('b') },
    ];
    const principal = {
      roleArn: CLICKHOUSE_ROLE,
      additionalRoleArns: ['arn:aws:iam::111122223333:role/b', 'arn:aws:iam::111122223333:role/a'],
    };
    const one = canonicalJson(renderJson(plan(grant({ streams, principal }))));
    const again = canonicalJson(renderJson(plan(grant({ streams, principal }))));
    const reordered = canonicalJson(
      renderJson(
        plan(
          grant({
            streams: [...streams].reverse(),
            principal: {
              roleArn: CLICKHOUSE_ROLE,
              additionalRoleArns: [...principal.additionalRoleArns].reverse(),
            },
          }),
        ),
      ),
    );
    expect(again).toBe(one);
    expect(reordered).toBe(one);
  });

  it('plans deep-equal objects for equal specs', () => {
    for (const profile of PROFILE_NAMES) expect(plan(grant({ profile }))).toEqual(plan(grant({ profile })));
  });
});

describe('policy size accounting', () => {
  it.each(PROFILE_NAMES)(
    '%s: emitted documents hold no whitespace, so compact length is the IAM size',
    (profile) => {
      const p = plan(
        grant({
          profile,
          principal: {
            roleArn: CLICKHOUSE_ROLE,
            ...(profile === 'clickpipes' ? {} : { externalId: 'a=b,c.d@e:f/g-h' }),
            extraTrustActions: ['sts:TagSession'],
          },
          streams: [{ arn: ORDERS, kmsKeyArn: KEY }, ...manyStreams(120)],
          resourcePolicy: { principals: ['arn:aws:iam::444455556666:root'] },
        }),
      );
      const docs = [
        p.trustPolicy,
        ...p.policies.map((x) => x.document),
        ...p.resourcePolicies.map((x) => x.document),
      ];
      for (const doc of docs) expect(JSON.stringify(doc)).not.toMatch(/\s/);
      const largest = Math.max(...p.policies.map((x) => JSON.stringify(x.document).length));
      expect(p.quotas.find((q) => q.name.startsWith('largest managed policy'))?.used).toBe(largest);
    },
  );
});
