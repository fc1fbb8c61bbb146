/**
 * What each profile must, may and must not do — written down here independently of the model, from the
 * reference documents (shared/reference 001–004) and the AWS action catalog. The matrix derives its expected
 * answers from these sets and the grant intent, never from the policies under test.
 *
 * `required`: must be Allowed on every granted stream (or consumer / `*`).
 * `optional`: may be allowed (the references disagree or leave it open), but never outside the grant.
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

/** 003 "Example 2: Read access" / shareable-actions table. */
const SHARE_READ = sets(['GetRecords', 'GetShardIterator'], ['DescribeStreamSummary', 'ListShards']);
/** 003 "Example 1: Write access". */
const SHARE_WRITE = sets(['PutRecord', 'PutRecords'], ['DescribeStreamSummary', 'ListShards']);

/** Plain readers: 003 example 1 + 004 consumer (shared-throughput reads; EFO actions optional). */
const READ: ProfileExpectation = {
  stream: sets(
    ['GetRecords', 'GetShardIterator', 'ListShards', 'DescribeStreamSummary'],
    ['DescribeStream', 'ListStreamConsumers', 'RegisterStreamConsumer'],
  ),
  consumer: sets([], ['SubscribeToShard', 'DescribeStreamConsumer', 'DeregisterStreamConsumer']),
  accountWide: sets([], ['ListStreams']),
  decrypt: true,
  generateDataKey: false,
  kcl: false,
  share: SHARE_READ,
};

/** Producers: 004 producer table (DescribeStream, PutRecord, PutRecords) + CDK grantWrite (ListShards). */
const WRITE: ProfileExpectation = {
  stream: sets(['PutRecord', 'PutRecords'], ['DescribeStream', 'DescribeStreamSummary', 'ListShards']),
  consumer: none,
  accountWide: sets([], ['ListStreams']),
  decrypt: false,
  generateDataKey: true,
  kcl: false,
  share: SHARE_WRITE,
};

export const PROFILE_EXPECTATIONS: Readonly<Record<ProfileName, ProfileExpectation>> = {
  /** 001 (current ClickPipes doc), with each action on the resource type AWS authorises it for. */
  clickpipes: {
    stream: sets(
      [
        'DescribeStream',
        'GetShardIterator',
        'GetRecords',
        'ListShards',
        'RegisterStreamConsumer',
        'ListStreamConsumers',
      ],
      ['DescribeStreamSummary'],
    ),
    consumer: sets(['SubscribeToShard', 'DescribeStreamConsumer', 'DeregisterStreamConsumer']),
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
    consumer: union(READ.consumer, WRITE.consumer),
    accountWide: union(READ.accountWide, WRITE.accountWide),
    decrypt: true,
    generateDataKey: true,
    kcl: false,
    share: union(SHARE_READ, SHARE_WRITE),
  },
  /** 004: the read set + DynamoDB lease table + CloudWatch metrics. */
  'kcl-consumer': { ...READ, kcl: true },
  /** 002 with explicit lists instead of `kinesis:Get*` (which would also grant GetResourcePolicy). */
  upsolver: {
    stream: sets(
      ['GetRecords', 'GetShardIterator', 'DescribeStream'],
      ['DescribeStreamSummary', 'ListShards'],
    ),
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
