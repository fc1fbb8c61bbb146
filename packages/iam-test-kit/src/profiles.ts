/**
 * What each profile must, may and must not do — written down here independently of the model, from the
 * reference documents (shared/reference 001–004) and the AWS action catalog. The matrix derives its expected
 * answers from these sets and the grant intent, never from the policies under test.
 *
 * `required`: must be Allowed on every granted stream (or consumer / `*`).
 * `optional`: may be allowed, but never outside the grant (empty today: every profile is pinned exactly, so any
 * drift of the model — one action more or less — fails the matrix until both sides are changed on purpose).
 * Every other action must be Denied.
 */
import type { ProfileName } from './types';

export interface ActionSets {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export interface ProfileExpectation {
  /** Kinesis actions on the stream ARN. */
  readonly stream: ActionSets;
  /** Kinesis actions on a consumer ARN of the stream (enhanced fan-out). */
  readonly consumer: ActionSets;
  /** Kinesis actions on `*` (actions without a resource type). */
  readonly accountWide: ActionSets;
  /** kms:Decrypt on the stream key (readers). */
  readonly decrypt: boolean;
  /** kms:GenerateDataKey on the stream key (writers). */
  readonly generateDataKey: boolean;
  /** DynamoDB lease table + CloudWatch metrics (KCL). */
  readonly kcl: boolean;
  /** Actions a stream resource policy shares with the listed external principals. */
  readonly share: ActionSets;
}

const none: ActionSets = { required: [], optional: [] };

function sets(required: readonly string[], optional: readonly string[] = []): ActionSets {
  return { required, optional };
}

function union(a: ActionSets, b: ActionSets): ActionSets {
  const required = [...new Set([...a.required, ...b.required])];
  const optional = [...new Set([...a.optional, ...b.optional])].filter((x) => !required.includes(x));
  return { required, optional };
}

/** 003 "Example 2: Read access to the data stream" (shareable-actions table). */
const SHARE_READ = sets(['DescribeStreamSummary', 'GetRecords', 'GetShardIterator', 'ListShards']);
/** 003 "Example 1: Write access to the data stream". */
const SHARE_WRITE = sets(['DescribeStreamSummary', 'ListShards', 'PutRecord', 'PutRecords']);

/** 004 "Consumer" (DescribeStream, GetRecords, GetShardIterator) + 003 example 1 (DescribeStreamSummary). */
const READ_STREAM = [
  'DescribeStream',
  'DescribeStreamSummary',
  'GetRecords',
  'GetShardIterator',
  'ListShards',
];
/** Reading through an enhanced fan-out consumer (AWS authorises these on consumer ARNs only). */
const READ_CONSUMER = ['DescribeStreamConsumer', 'SubscribeToShard'];
/** 004 "Producer" (DescribeStream, PutRecord, PutRecords) + 003 example 1 (DescribeStreamSummary, ListShards). */
const WRITE_STREAM = ['DescribeStream', 'DescribeStreamSummary', 'ListShards', 'PutRecord', 'PutRecords'];

/** Plain readers: shared-throughput reads plus reading through a consumer someone else registered. */
const READ: ProfileExpectation = {
  stream: sets(READ_STREAM),
  consumer: sets(READ_CONSUMER),
  accountWide: none,
  decrypt: true,
  generateDataKey: false,
  kcl: false,
  share: SHARE_READ,
};

/** Producers. */
const WRITE: ProfileExpectation = {
  stream: sets(WRITE_STREAM),
  consumer: none,
  accountWide: none,
  decrypt: false,
  generateDataKey: true,
  kcl: false,
  share: SHARE_WRITE,
};

export const PROFILE_EXPECTATIONS: Readonly<Record<ProfileName, ProfileExpectation>> = {
  /** 001 (current ClickPipes doc), with DeregisterStreamConsumer on consumer ARNs, where AWS authorises it. */
  clickpipes: {
    stream: sets([
      'DescribeStream',
      'GetRecords',
      'GetShardIterator',
      'ListShards',
      'ListStreamConsumers',
      'RegisterStreamConsumer',
    ]),
    consumer: sets(['DeregisterStreamConsumer', 'DescribeStreamConsumer', 'SubscribeToShard']),
    accountWide: sets(['ListStreams']),
    decrypt: true,
    generateDataKey: false,
    kcl: false,
    share: SHARE_READ,
  },
  read: READ,
  write: WRITE,
  'read-write': {
    stream: union(READ.stream, WRITE.stream),
    consumer: READ.consumer,
    accountWide: none,
    decrypt: true,
    generateDataKey: true,
    kcl: false,
    share: union(SHARE_READ, SHARE_WRITE),
  },
  /** 004: the read set + registering its own fan-out consumer (KCL 2.x+) + lease table + metrics. */
  'kcl-consumer': { ...READ, stream: sets([...READ_STREAM, 'RegisterStreamConsumer']), kcl: true },
  /** 002 with explicit lists instead of `kinesis:Get*` (which would also grant GetResourcePolicy). */
  upsolver: {
    stream: sets(['DescribeStream', 'GetRecords', 'GetShardIterator']),
    consumer: none,
    accountWide: sets(['ListStreams']),
    decrypt: true,
    generateDataKey: false,
    kcl: false,
    share: SHARE_READ,
  },
};

/** 004: the KCL lease table actions (table named after the application). */
export const KCL_TABLE_ACTIONS: ActionSets = sets(
  ['CreateTable', 'DescribeTable', 'GetItem', 'PutItem', 'Scan', 'UpdateItem', 'DeleteItem'],
  [],
);

/** Kinesis actions that are always checked, even in 'quick' depth (writes, admin, policy management). */
export const DANGEROUS_STREAM_ACTIONS: readonly string[] = [
  'PutRecord',
  'PutRecords',
  'GetRecords',
  'GetShardIterator',
  'CreateStream',
  'DeleteStream',
  'AddTagsToStream',
  'RemoveTagsFromStream',
  'MergeShards',
  'SplitShard',
  'IncreaseStreamRetentionPeriod',
  'DecreaseStreamRetentionPeriod',
  'StartStreamEncryption',
  'StopStreamEncryption',
  'PutResourcePolicy',
  'DeleteResourcePolicy',
  'GetResourcePolicy',
  'TagResource',
  'RegisterStreamConsumer',
];
export const DANGEROUS_CONSUMER_ACTIONS: readonly string[] = [
  'SubscribeToShard',
  'DeregisterStreamConsumer',
  'PutResourcePolicy',
  'DeleteResourcePolicy',
];
export const DANGEROUS_ACCOUNT_ACTIONS: readonly string[] = [
  'UpdateShardCount',
  'UpdateStreamMode',
  'EnableEnhancedMonitoring',
  'DisableEnhancedMonitoring',
  'UpdateAccountSettings',
];
export const DANGEROUS_KMS_ACTIONS: readonly string[] = [
  'Decrypt',
  'GenerateDataKey',
  'Encrypt',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKeyWithoutPlaintext',
  'CreateGrant',
  'DescribeKey',
  'PutKeyPolicy',
  'ScheduleKeyDeletion',
  'DisableKey',
];
export const DANGEROUS_TABLE_ACTIONS: readonly string[] = [
  'DeleteTable',
  'UpdateTable',
  'BatchWriteItem',
  'Query',
  'CreateBackup',
  'RestoreTableFromBackup',
  'ExportTableToPointInTime',
];
