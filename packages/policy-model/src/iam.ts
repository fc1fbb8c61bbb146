/**
 * The IAM knowledge of the model: named action lists, quotas and naming rules. Renderers import none of this;
 * they render a {@link GrantPlan}. Each list says which public document it comes from.
 */

// ---- Kinesis actions on a stream ARN (catalog resource type "stream") ----

/** Read records (003 example 1, 004 "Consumer", AWS CDK `grantRead`). */
export const STREAM_READ_ACTIONS = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
] as const;

/** Write records (004 "Producer", 003 resource-policy example 1, AWS CDK `grantWrite`). */
export const STREAM_WRITE_ACTIONS = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:ListShards',
  'kinesis:PutRecord',
  'kinesis:PutRecords',
] as const;

/** ClickPipes' stream statement (001), minus DeregisterStreamConsumer, which AWS authorises on consumers. */
export const CLICKPIPES_STREAM_ACTIONS = [
  'kinesis:DescribeStream',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
  'kinesis:ListStreamConsumers',
  'kinesis:RegisterStreamConsumer',
] as const;

/** Register an enhanced fan-out consumer (KCL 2.x+ does so for its application). */
export const REGISTER_CONSUMER_ACTIONS = ['kinesis:RegisterStreamConsumer'] as const;

/** Upsolver (002) `"kinesis: Get*"` + DescribeStream, expanded to the read actions it stands for. */
export const UPSOLVER_STREAM_ACTIONS = [
  'kinesis:DescribeStream',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
] as const;

// ---- Kinesis actions on a consumer ARN (catalog resource type "consumer") ----

/** Read through an enhanced fan-out consumer. */
export const CONSUMER_READ_ACTIONS = ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'] as const;

/** ClickPipes' consumer statement (001) plus DeregisterStreamConsumer (moved here from the stream statement). */
export const CLICKPIPES_CONSUMER_ACTIONS = [
  'kinesis:DeregisterStreamConsumer',
  'kinesis:DescribeStreamConsumer',
  'kinesis:SubscribeToShard',
] as const;

// ---- Actions without a resource type (Resource "*") ----

/** Lists stream names of the account (001, 002). Only `*` is authorised. */
export const LIST_STREAMS_ACTIONS = ['kinesis:ListStreams'] as const;

/** KCL metrics (004), narrowed with the `cloudwatch:namespace` condition. */
export const CLOUDWATCH_METRICS_ACTIONS = ['cloudwatch:PutMetricData'] as const;

// ---- Other services ----

/**
 * KCL 2.x lease table (004 and AWS's KCL 2.x tutorial: "CreateTable, DescribeTable, GetItem, PutItem, Scan,
 * UpdateItem" + "DeleteItem"). The same list is what KCL 3.x needs on its worker-metrics and coordinator-state
 * tables (AWS "IAM permissions required for KCL consumer applications").
 */
export const KCL_TABLE_ACTIONS = [
  'dynamodb:CreateTable',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
] as const;

/** KCL 3.x lease table: the 2.x list plus UpdateTable (it adds the lease table's global secondary index). */
export const KCL3_LEASE_TABLE_ACTIONS = [...KCL_TABLE_ACTIONS, 'dynamodb:UpdateTable'] as const;

/** KCL 3.x reads the lease table's global secondary index (`table/<app>/index/*`). */
export const KCL3_LEASE_INDEX_ACTIONS = ['dynamodb:Query'] as const;

/** Suffixes of the metadata tables KCL 3.x creates beside the lease table (`<app>-WorkerMetricStats`, …). */
export const KCL3_METADATA_TABLE_SUFFIXES = ['-CoordinatorState', '-WorkerMetricStats'] as const;

/** KCL's default major version (KCL 3.x is current). */
export const KCL_DEFAULT_VERSION = 3;

/** The Kinesis Producer Library's default CloudWatch namespace (KPL `MetricsNamespace`). */
export const KPL_DEFAULT_METRICS_NAMESPACE = 'KinesisProducerLibrary';

/** Readers of an encrypted stream decrypt records. */
export const KMS_READ_ACTIONS = ['kms:Decrypt'] as const;
/** Writers of an encrypted stream generate data keys. */
export const KMS_WRITE_ACTIONS = ['kms:GenerateDataKey'] as const;

/** Trust policy: the one action every grant allows. */
export const ASSUME_ROLE_ACTION = 'sts:AssumeRole';
export const EXTRA_TRUST_ACTIONS = ['sts:SetSourceIdentity', 'sts:TagSession'] as const;

/** Actions a stream resource policy may share (AWS Kinesis Data Streams developer guide, "Controlling access … using IAM": "Kinesis Data Streams actions that can be shared"). */
export const SHAREABLE_STREAM_ACTIONS = [
  'kinesis:DescribeStreamSummary',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
  'kinesis:PutRecord',
  'kinesis:PutRecords',
] as const;
/** Shareable on a consumer ARN only; never emitted (consumer ARNs carry a timestamp unknown before registration). */
export const SHAREABLE_CONSUMER_ACTIONS = [
  'kinesis:DescribeStreamConsumer',
  'kinesis:SubscribeToShard',
] as const;

// ---- Condition keys ----

export const CONDITION_KMS_VIA_SERVICE = 'kms:ViaService';
/** Documented by AWS: "Kinesis Data Streams uses the stream ARN as the encryption context in all AWS KMS calls". */
export const CONDITION_KMS_KINESIS_CONTEXT = 'kms:EncryptionContext:aws:kinesis:arn';
export const CONDITION_CLOUDWATCH_NAMESPACE = 'cloudwatch:namespace';
export const CONDITION_EXTERNAL_ID = 'sts:ExternalId';

// ---- Quotas (IAM and Kinesis service quotas) ----

export const QUOTAS = {
  /** IAM role and user names. */
  roleNameLength: 64,
  /** Role trust policy, non-whitespace characters (default quota). */
  trustPolicyChars: 2048,
  /** Customer managed policy, non-whitespace characters. */
  managedPolicyChars: 6144,
  /** Managed policies attached to one role (default). */
  managedPoliciesPerRole: 10,
  /** The most `spec.quotas.maxManagedPolicies` may ask for (IAM's raised quota). */
  managedPoliciesPerRoleMax: 20,
  /** Customer managed policy names. */
  policyNameLength: 128,
  /** Kinesis stream resource policy size (003: "cannot exceed 20KB"). */
  resourcePolicyBytes: 20 * 1024,
  /** Tags per IAM role. */
  roleTags: 50,
  /** IAM role description. */
  roleDescriptionLength: 1000,
} as const;

/** Names of the rows of `plan.quotas`. */
export const QUOTA_NAMES = {
  roleName: 'role name length',
  trustPolicy: 'trust policy size (non-whitespace characters)',
  managedPolicies: 'managed policies per role',
  managedPolicySize: 'largest managed policy (non-whitespace characters)',
  resourcePolicySize: 'largest stream resource policy (bytes)',
  roleTags: 'role tags',
} as const;

// ---- Naming rules ----

/** ClickPipes only accepts roles whose name starts with this (001). */
export const CLICKPIPES_ROLE_PREFIX = 'ClickHouseAccessRole-';
/** Default role name prefix of the other profiles. */
export const DEFAULT_ROLE_PREFIX = 'kinesis-access-';

/** Default role name for a grant name and profile (clickpipes: `ClickHouseAccessRole-<name>`). */
export function defaultRoleName(grantName: string, profile: string): string {
  return `${profile === 'clickpipes' ? CLICKPIPES_ROLE_PREFIX : DEFAULT_ROLE_PREFIX}${grantName}`;
}

/** metadata.name: lowercase letters, digits and '-', starting and ending with a letter or digit. */
export const GRANT_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
export const GRANT_NAME_MAX = 63;
