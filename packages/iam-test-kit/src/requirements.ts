/**
 * What each real client calls, from the client's own public documentation — the "must be allowed" side of the
 * simulation matrix. Written down here by hand, from the pages in {@link SOURCES} (requirement-sources.ts, with the
 * clients); never derived from the policy model (whose action lists this table is meant to check). docs/profiles.md
 * renders it (`pnpm --filter @kinesis-access/iam-test-kit run docs`; a test fails when the doc is out of date).
 *
 * `required`: the client fails without it (or the client's documentation lists it as a minimum permission).
 * `optional`: the client may call it (older versions, other code paths); a profile may grant it, never must.
 * Anything a profile's clients do not list here must be denied (the matrix's catalog-wide sweep).
 *
 * One table, not one module per client: clients share rows (KCL 2.x and 3.x the Kinesis calls, four clients the
 * KMS rows), and a reviewer checks the whole table against docs/profiles.md in one place.
 */
import type { ClientId, SourceId } from './requirement-sources';

export { CLIENTS, type ClientId, SOURCES, type Source, type SourceId } from './requirement-sources';

/**
 * The resource a call targets, in the terms of the grant:
 * - `stream`: each granted stream
 * - `consumer`: the client's enhanced fan-out consumer of each granted stream (its name: the grant's consumer
 *   name, KCL's application name, or — when the client names its consumers itself — any consumer)
 * - `*`: no resource type (the call is authorised on `*` only)
 * - `kms-key`: the KMS key of each encrypted stream, via Kinesis, for that stream
 * - `lease-table`, `lease-table-index`, `worker-metrics-table`, `coordinator-state-table`: KCL's DynamoDB tables
 *   (`<app>`, `<app>/index/*`, `<app>-WorkerMetricStats`, `<app>-CoordinatorState`)
 * - `metrics`: CloudWatch PutMetricData in the client's namespace (KCL: the application name unless set; KPL:
 *   KinesisProducerLibrary unless set)
 */
export type RequirementResource =
  | 'stream'
  | 'consumer'
  | '*'
  | 'kms-key'
  | 'lease-table'
  | 'lease-table-index'
  | 'worker-metrics-table'
  | 'coordinator-state-table'
  | 'metrics';

/** When a requirement applies (all given conditions must hold). */
export interface RequirementCondition {
  /** Only for encrypted streams. */
  readonly encrypted?: true;
  /** Only when the grant opts in to KPL metrics. */
  readonly kplMetrics?: true;
}

export interface Requirement {
  readonly client: ClientId;
  /** `service:Action`. */
  readonly call: string;
  readonly resource: RequirementResource;
  readonly need: 'required' | 'optional';
  readonly when?: RequirementCondition;
  /** Why the client calls it, in the source's words where it has them. */
  readonly purpose: string;
  readonly source: SourceId;
}

type Row = Omit<Requirement, 'client'>;

const rows = (client: ClientId, list: readonly Row[]): Requirement[] => list.map((r) => ({ client, ...r }));

const decrypt: Row = {
  call: 'kms:Decrypt',
  resource: 'kms-key',
  need: 'required',
  when: { encrypted: true },
  purpose: 'consumers of a stream encrypted with a customer managed key decrypt records',
  source: 'aws-kms-user-key',
};
const generateDataKey: Row = {
  call: 'kms:GenerateDataKey',
  resource: 'kms-key',
  need: 'required',
  when: { encrypted: true },
  purpose: 'producers to a stream encrypted with a customer managed key generate data keys',
  source: 'aws-kms-user-key',
};

/** KCL's Kinesis calls (the same in 2.x and 3.x). */
const kclKinesis: readonly Row[] = [
  ...['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary'].map(
    (call): Row => ({
      call,
      resource: 'stream',
      need: 'required',
      purpose: 'checks that the stream exists and is active and which shards it has',
      source: 'aws-kcl-iam',
    }),
  ),
  {
    call: 'kinesis:RegisterStreamConsumer',
    resource: 'stream',
    need: 'required',
    purpose: 'registers its enhanced fan-out consumer (named after the application unless set)',
    source: 'aws-kcl-iam',
  },
  ...['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'].map(
    (call): Row => ({
      call,
      resource: 'stream',
      need: 'required',
      purpose: 'reads records from a shard',
      source: 'aws-kcl-iam',
    }),
  ),
  ...['kinesis:SubscribeToShard', 'kinesis:DescribeStreamConsumer'].map(
    (call): Row => ({
      call,
      resource: 'consumer',
      need: 'required',
      purpose:
        'subscribes to a shard through its enhanced fan-out consumer (KCL reads with enhanced fan-out by default; consumerName defaults to the application name)',
      source: 'aws-kcl-iam',
    }),
  ),
  {
    call: 'cloudwatch:PutMetricData',
    resource: 'metrics',
    need: 'required',
    purpose: 'uploads the KCL metrics (namespace: the application name unless set)',
    source: 'aws-kcl-iam',
  },
  decrypt,
];

const tableRows = (
  resource: RequirementResource,
  actions: readonly string[],
  purpose: string,
  source: SourceId,
): Row[] => actions.map((a) => ({ call: `dynamodb:${a}`, resource, need: 'required', purpose, source }));

const KCL_TABLE = ['CreateTable', 'DescribeTable', 'Scan', 'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'];

export const REQUIREMENTS: readonly Requirement[] = [
  ...rows('clickpipes', [
    ...[
      'kinesis:DescribeStream',
      'kinesis:GetShardIterator',
      'kinesis:GetRecords',
      'kinesis:ListShards',
      'kinesis:RegisterStreamConsumer',
      'kinesis:ListStreamConsumers',
    ].map(
      (call): Row => ({
        call,
        resource: 'stream',
        need: 'required',
        purpose: 'in the permission policy ClickHouse documents, on the stream',
        source: 'clickpipes-kinesis-auth',
      }),
    ),
    {
      call: 'kinesis:DeregisterStreamConsumer',
      resource: 'consumer',
      need: 'required',
      purpose:
        'in the documented policy (on the stream there); removes the enhanced fan-out consumer ClickPipes registered. AWS authorises it on the consumer ARN',
      source: 'aws-kinesis-actions',
    },
    ...['kinesis:SubscribeToShard', 'kinesis:DescribeStreamConsumer'].map(
      (call): Row => ({
        call,
        resource: 'consumer',
        need: 'required',
        purpose: "in the documented policy, on the stream's consumers (`stream/NAME/*`)",
        source: 'clickpipes-kinesis-auth',
      }),
    ),
    {
      call: 'kinesis:ListStreams',
      resource: '*',
      need: 'required',
      purpose: 'in the documented policy, on `*` (lists the streams to choose from)',
      source: 'clickpipes-kinesis-auth',
    },
    decrypt,
  ]),
  ...rows('kcl-3', [
    ...kclKinesis,
    ...tableRows(
      'lease-table',
      [...KCL_TABLE, 'UpdateTable'],
      'manages the lease table (named after the application)',
      'aws-kcl-iam',
    ),
    ...tableRows(
      'lease-table-index',
      ['Query'],
      "reads the lease table's global secondary index",
      'aws-kcl-iam',
    ),
    ...tableRows(
      'worker-metrics-table',
      KCL_TABLE,
      'manages the worker metrics table KCL 3.x creates',
      'aws-kcl-iam',
    ),
    ...tableRows(
      'coordinator-state-table',
      KCL_TABLE,
      'manages the coordinator state table KCL 3.x creates',
      'aws-kcl-iam',
    ),
  ]),
  ...rows('kcl-2', [
    ...kclKinesis,
    ...tableRows(
      'lease-table',
      KCL_TABLE,
      'tracks the processing state in the lease table (DeleteItem: after shard splits and merges)',
      'aws-kcl2-tutorial-iam',
    ),
  ]),
  ...rows('sdk-reader', [
    ...['kinesis:DescribeStreamSummary', 'kinesis:ListShards'].map(
      (call): Row => ({
        call,
        resource: 'stream',
        need: 'required',
        purpose: 'finds the stream and its shards (the read-access example)',
        source: 'aws-resource-policy-examples',
      }),
    ),
    ...['kinesis:GetShardIterator', 'kinesis:GetRecords'].map(
      (call): Row => ({
        call,
        resource: 'stream',
        need: 'required',
        purpose: 'reads records from a shard (shared throughput)',
        source: 'aws-resource-policy-examples',
      }),
    ),
    {
      call: 'kinesis:DescribeStream',
      resource: 'stream',
      need: 'optional',
      purpose: 'older readers check the stream with DescribeStream instead of DescribeStreamSummary',
      source: 'aws-kinesis-tutorial-iam',
    },
    ...['kinesis:SubscribeToShard', 'kinesis:DescribeStreamConsumer'].map(
      (call): Row => ({
        call,
        resource: 'consumer',
        need: 'required',
        purpose: "reads through an enhanced fan-out consumer (the grant's consumerName, or any consumer)",
        source: 'aws-efo-api',
      }),
    ),
    decrypt,
  ]),
  ...rows('sdk-producer', [
    ...['kinesis:PutRecord', 'kinesis:PutRecords'].map(
      (call): Row => ({
        call,
        resource: 'stream',
        need: 'required',
        purpose: 'writes records',
        source: 'aws-kinesis-tutorial-iam',
      }),
    ),
    {
      call: 'kinesis:DescribeStream',
      resource: 'stream',
      need: 'required',
      purpose: 'checks that the stream exists and is active before writing',
      source: 'aws-kinesis-tutorial-iam',
    },
    {
      call: 'kinesis:DescribeStreamSummary',
      resource: 'stream',
      need: 'required',
      purpose: 'checks that the stream exists and is active before writing',
      source: 'aws-kcl2-tutorial-iam',
    },
    {
      call: 'kinesis:ListShards',
      resource: 'stream',
      need: 'required',
      purpose: 'lists the shards (the write-access example)',
      source: 'aws-resource-policy-examples',
    },
    generateDataKey,
  ]),
  ...rows('kpl-producer', [
    {
      call: 'kinesis:PutRecords',
      resource: 'stream',
      need: 'required',
      purpose: 'writes aggregated records in batches',
      source: 'aws-kinesis-tutorial-iam',
    },
    {
      call: 'kinesis:ListShards',
      resource: 'stream',
      need: 'required',
      purpose: "builds its shard map to predict each record's shard",
      source: 'aws-resource-policy-examples',
    },
    {
      call: 'kinesis:DescribeStream',
      resource: 'stream',
      need: 'optional',
      purpose: 'older KPL releases build the shard map with DescribeStream',
      source: 'aws-kinesis-tutorial-iam',
    },
    {
      call: 'cloudwatch:PutMetricData',
      resource: 'metrics',
      need: 'required',
      when: { kplMetrics: true },
      purpose:
        'uploads the KPL metrics (on by default, level DETAILED; namespace KinesisProducerLibrary unless set). Turn them off with MetricsLevel NONE instead',
      source: 'aws-kpl-metrics',
    },
    generateDataKey,
  ]),
  ...rows('upsolver', [
    ...['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream'].map(
      (call): Row => ({
        call,
        resource: 'stream',
        need: 'required',
        purpose: 'reads the stream ("kinesis:Get*" and DescribeStream in the documented policy)',
        source: 'upsolver-kinesis-permissions',
      }),
    ),
    {
      call: 'kinesis:ListStreams',
      resource: '*',
      need: 'required',
      purpose: "lets Upsolver's UI suggest streams",
      source: 'upsolver-role-permissions',
    },
    decrypt,
  ]),
];

/** Trust requirements: how each client assumes the granted role. */
export const TRUST_REQUIREMENTS: readonly {
  readonly client: ClientId;
  readonly externalId: 'never' | 'required' | 'optional';
  readonly note: string;
  readonly source?: SourceId;
}[] = [
  {
    client: 'clickpipes',
    externalId: 'never',
    note: 'ClickPipes assumes the role with sts:AssumeRole and no external id: a trust policy that requires one can never be assumed.',
    source: 'clickpipes-kinesis-auth',
  },
  {
    client: 'upsolver',
    externalId: 'required',
    note: "Upsolver's role-based setup puts an external id in the role's trust relationship and gives the same id to the Upsolver connection.",
    source: 'upsolver-role-credentials',
  },
];
