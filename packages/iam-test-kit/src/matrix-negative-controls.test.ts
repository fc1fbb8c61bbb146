import * as f from '@kinesis-access/fixtures';
import { checkGrantSemantics, type GrantIntent, type GrantPolicies, runGrantMatrix } from './index';
import { clickpipes, type Doc, edit, good, whys } from './test-support/matrix';

// Each test runs one or two whole matrices through the validating simulator (~0.2 s each on 2 cores).
jest.setTimeout(30_000);

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
