import * as f from '@kinesis-access/fixtures';
import {
  buildMatrix,
  checkGrantSemantics,
  expectGrantSemantics,
  type GrantIntent,
  type GrantPolicies,
  intentFromGrant,
  type MatrixFailure,
  type PolicyDocumentLike,
  runGrantMatrix,
} from './index';

// Each test runs one or two whole matrices through the validating simulator (~0.2 s each on 2 cores).
jest.setTimeout(30_000);

const clickpipes: GrantIntent = {
  profile: 'clickpipes',
  identityArn: f.ROLE_ARN,
  trustedPrincipals: [f.CLICKHOUSE_ROLE],
  streams: [{ arn: f.STREAM, kmsKeyArn: f.KEY }],
};
const good: GrantPolicies = f.policies(f.clickpipesCorrected, f.decryptViaKinesis);
/** The KCL application of 004 (StockTradesProcessor), as an intent without a consumer name. */
const kclApp: GrantIntent = {
  profile: 'kcl-consumer',
  identityArn: f.KCL_ROLE,
  trustedPrincipals: [f.CLICKHOUSE_ROLE],
  streams: [{ arn: f.KCL_STREAM }],
  kcl: { applicationName: f.KCL_APP, region: 'us-west-2' },
};

type Doc = { Version: string; Statement: Record<string, unknown>[] };
function edit(doc: PolicyDocumentLike, change: (d: Doc) => void): PolicyDocumentLike {
  const copy = structuredClone(doc) as Doc;
  change(copy);
  return copy;
}
function whys(failures: readonly MatrixFailure[]): string[] {
  return failures.map((x) => x.why);
}

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

describe('negative controls: every widening is caught (fast and validated engines agree)', () => {
  const cases: { name: string; policies: GrantPolicies; intent?: GrantIntent; expectWhy: RegExp }[] = [
    {
      name: 'stream/* instead of the stream',
      policies: f.policies(
        edit(f.clickpipesCorrected, (d) => {
          (d.Statement[0] as { Resource: unknown }).Resource =
            `arn:aws:kinesis:us-east-1:${f.ACCOUNT}:stream/*`;
        }),
        f.decryptViaKinesis,
      ),
      expectWhy: /^GetRecords on another stream next to orders$/,
    },
    {
      name: 'a wildcard region',
      policies: f.policies(
        edit(f.clickpipesCorrected, (d) => {
          (d.Statement[0] as { Resource: unknown }).Resource = `arn:aws:kinesis:*:${f.ACCOUNT}:stream/orders`;
        }),
        f.decryptViaKinesis,
      ),
      expectWhy: /^GetRecords on orders in another region \(us-west-2\)$/,
    },
    {
      name: 'a trailing * on the stream name',
      policies: f.policies(
        edit(f.clickpipesCorrected, (d) => {
          (d.Statement[0] as { Resource: unknown }).Resource = `${f.STREAM}*`;
        }),
        f.decryptViaKinesis,
      ),
      expectWhy: /^GetRecords on another stream next to orders$/,
    },
    {
      name: 'PutRecord added to a read profile',
      policies: f.policies(
        edit(f.clickpipesCorrected, (d) => {
          (d.Statement[0] as { Action: string[] }).Action.push('kinesis:PutRecord');
        }),
        f.decryptViaKinesis,
      ),
      expectWhy: /^PutRecord is not part of clickpipes$/,
    },
    {
      name: 'kinesis:* on the stream',
      policies: f.policies(
        edit(f.clickpipesCorrected, (d) => {
          (d.Statement[0] as { Action: unknown }).Action = 'kinesis:*';
        }),
        f.decryptViaKinesis,
      ),
      expectWhy: /^DeleteStream is not part of clickpipes$/,
    },
    {
      name: 'kms:Decrypt without kms:ViaService',
      policies: f.policies(
        f.clickpipesCorrected,
        edit(f.decryptViaKinesis, (d) => {
          (d.Statement[0] as { Condition: unknown }).Condition = {
            StringEquals: { 'kms:EncryptionContext:aws:kinesis:arn': f.STREAM },
          };
        }),
      ),
      expectWhy: /^Decrypt without kms:ViaService \(direct call\)$/,
    },
    {
      name: 'kms:Decrypt on every key',
      policies: f.policies(
        f.clickpipesCorrected,
        edit(f.decryptViaKinesis, (d) => {
          (d.Statement[0] as { Resource: unknown }).Resource = '*';
        }),
      ),
      expectWhy: /^Decrypt on another key in the same account$/,
    },
    {
      name: 'kms:Decrypt without the encryption context',
      policies: f.policies(
        f.clickpipesCorrected,
        edit(f.decryptViaKinesis, (d) => {
          (d.Statement[0] as { Condition: unknown }).Condition = {
            StringEquals: { 'kms:ViaService': 'kinesis.us-east-1.amazonaws.com' },
          };
        }),
      ),
      expectWhy: /^Decrypt with another stream's encryption context$/,
    },
    {
      name: 'kms:GenerateDataKey for a reader',
      policies: f.policies(
        f.clickpipesCorrected,
        edit(f.decryptViaKinesis, (d) => {
          (d.Statement[0] as { Action: unknown }).Action = ['kms:Decrypt', 'kms:GenerateDataKey'];
        }),
      ),
      expectWhy: /^kms:GenerateDataKey is not part of clickpipes$/,
    },
    {
      name: 'the trusted account root instead of the ClickHouse role',
      policies: {
        ...good,
        trustPolicy: edit(f.doc001Trust, (d) => {
          (d.Statement[0] as { Principal: unknown }).Principal = { AWS: 'arn:aws:iam::111122223333:root' };
        }),
      },
      expectWhy: /^another role in the trusted principal's account 111122223333 may not assume the role$/,
    },
    {
      name: 'an external id asked for but missing from the trust policy',
      policies: good,
      intent: { ...clickpipes, externalId: 'abc-123' },
      expectWhy: /without the external id$/,
    },
    {
      name: 'sts:TagSession not asked for',
      policies: {
        ...good,
        trustPolicy: edit(f.doc001Trust, (d) => {
          (d.Statement[0] as { Action: unknown }).Action = ['sts:AssumeRole', 'sts:TagSession'];
        }),
      },
      expectWhy: /^sts:TagSession was not asked for$/,
    },
    {
      name: 'sts:TagSession asked for but missing',
      policies: good,
      intent: { ...clickpipes, extraTrustActions: ['sts:TagSession'] },
      expectWhy: /^sts:TagSession was asked for$/,
    },
    {
      name: 'a missing trust policy',
      policies: { permissionPolicies: good.permissionPolicies },
      expectWhy: /^the role has no trust policy$/,
    },
    {
      name: 'an unasked-for resource policy',
      policies: { ...good, resourcePolicies: [{ resourceArn: f.STREAM, document: f.doc003ReadShare }] },
      expectWhy: /although the grant shares nothing$/,
    },
    {
      name: 'a missing stream (the policy covers one stream, the grant two)',
      policies: good,
      intent: {
        ...clickpipes,
        streams: [...clickpipes.streams, { arn: `arn:aws:kinesis:eu-west-1:${f.ACCOUNT}:stream/orders` }],
      },
      expectWhy: /^clickpipes needs GetRecords on every granted stream$/,
    },
  ];

  test.each(cases)('$name', async ({ policies, intent, expectWhy }) => {
    const validated = await runGrantMatrix(policies, intent ?? clickpipes);
    expect(whys(validated.failures)).toContainEqual(expect.stringMatching(expectWhy));
    const fast = await runGrantMatrix(policies, intent ?? clickpipes, { engine: 'fast' });
    expect(fast.failures.map((x) => [x.why, x.expected])).toEqual(
      validated.failures.map((x) => [x.why, x.expected]),
    );
  });

  test('kmsEncryptionContext: "optional" accepts a key statement without the context', async () => {
    const noContext = edit(f.decryptViaKinesis, (d) => {
      (d.Statement[0] as { Condition: unknown }).Condition = {
        StringEquals: { 'kms:ViaService': 'kinesis.us-east-1.amazonaws.com' },
      };
    });
    const policies = f.policies(f.clickpipesCorrected, noContext);
    expect(await checkGrantSemantics(policies, clickpipes, { kmsEncryptionContext: 'optional' })).toEqual([]);
  });

  test('a shared stream: widened resource-policy actions and principals are caught', async () => {
    const intent: GrantIntent = {
      profile: 'read',
      identityArn: f.ROLE_ARN,
      trustedPrincipals: [f.CLICKHOUSE_ROLE],
      streams: [{ arn: f.STREAM }],
      resourcePolicyPrincipals: [`arn:aws:iam::${f.SHARED_ACCOUNT}:role/reader`],
    };
    const read = f.readerPolicy;
    const share = (change: (d: Doc) => void) => ({
      trustPolicy: f.doc001Trust,
      permissionPolicies: [read],
      resourcePolicies: [{ resourceArn: f.STREAM, document: edit(f.doc003ReadShare, change) }],
    });
    const wideAccount = await checkGrantSemantics(
      share(() => {}),
      intent,
      { depth: 'quick' },
    );
    expect(whys(wideAccount)).toEqual([]); // the account root covers the listed role: not wider than asked
    const writes = await checkGrantSemantics(
      share((d) => {
        (d.Statement[0] as { Action: string[] }).Action.push('kinesis:PutRecord');
      }),
      intent,
      { depth: 'quick' },
    );
    expect(whys(writes)).toContain(
      `PutRecord is not shared with arn:aws:iam::${f.SHARED_ACCOUNT}:role/reader`,
    );
    const anyone = await checkGrantSemantics(
      share((d) => {
        (d.Statement[0] as { Principal: unknown }).Principal = { AWS: '*' };
      }),
      intent,
      { depth: 'quick' },
    );
    expect(whys(anyone)).toContain('GetRecords is not shared with an unlisted principal');
    const missing = await checkGrantSemantics(
      { trustPolicy: f.doc001Trust, permissionPolicies: [read] },
      intent,
    );
    expect(whys(missing)).toEqual([`no resource policy on the granted stream ${f.STREAM}`]);
  });
});

describe('reporting', () => {
  test('expectGrantSemantics throws listing every failed cell with request, expected and got', async () => {
    const widened = f.policies(
      edit(f.clickpipesCorrected, (d) => {
        (d.Statement[0] as { Action: string[] }).Action.push('kinesis:PutRecord', 'kinesis:PutRecords');
      }),
      f.decryptViaKinesis,
    );
    await expect(expectGrantSemantics(widened, clickpipes, { depth: 'quick' })).rejects.toThrow(
      /2 of \d+ cells failed for clickpipes grant[\s\S]*\[stream\] PutRecord is not part of clickpipes: arn:aws:iam::123456789012:role\/ClickHouseAccessRole-orders → kinesis:PutRecord on arn:aws:kinesis:us-east-1:123456789012:stream\/orders: expected Denied, got Allowed[\s\S]*PutRecords/,
    );
  });

  test('quick depth is a subset of full depth', async () => {
    const quick = await buildMatrix(good, clickpipes, { depth: 'quick' });
    const full = await buildMatrix(good, clickpipes, { depth: 'full' });
    expect(quick.cells.length).toBeLessThan(full.cells.length);
    const fullKeys = new Set(full.cells.map((c) => JSON.stringify(c.request)));
    const missing = quick.cells.filter((c) => !fullKeys.has(JSON.stringify(c.request)));
    expect(missing.map((c) => c.request.action)).toEqual([]);
  });
});

describe('intentFromGrant', () => {
  const grant = {
    apiVersion: 'kinesis-access/v1',
    metadata: { name: 'orders' },
    spec: {
      profile: 'kcl-consumer',
      principal: {
        roleArn: f.CLICKHOUSE_ROLE,
        additionalRoleArns: ['arn:aws:iam::111122223333:role/Second'],
        externalId: 'x-1',
        extraTrustActions: ['sts:TagSession'],
      },
      streams: [{ arn: f.KCL_STREAM }, { arn: f.STREAM, kmsKeyArn: f.KEY }],
      kcl: { applicationName: 'app' },
      resourcePolicy: { principals: ['210987654321'] },
    },
  };

  test('takes principals, external id, streams and kcl (default region: first stream ARN in sorted order) from the input', () => {
    expect(intentFromGrant(grant, { role: { arn: f.KCL_ROLE } })).toEqual({
      profile: 'kcl-consumer',
      identityArn: f.KCL_ROLE,
      trustedPrincipals: [f.CLICKHOUSE_ROLE, 'arn:aws:iam::111122223333:role/Second'],
      externalId: 'x-1',
      extraTrustActions: ['sts:TagSession'],
      streams: [{ arn: f.KCL_STREAM }, { arn: f.STREAM, kmsKeyArn: f.KEY }],
      kcl: { applicationName: 'app', region: 'us-east-1' },
      consumerName: 'app',
      resourcePolicyPrincipals: ['210987654321'],
    });
  });

  test('an explicit kcl.region wins over the default', () => {
    const explicit = {
      ...grant,
      spec: { ...grant.spec, kcl: { applicationName: 'app', region: 'eu-west-1' } },
    };
    expect(intentFromGrant(explicit, f.KCL_ROLE).kcl).toEqual({
      applicationName: 'app',
      region: 'eu-west-1',
    });
  });

  test('an upsolver iam-user grant: the user is the identity and nobody assumes anything', () => {
    const user = {
      ...grant,
      spec: { ...grant.spec, profile: 'upsolver', kcl: undefined, upsolver: { credentials: 'iam-user' } },
    };
    const intent = intentFromGrant(user, {
      partition: 'aws',
      accountId: f.ACCOUNT,
      role: { arn: f.ROLE_ARN },
      iamUser: { name: 'upsolver-orders', path: '/kinesis-access/' },
    });
    expect(intent.identityArn).toBe(`arn:aws:iam::${f.ACCOUNT}:user/kinesis-access/upsolver-orders`);
    expect(intent.trustedPrincipals).toEqual([]);
    expect(intent.externalId).toBeUndefined();
  });

  test('refuses an unknown profile', () => {
    expect(() => intentFromGrant({ spec: { ...grant.spec, profile: 'admin' } }, f.ROLE_ARN)).toThrow(
      /unknown profile "admin"/,
    );
  });
});
