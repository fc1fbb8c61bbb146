/**
 * The public pages the requirements table (requirements.ts) cites, and the clients it covers. Each source was read
 * on the date it gives; a row of the table names its source by id, so a row can only cite a page listed here.
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
