/**
 * Grants the tests build themselves (one per profile and option), and the glue from a compiled plan to the
 * iam-test-kit matrix. The intent handed to the matrix comes from the grant INPUT, never from the plan's
 * statements; only the role ARN (the identity the policies are attached to) comes from the plan.
 */
import { type GrantIntent, type GrantPolicies, intentFromGrant } from '@kinesis-access/iam-test-kit';
import type { GrantPlan, RenderedGrant } from '../../src/types';

export const ACCOUNT = '123456789012';
export const CLICKHOUSE = 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role';
export const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

export type GrantInput = {
  apiVersion: 'kinesis-access/v1';
  kind: 'KinesisAccessGrant';
  metadata: { name: string; description?: string };
  spec: Record<string, unknown> & {
    profile?: string;
    principal: { roleArn: string; [k: string]: unknown };
    streams: { arn: string; kmsKeyArn?: string }[];
  };
};

export function grant(name: string, spec: GrantInput['spec']): GrantInput {
  return { apiVersion: 'kinesis-access/v1', kind: 'KinesisAccessGrant', metadata: { name }, spec };
}

export const stream = (name: string, region = 'us-east-1', partition = 'aws', account = ACCOUNT): string =>
  `arn:${partition}:kinesis:${region}:${account}:stream/${name}`;
export const key = (region = 'us-east-1', id = KEY_ID, partition = 'aws', account = ACCOUNT): string =>
  `arn:${partition}:kms:${region}:${account}:key/${id}`;

/** The render JSON contract (what `kinesis-access render --format json` prints) as the matrix's input. */
export function policiesOf(rendered: RenderedGrant): GrantPolicies {
  return {
    trustPolicy: rendered.trustPolicy,
    permissionPolicies: rendered.policies.map((p) => p.document),
    resourcePolicies: rendered.resourcePolicies.map((r) => ({
      resourceArn: r.resourceArn,
      document: r.document,
    })),
  };
}

export function intentOf(input: GrantInput, plan: GrantPlan): GrantIntent {
  return intentFromGrant(input, plan);
}

/** One example-like grant per profile and option (built here, not read from files other people own). */
export const PROFILE_GRANTS: readonly { readonly title: string; readonly input: GrantInput }[] = [
  {
    title: 'clickpipes, one stream (001 as is)',
    input: grant('orders-clickpipes', {
      profile: 'clickpipes',
      principal: { roleArn: CLICKHOUSE },
      streams: [{ arn: stream('orders') }],
    }),
  },
  {
    title: 'clickpipes, two regions, encrypted, extra trust actions, two principals',
    input: grant('clickstream-clickpipes', {
      profile: 'clickpipes',
      principal: {
        roleArn: CLICKHOUSE,
        additionalRoleArns: ['arn:aws:iam::444455556666:role/ClickHouse-Standby'],
        extraTrustActions: ['sts:TagSession', 'sts:SetSourceIdentity'],
      },
      role: { name: 'ClickHouseAccessRole-clickstream', path: '/data/' },
      streams: [
        { arn: stream('clickstream-web'), kmsKeyArn: key() },
        {
          arn: stream('clickstream-mobile', 'eu-central-1'),
          kmsKeyArn: key('eu-central-1', 'mrk-1234abcd12ab34cd56ef1234567890ab'),
        },
      ],
    }),
  },
  {
    title: 'read, with a cross-account stream resource policy (account root and a role)',
    input: grant('partner-metrics-shared', {
      profile: 'read',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/metrics-exporter` },
      resourcePolicy: {
        principals: [
          'arn:aws:iam::111122223333:role/partner-analytics-reader',
          'arn:aws:iam::210987654321:root',
        ],
      },
      streams: [{ arn: stream('device-metrics') }, { arn: stream('device-events', 'us-west-2') }],
    }),
  },
  {
    title: 'write, encrypted, shared for writing',
    input: grant('checkout-producer', {
      profile: 'write',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/checkout-service` },
      resourcePolicy: { principals: ['arn:aws:iam::444455556666:role/partner-writer'] },
      streams: [{ arn: stream('checkout-events'), kmsKeyArn: key() }],
    }),
  },
  {
    title: 'read-write, two keys, one stream unencrypted',
    input: grant('order-enricher', {
      profile: 'read-write',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/enricher`, externalId: 'enrich-1' },
      streams: [
        { arn: stream('orders-raw'), kmsKeyArn: key() },
        {
          arn: stream('orders-enriched', 'us-west-2'),
          kmsKeyArn: key('us-west-2', '0f0f0f0f-1111-2222-3333-444455556666'),
        },
        { arn: stream('orders-audit') },
      ],
    }),
  },
  {
    title: 'kcl-consumer, explicit lease-table region',
    input: grant('stock-trades-kcl', {
      profile: 'kcl-consumer',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/stock-trades-app` },
      kcl: { applicationName: 'StockTradesProcessor', region: 'us-west-2' },
      streams: [{ arn: stream('StockTradeStream', 'us-west-2'), kmsKeyArn: key('us-west-2') }],
    }),
  },
  {
    title: 'kcl-consumer, default lease-table region with streams in two regions (first ARN in sorted order)',
    input: grant('clicks-kcl', {
      profile: 'kcl-consumer',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/clicks-app` },
      kcl: { applicationName: 'clicks-app' },
      streams: [{ arn: stream('zeta-clicks', 'us-west-2') }, { arn: stream('alpha-clicks', 'eu-west-1') }],
    }),
  },
  {
    title: 'kcl-consumer, default lease-table region (one region)',
    input: grant('audit-kcl', {
      profile: 'kcl-consumer',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/audit-app` },
      kcl: { applicationName: 'audit.consumer_v2' },
      streams: [{ arn: stream('audit-a', 'eu-west-1') }, { arn: stream('audit-b', 'eu-west-1') }],
    }),
  },
  {
    title: 'kcl-consumer, KCL 2.x (kcl.version: 2), custom consumer name and metrics namespace',
    input: grant('legacy-kcl2', {
      profile: 'kcl-consumer',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/legacy-app` },
      kcl: { applicationName: 'LegacyProcessor', version: 2, metricsNamespace: 'Legacy/KCL' },
      consumerName: 'legacy-efo',
      streams: [{ arn: stream('legacy-events') }],
    }),
  },
  {
    title: 'read through one named enhanced fan-out consumer (spec.consumerName)',
    input: grant('fraud-efo-reader', {
      profile: 'read',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/fraud-scoring` },
      consumerName: 'fraud-scoring',
      streams: [{ arn: stream('payments') }, { arn: stream('refunds', 'eu-west-1') }],
    }),
  },
  {
    title: 'write with the KPL metrics opted in (default namespace)',
    input: grant('kpl-producer', {
      profile: 'write',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/kpl-producer` },
      kplMetrics: {},
      streams: [{ arn: stream('clicks-raw') }],
    }),
  },
  {
    title: 'read-write with the KPL metrics in a namespace of its own, and a consumer name',
    input: grant('kpl-enricher', {
      profile: 'read-write',
      principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/kpl-enricher` },
      kplMetrics: { namespace: 'Enricher/KPL' },
      consumerName: 'enricher',
      streams: [{ arn: stream('clicks-enriched'), kmsKeyArn: key() }],
    }),
  },
  {
    title: 'upsolver as a role with its external id (002 with explicit actions)',
    input: grant('events-upsolver', {
      profile: 'upsolver',
      principal: {
        roleArn: 'arn:aws:iam::949275490180:role/upsolver-role',
        externalId: 'upsolver-connection-7f3a',
      },
      streams: [{ arn: stream('events') }],
    }),
  },
  {
    title: 'upsolver as an IAM user (explicit opt-in)',
    input: grant('events-upsolver-user', {
      profile: 'upsolver',
      principal: { roleArn: 'arn:aws:iam::949275490180:role/upsolver-role' },
      upsolver: { credentials: 'iam-user' },
      streams: [{ arn: stream('events'), kmsKeyArn: key() }],
    }),
  },
  {
    title: 'clickpipes in aws-cn, encrypted',
    input: grant('cn-orders', {
      profile: 'clickpipes',
      principal: { roleArn: 'arn:aws-cn:iam::111122223333:role/ClickHouse-Service-Role' },
      streams: [
        { arn: stream('orders', 'cn-north-1', 'aws-cn'), kmsKeyArn: key('cn-north-1', KEY_ID, 'aws-cn') },
      ],
    }),
  },
  {
    title: 'read-write in aws-us-gov, encrypted',
    input: grant('gov-telemetry', {
      profile: 'read-write',
      principal: { roleArn: 'arn:aws-us-gov:iam::111122223333:role/telemetry' },
      streams: [
        {
          arn: stream('telemetry', 'us-gov-west-1', 'aws-us-gov'),
          kmsKeyArn: key('us-gov-west-1', KEY_ID, 'aws-us-gov'),
        },
      ],
    }),
  },
];
