import { ACCOUNT, grant, KEY, MRK, streamArn } from '@kinesis-access/fixtures';
import { PROFILE_NAMES } from './profiles';
import { ORDERS, plan, statements } from './test-support/plan';
import type { GrantPlan } from './types';

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
