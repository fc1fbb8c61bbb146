import * as f from '@kinesis-access/fixtures';
import { intentFromGrant } from './index';

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
