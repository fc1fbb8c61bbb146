import { CLICKHOUSE_ROLE, grant, KEY, MRK, streamArn } from '@kinesis-access/fixtures';
import { PROFILE_NAMES } from './profiles';
import { defaultRoleName, validateGrant } from './validate';

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

describe('defaultRoleName', () => {
  it('derives ClickHouseAccessRole-<name> for clickpipes, kinesis-access-<name> otherwise', () => {
    expect(defaultRoleName('orders', 'clickpipes')).toBe('ClickHouseAccessRole-orders');
    expect(defaultRoleName('orders', 'read')).toBe('kinesis-access-orders');
  });
});
