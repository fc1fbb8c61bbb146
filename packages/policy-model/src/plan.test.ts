import { ACCOUNT, CLICKHOUSE_ROLE, grant, KEY, UPSOLVER_EXTERNAL_ID } from '@kinesis-access/fixtures';
import { PROFILE_NAMES } from './profiles';
import { conditionOf, ORDERS, plan, resourcesOf, sids, statements } from './test-support/plan';

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
