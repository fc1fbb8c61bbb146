/**
 * What each profile must, may and must not do. The "must" and "may" come from the requirements table
 * (src/requirements.ts: each client's calls from its own public documentation), never from the policy model;
 * the profile only says which clients it serves. Everything else must be Denied.
 *
 * `required`: must be Allowed on every granted stream (or consumer / `*` / table).
 * `optional`: may be allowed (a client calls it on some versions or code paths), never outside the grant.
 */
import { type ClientId, REQUIREMENTS, type Requirement, type RequirementResource } from './requirements';
import type { GrantIntent, ProfileName } from './types';

export interface ActionSets {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** KCL's DynamoDB tables, by the requirement resource that names them. */
export type KclTableKind = Extract<
  RequirementResource,
  'lease-table' | 'lease-table-index' | 'worker-metrics-table' | 'coordinator-state-table'
>;
export const KCL_TABLE_KINDS: readonly KclTableKind[] = [
  'lease-table',
  'lease-table-index',
  'worker-metrics-table',
  'coordinator-state-table',
];

export interface ProfileExpectation {
  /** The clients the grant must work for. */
  readonly clients: readonly ClientId[];
  /** Kinesis actions (without `kinesis:`) on the stream ARN. */
  readonly stream: ActionSets;
  /** Kinesis actions on the client's consumer of the stream (enhanced fan-out). */
  readonly consumer: ActionSets;
  /** Kinesis actions on `*` (actions without a resource type). */
  readonly accountWide: ActionSets;
  /** kms:Decrypt on the stream key (readers). */
  readonly decrypt: boolean;
  /** kms:GenerateDataKey on the stream key (writers). */
  readonly generateDataKey: boolean;
  /** DynamoDB actions (without `dynamodb:`) per KCL table; empty for clients without tables. */
  readonly tables: Readonly<Partial<Record<KclTableKind, ActionSets>>>;
  /** cloudwatch:PutMetricData in this namespace (KCL, or the KPL when opted in). */
  readonly metricsNamespace?: string;
  /** Actions a stream resource policy shares with the listed external principals. */
  readonly share: ActionSets;
}

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

/**
 * Which clients each profile serves (the profile's promise, stated in docs/profiles.md); a kcl-consumer grant
 * with `kcl.version: 2` serves KCL 2.x instead. Its keys are the kit's own list of profiles.
 */
const CLIENTS_OF: Readonly<Record<ProfileName, readonly ClientId[]>> = {
  clickpipes: ['clickpipes'],
  read: ['sdk-reader'],
  write: ['sdk-producer', 'kpl-producer'],
  'read-write': ['sdk-reader', 'sdk-producer', 'kpl-producer'],
  'kcl-consumer': ['kcl-3'],
  upsolver: ['upsolver'],
};

/** Every profile, in the order the grant format documents them; written here, not taken from the model. */
export const PROFILES = Object.keys(CLIENTS_OF) as readonly ProfileName[];

export function clientsOf(intent: Pick<GrantIntent, 'profile' | 'kcl'>): readonly ClientId[] {
  return intent.profile === 'kcl-consumer' && intent.kcl?.version === 2
    ? ['kcl-2']
    : CLIENTS_OF[intent.profile];
}

const SHARE: Readonly<Record<ProfileName, ActionSets>> = {
  clickpipes: SHARE_READ,
  read: SHARE_READ,
  write: SHARE_WRITE,
  'read-write': union(SHARE_READ, SHARE_WRITE),
  'kcl-consumer': SHARE_READ,
  upsolver: SHARE_READ,
};

/** The requirement rows that apply to a grant (its clients; KPL metrics only when opted in). */
export function requirementsOf(intent: GrantIntent): Requirement[] {
  const clients = new Set(clientsOf(intent));
  return REQUIREMENTS.filter(
    (r) => clients.has(r.client) && (r.when?.kplMetrics !== true || intent.kplMetrics !== undefined),
  );
}

function actionSets(
  rows: readonly Requirement[],
  resource: RequirementResource,
  service: string,
): ActionSets {
  const of = (need: Requirement['need']) =>
    rows
      .filter((r) => r.resource === resource && r.need === need && r.call.startsWith(`${service}:`))
      .map((r) => r.call.slice(service.length + 1));
  const required = [...new Set(of('required'))].sort();
  const optional = [...new Set(of('optional'))].filter((a) => !required.includes(a)).sort();
  return { required, optional };
}

/** What the matrix expects of a grant: its clients' requirement rows, grouped by resource. */
export function expectationFor(intent: GrantIntent): ProfileExpectation {
  const rows = requirementsOf(intent);
  const tables: Partial<Record<KclTableKind, ActionSets>> = {};
  for (const kind of KCL_TABLE_KINDS) {
    const found = actionSets(rows, kind, 'dynamodb');
    if (found.required.length + found.optional.length > 0) tables[kind] = found;
  }
  const metrics = rows.some((r) => r.resource === 'metrics' && r.need === 'required');
  const metricsNamespace = !metrics
    ? undefined
    : intent.profile === 'kcl-consumer'
      ? (intent.kcl?.metricsNamespace ?? intent.kcl?.applicationName)
      : intent.kplMetrics?.namespace;
  const kms = actionSets(rows, 'kms-key', 'kms');
  return {
    clients: clientsOf(intent),
    stream: actionSets(rows, 'stream', 'kinesis'),
    consumer: actionSets(rows, 'consumer', 'kinesis'),
    accountWide: actionSets(rows, '*', 'kinesis'),
    decrypt: kms.required.includes('Decrypt'),
    generateDataKey: kms.required.includes('GenerateDataKey'),
    tables,
    ...(metricsNamespace === undefined ? {} : { metricsNamespace }),
    share: SHARE[intent.profile],
  };
}

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
  'Scan',
  'PutItem',
  'DeleteTable',
  'UpdateTable',
  'BatchWriteItem',
  'Query',
  'CreateBackup',
  'RestoreTableFromBackup',
  'ExportTableToPointInTime',
];
