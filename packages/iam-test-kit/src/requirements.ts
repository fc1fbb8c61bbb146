/**
 * What each real client calls, from the client's own public documentation — the "must be allowed" side of the
 * simulation matrix. Written down here by hand, from the pages in {@link SOURCES}; never derived from the policy
 * model (whose action lists this table is meant to check). docs/profiles.md renders it
 * (`pnpm --filter @kinesis-access/iam-test-kit run docs`; a test fails when the doc is out of date).
 *
 * `required`: the client fails without it (or the client's documentation lists it as a minimum permission).
 * `optional`: the client may call it (older versions, other code paths); a profile may grant it, never must.
 * Anything a profile's clients do not list here must be denied (the matrix's catalog-wide sweep).
 *
 * Over 400 lines on purpose: it is data, one table whose rows stand next to the sources they cite; split, a
 * reviewer could no longer check a row against its page in one place.
 */

/** A public page a requirement comes from. */
export interface Source {
  readonly title: string;
  /** The page; `undefined` when no public URL of the current page was found (see {@link Source.note}). */
  readonly url?: string;
  /** When the page was read (ISO date). */
  readonly read: string;
  readonly note?: string;
}

export const SOURCES = {
  'aws-kcl-iam': {
    title:
      'AWS, Kinesis Data Streams developer guide: "IAM permissions required for KCL consumer applications"',
    url: 'https://docs.aws.amazon.com/streams/latest/dev/kcl-iam-permissions.html',
    read: '2026-12-02',
  },
  'aws-kcl2-tutorial-iam': {
    title:
      'AWS, Kinesis Data Streams developer guide: "Create an IAM policy and user" (KPL/KCL 2.x tutorial)',
    url: 'https://docs.aws.amazon.com/streams/latest/dev/tutorial-stock-data-kplkcl2-iam.html',
    read: '2026-12-02',
  },
  'kcl-configsbuilder': {
    title:
      'awslabs/amazon-kinesis-client, ConfigsBuilder.java: lease table name and metrics namespace default to the application name',
    url: 'https://github.com/awslabs/amazon-kinesis-client/blob/master/amazon-kinesis-client/src/main/java/software/amazon/kinesis/common/ConfigsBuilder.java',
    read: '2026-12-02',
  },
  'kcl-configurations': {
    title:
      'awslabs/amazon-kinesis-client, docs/kcl-configurations.md: applicationName "Used as the default for the tableName and consumerName"',
    url: 'https://github.com/awslabs/amazon-kinesis-client/blob/master/docs/kcl-configurations.md',
    read: '2026-12-02',
  },
  'clickpipes-kinesis-auth': {
    title: 'ClickHouse docs: ClickPipes "Kinesis Role-Based Access"',
    url: 'https://clickhouse.com/docs/integrations/clickpipes/kinesis/auth',
    read: '2026-12-02',
    note: 'Lists the permission and trust policies; documents no external id. It puts DeregisterStreamConsumer on the stream ARN, where AWS does not authorise it (AWS authorises it on the consumer ARN, and on the stream only when called with StreamARN + ConsumerName).',
  },
  'aws-kinesis-actions': {
    title:
      'AWS Service Authorization Reference: "Actions, resources, and condition keys for Amazon Kinesis Data Streams"',
    url: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonkinesisdatastreams.html',
    read: '2026-12-02',
  },
  'aws-resource-policy-examples': {
    title:
      'AWS, Kinesis Data Streams developer guide: "Controlling access … using IAM" / resource-based policy examples (read and write access examples)',
    url: 'https://docs.aws.amazon.com/streams/latest/dev/controlling-access.html',
    read: '2026-12-02',
  },
  'aws-efo-api': {
    title:
      'AWS, Kinesis Data Streams developer guide: "Develop enhanced fan-out consumers with the Kinesis Data Streams API"',
    url: 'https://docs.aws.amazon.com/streams/latest/dev/building-enhanced-consumers-api.html',
    read: '2026-12-02',
  },
  'aws-kinesis-tutorial-iam': {
    title:
      'AWS, Kinesis Data Streams developer guide: "Create an IAM policy and user" (producer and consumer minimums)',
    url: 'https://docs.aws.amazon.com/streams/latest/dev/tutorial-stock-data-kplkcl-iam.html',
    read: '2026-12-02',
  },
  'aws-kms-user-key': {
    title:
      'AWS, Kinesis Data Streams developer guide: "Permissions to use user-generated KMS keys" (producers: GenerateDataKey; consumers: Decrypt)',
    url: 'https://docs.aws.amazon.com/streams/latest/dev/permissions-user-key-KMS.html',
    read: '2026-12-02',
  },
  'aws-kpl-metrics': {
    title:
      'AWS, Kinesis Data Streams developer guide: "Monitor the Kinesis Producer Library with Amazon CloudWatch"',
    url: 'https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-kpl.html',
    read: '2026-12-02',
    note: 'Metric level NONE turns the metrics off; the default level is DETAILED.',
  },
  'kpl-configuration': {
    title:
      'awslabs/amazon-kinesis-producer, KinesisProducerConfiguration.java: metricsNamespace defaults to "KinesisProducerLibrary", metricsLevel to "detailed"',
    url: 'https://github.com/awslabs/amazon-kinesis-producer/blob/master/java/amazon-kinesis-producer/src/main/java/com/amazonaws/services/kinesis/producer/KinesisProducerConfiguration.java',
    read: '2026-12-02',
  },
  'upsolver-kinesis-permissions': {
    title:
      'Upsolver docs: "AWS Kinesis Permissions" ("kinesis:Get*" and DescribeStream on the stream, ListStreams on *)',
    read: '2026-12-02',
    note: 'The classic Upsolver page (an IAM user with access keys); no current public URL of it was found. Its `kinesis:Get*` is expanded to the read calls it stands for.',
  },
  'upsolver-role-permissions': {
    title: 'Upsolver docs: "AWS Role Permissions" (kinesis:ListStreams, so the UI can suggest streams)',
    url: 'https://docs.upsolver.com/content/how-to-guides-1/setup/deploy-upsolver-on-aws/aws-role-permissions',
    read: '2026-12-02',
  },
  'upsolver-role-credentials': {
    title:
      'Upsolver docs: "Role-Based AWS Credentials" (a role whose trust relationship contains an external id; the connection uses the role and the external id)',
    url: 'https://docs.upsolver.com/content/how-to-guides-1/setup/deploy-upsolver-on-aws/role-based-aws-credentials',
    read: '2026-12-02',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** The clients whose documented calls the profiles must allow. */
export const CLIENTS = {
  clickpipes: 'ClickHouse ClickPipes (Kinesis role-based access)',
  'kcl-3': 'Kinesis Client Library 3.x',
  'kcl-2': 'Kinesis Client Library 2.x',
  'sdk-reader': 'AWS SDK reader (shared throughput, or through an enhanced fan-out consumer)',
  'sdk-producer': 'AWS SDK producer (PutRecord / PutRecords)',
  'kpl-producer': 'Kinesis Producer Library producer',
  upsolver: 'Upsolver (Kinesis data source)',
} as const;

export type ClientId = keyof typeof CLIENTS;

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
