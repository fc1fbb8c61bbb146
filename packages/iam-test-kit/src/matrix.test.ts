import * as f from '@kinesis-access/fixtures';
import { checkGrantSemantics, expectGrantSemantics, type GrantIntent, type GrantPolicies } from './index';
import { clickpipes, edit, good, kclApp, whys } from './test-support/matrix';

// Each test runs one or two whole matrices through the validating simulator (~0.2 s each on 2 cores).
jest.setTimeout(30_000);

describe('the matrix passes hand-written least-privilege policies', () => {
  test('clickpipes: 001 corrected per the AWS catalog + Decrypt via Kinesis, full depth', async () => {
    const result = await expectGrantSemantics(good, clickpipes);
    expect(result.cells).toBeGreaterThan(150);
    expect(result.failures).toEqual([]);
  });

  const kclIntent: GrantIntent = { ...kclApp, consumerName: f.KCL_APP };

  test("kcl-consumer (KCL 3.x): AWS's KCL page narrowed to the tables, the consumer and the namespace", async () => {
    expect(
      await checkGrantSemantics(
        { trustPolicy: f.doc001Trust, permissionPolicies: [f.kclNarrowed] },
        kclIntent,
      ),
    ).toEqual([]);
  });

  test('kcl-consumer (KCL 2.x): the 2.x policy passes for version 2 and fails KCL 3.x, naming the calls', async () => {
    const v2: GrantIntent = {
      ...kclIntent,
      kcl: { ...(kclIntent.kcl as NonNullable<GrantIntent['kcl']>), version: 2 },
    };
    const policies = { trustPolicy: f.doc001Trust, permissionPolicies: [f.kcl2Narrowed] };
    expect(await checkGrantSemantics(policies, v2)).toEqual([]);
    const v3 = whys(await checkGrantSemantics(policies, kclIntent));
    expect(v3).toEqual(
      expect.arrayContaining([
        `KCL needs dynamodb:UpdateTable on the lease table ${f.KCL_APP}`,
        `KCL needs dynamodb:Query on an index of the lease table ${f.KCL_APP}`,
        `KCL needs dynamodb:PutItem on the worker metrics table ${f.KCL_APP}-WorkerMetricStats`,
        `KCL needs dynamodb:GetItem on the coordinator state table ${f.KCL_APP}-CoordinatorState`,
      ]),
    );
    // And the 3.x policy is too wide for 2.x: the 3.x-only tables must be denied there.
    expect(
      whys(await checkGrantSemantics({ ...policies, permissionPolicies: [f.kclNarrowed] }, v2)),
    ).toContain(`dynamodb:UpdateTable is not needed by KCL on the lease table ${f.KCL_APP}`);
  });

  test('kcl-consumer: consumer actions on every consumer fail when KCL names its consumer', async () => {
    const wide = edit(f.kclNarrowed, (d) => {
      for (const s of d.Statement)
        if (String(s.Resource).includes('/consumer/')) s.Resource = [`${f.KCL_STREAM}/consumer/*`];
    });
    expect(
      whys(await checkGrantSemantics({ trustPolicy: f.doc001Trust, permissionPolicies: [wide] }, kclIntent)),
    ).toContain(`SubscribeToShard on another consumer of StockTradeStream`);
  });

  test('write: 004 producer + GenerateDataKey via Kinesis, with an external id', async () => {
    const intent: GrantIntent = {
      profile: 'write',
      identityArn: f.PRODUCER_ROLE,
      trustedPrincipals: ['arn:aws:iam::444455556666:role/app'],
      externalId: 'ext-123',
      streams: [{ arn: f.STREAM, kmsKeyArn: f.KEY }],
    };
    const policies = { trustPolicy: f.PRODUCER_TRUST, permissionPolicies: [f.producerPolicy] };
    expect(await checkGrantSemantics(policies, intent)).toEqual([]);
  });

  test('read with a stream resource policy: 003 example 2 shared with an account', async () => {
    const read = f.readerPolicy;
    const intent: GrantIntent = {
      profile: 'read',
      identityArn: f.ROLE_ARN,
      trustedPrincipals: [f.CLICKHOUSE_ROLE],
      streams: [{ arn: f.STREAM }],
      resourcePolicyPrincipals: [`arn:aws:iam::${f.SHARED_ACCOUNT}:root`],
    };
    const policies: GrantPolicies = {
      trustPolicy: f.doc001Trust,
      permissionPolicies: [read],
      resourcePolicies: [{ resourceArn: f.STREAM, document: f.doc003ReadShare }],
    };
    expect(await checkGrantSemantics(policies, intent)).toEqual([]);
  });
  test('a KMS key in another account (the key owner names the role) and the China partition endpoint name', async () => {
    const foreignKey = 'arn:aws:kms:us-east-1:555555555555:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const decrypt = edit(f.decryptViaKinesis, (d) => {
      (d.Statement[0] as { Resource: unknown }).Resource = foreignKey;
    });
    const intent: GrantIntent = { ...clickpipes, streams: [{ arn: f.STREAM, kmsKeyArn: foreignKey }] };
    expect(await checkGrantSemantics(f.policies(f.clickpipesCorrected, decrypt), intent)).toEqual([]);

    const cn = (text: string) =>
      text.replaceAll('arn:aws:', 'arn:aws-cn:').replaceAll('us-east-1', 'cn-north-1');
    const cnPolicies = JSON.parse(cn(JSON.stringify(f.policies(f.clickpipesCorrected, f.decryptViaKinesis))));
    const cnIntent = JSON.parse(cn(JSON.stringify(clickpipes))) as GrantIntent;
    const viaCom = await checkGrantSemantics(cnPolicies, cnIntent);
    expect(whys(viaCom)).toContain('Decrypt on the key of orders via Kinesis');
    const cnFixed = JSON.parse(
      JSON.stringify(cnPolicies).replace(
        'kinesis.cn-north-1.amazonaws.com',
        'kinesis.cn-north-1.amazonaws.com.cn',
      ),
    );
    expect(await checkGrantSemantics(cnFixed, cnIntent)).toEqual([]);
  });
});

describe('the matrix catches what the reference documents get wrong', () => {
  test('001 verbatim: DeregisterStreamConsumer is scoped to the stream, where AWS never authorises it', async () => {
    const failures = await checkGrantSemantics(
      f.policies(f.doc001Permissions, f.decryptViaKinesis),
      clickpipes,
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      group: 'consumer',
      expected: 'Allowed',
      got: 'ImplicitlyDenied',
      request: { action: 'kinesis:DeregisterStreamConsumer' },
    });
  });

  test('004 verbatim for a KCL consumer: writes, dynamodb:* and unscoped metrics are all reported', async () => {
    const failures = await checkGrantSemantics(
      { trustPolicy: f.doc001Trust, permissionPolicies: [f.doc004Policy] },
      kclApp,
    );
    const actions = new Set(failures.map((x) => x.request?.action));
    for (const a of [
      'kinesis:PutRecord',
      'kinesis:PutRecords',
      'kinesis:ListShards',
      'kinesis:DescribeStreamSummary',
      'dynamodb:DeleteTable',
      'cloudwatch:PutMetricData',
    ]) {
      expect(actions).toContain(a);
    }
    expect(whys(failures)).toContain('cloudwatch:PutMetricData in another namespace');
    expect(whys(failures)).toContain('cloudwatch:PutMetricData without a namespace');
  });

  test('002 verbatim: the typo "kinesis: Get*" matches no action, so the reads it meant are missing', async () => {
    const intent: GrantIntent = { ...clickpipes, profile: 'upsolver', streams: [{ arn: f.STREAM }] };
    const failures = await checkGrantSemantics(f.policies(f.doc002Policy), intent);
    expect(failures.map((x) => [x.request?.action, x.expected, x.got])).toEqual([
      ['kinesis:GetRecords', 'Allowed', 'ImplicitlyDenied'],
      ['kinesis:GetShardIterator', 'Allowed', 'ImplicitlyDenied'],
    ]);
  });

  test('002 as meant ("kinesis:Get*") also grants GetResourcePolicy; explicit actions do not', async () => {
    const intent: GrantIntent = { ...clickpipes, profile: 'upsolver', streams: [{ arn: f.STREAM }] };
    const wide = await checkGrantSemantics(f.policies(f.doc002Fixed), intent);
    expect(wide.map((x) => x.request?.action)).toEqual(['kinesis:GetResourcePolicy']);
    expect(await checkGrantSemantics(f.policies(f.upsolverExplicit), intent)).toEqual([]);
  });
});
