import { ACCOUNT, CLICKHOUSE_ROLE, grant } from '@kinesis-access/fixtures';
import { compileGrant } from './plan';
import { plan } from './test-support/plan';

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
