/**
 * Hand-written plans in the model's GrantPlan shape, used only where a test needs a plan the model does not
 * produce (e.g. a deliberately broken one). Real-terraform and simulation tests use the model's own plans.
 */
import type { GrantPlan } from '@kinesis-access/policy-model';

export interface FixtureOptions {
  readonly accountId?: string;
  readonly regions?: readonly string[];
  readonly withResourcePolicy?: boolean;
  readonly withUser?: boolean;
}

export function fixturePlan(name: string, options: FixtureOptions = {}): GrantPlan {
  const accountId = options.accountId ?? '123456789012';
  const regions = options.regions ?? ['us-east-1'];
  const streams = regions.map((region) => ({
    arn: `arn:aws:kinesis:${region}:${accountId}:stream/${name}`,
    region,
    name,
  }));
  const roleName = `ClickHouseAccessRole-${name}`;
  const policies = [
    {
      name: `${roleName}-1`,
      document: {
        Version: '2012-10-17' as const,
        Statement: [
          {
            Effect: 'Allow' as const,
            Action: [
              'kinesis:DescribeStream',
              'kinesis:GetRecords',
              'kinesis:GetShardIterator',
              'kinesis:ListShards',
            ],
            Resource: streams.map((s) => s.arn),
          },
          { Effect: 'Allow' as const, Action: 'kinesis:ListStreams', Resource: '*' },
        ],
      },
    },
  ];
  return {
    grantName: name,
    profile: 'clickpipes',
    partition: 'aws',
    accountId,
    role: {
      name: roleName,
      path: '/',
      arn: `arn:aws:iam::${accountId}:role/${roleName}`,
      description: `Kinesis access grant ${name}`,
      maxSessionDuration: 3600,
      tags: { team: 'data' },
    },
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role' },
          Action: 'sts:AssumeRole',
        },
      ],
    },
    policies,
    resourcePolicies: options.withResourcePolicy
      ? streams.map((s) => ({
          resourceArn: s.arn,
          region: s.region,
          document: {
            Version: '2012-10-17' as const,
            Statement: [
              {
                Effect: 'Allow' as const,
                Principal: { AWS: 'arn:aws:iam::444455556666:root' },
                Action: ['kinesis:DescribeStreamSummary', 'kinesis:GetRecords'],
                Resource: s.arn,
              },
            ],
          },
        }))
      : [],
    ...(options.withUser
      ? { iamUser: { name: `${name}-user`, path: '/', policyNames: [`${roleName}-1`] } }
      : {}),
    warnings: [],
    quotas: [],
    streams,
  };
}
