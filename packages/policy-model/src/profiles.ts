/**
 * The access profiles. Each is data: which named action lists go on which resource, and where it comes from.
 * plan.ts turns a profile + streams into statements through one primitive (`grant`).
 */
import {
  CLICKPIPES_CONSUMER_ACTIONS,
  CLICKPIPES_STREAM_ACTIONS,
  CONSUMER_READ_ACTIONS,
  KMS_READ_ACTIONS,
  KMS_WRITE_ACTIONS,
  REGISTER_CONSUMER_ACTIONS,
  STREAM_READ_ACTIONS,
  STREAM_WRITE_ACTIONS,
  UPSOLVER_STREAM_ACTIONS,
} from './iam';
import type { ProfileName } from './types';

/** Every access profile; the `ProfileName` type is derived from this list. */
export const PROFILE_NAMES = [
  'clickpipes',
  'read',
  'write',
  'read-write',
  'kcl-consumer',
  'upsolver',
] as const;

/** What one profile grants. Exported read-only so forms can describe profiles; renderers never use it for IAM. */
export interface ProfileDefinition {
  readonly name: ProfileName;
  /** One line for forms and summaries. */
  readonly title: string;
  /** The public documents the profile follows (by name and URL). */
  readonly sources: readonly string[];
  readonly reads: boolean;
  readonly writes: boolean;
  /** Actions on each stream ARN. */
  readonly streamActions: readonly string[];
  /** Actions on each stream's consumers (see {@link ProfileDefinition.consumerNaming}). */
  readonly consumerActions: readonly string[];
  /**
   * Which consumer ARN the consumer actions go on: `client` — the client names its consumers itself, so every
   * consumer of the stream (`consumer/*`); `optional` — `spec.consumerName` narrows to one consumer, else every
   * consumer; `application` — the consumer KCL names after the application (`spec.consumerName` overrides);
   * `none` — no consumer actions (and `spec.consumerName` is refused).
   */
  readonly consumerNaming: 'client' | 'optional' | 'application' | 'none';
  /** Whether `spec.kplMetrics` (KPL CloudWatch metrics) may be asked for. */
  readonly kplMetrics: boolean;
  /** Whether `kinesis:ListStreams` (only authorised on `*`) is granted. */
  readonly listStreams: boolean;
  /** Actions on the KMS key of each encrypted stream. */
  readonly kmsActions: readonly string[];
  /** KCL lease table + metrics (needs `spec.kcl`). */
  readonly kcl: boolean;
}

/** Sorted, de-duplicated and frozen: plans share these arrays, so nobody may change them. */
const union = (...lists: readonly (readonly string[])[]): readonly string[] =>
  Object.freeze([...new Set(lists.flat())].sort());

export const PROFILES: Readonly<Record<ProfileName, ProfileDefinition>> = {
  clickpipes: {
    name: 'clickpipes',
    title: 'ClickHouse ClickPipes reads the streams (shared throughput or enhanced fan-out)',
    sources: [
      'ClickHouse docs, ClickPipes "Kinesis Role-Based Access": https://clickhouse.com/docs/integrations/clickpipes/kinesis/auth',
    ],
    reads: true,
    writes: false,
    streamActions: union(CLICKPIPES_STREAM_ACTIONS),
    consumerActions: union(CLICKPIPES_CONSUMER_ACTIONS),
    listStreams: true,
    kmsActions: union(KMS_READ_ACTIONS),
    consumerNaming: 'client',
    kplMetrics: false,
    kcl: false,
  },
  read: {
    name: 'read',
    title: 'Read records (shared throughput, or an enhanced fan-out consumer registered by someone else)',
    sources: [
      'AWS Kinesis Data Streams developer guide, "Controlling access … using IAM": https://docs.aws.amazon.com/streams/latest/dev/controlling-access.html (example 1)',
      'AWS Kinesis Data Streams developer guide, "Create an IAM policy and user": https://docs.aws.amazon.com/streams/latest/dev/tutorial-stock-data-kplkcl2-iam.html ("Consumer")',
      'AWS CDK Stream.grantRead',
    ],
    reads: true,
    writes: false,
    streamActions: union(STREAM_READ_ACTIONS),
    consumerActions: union(CONSUMER_READ_ACTIONS),
    listStreams: false,
    kmsActions: union(KMS_READ_ACTIONS),
    consumerNaming: 'optional',
    kplMetrics: false,
    kcl: false,
  },
  write: {
    name: 'write',
    title: 'Write records (producer)',
    sources: [
      'AWS Kinesis Data Streams developer guide, "Create an IAM policy and user": https://docs.aws.amazon.com/streams/latest/dev/tutorial-stock-data-kplkcl2-iam.html ("Producer")',
      'AWS CDK Stream.grantWrite',
    ],
    reads: false,
    writes: true,
    streamActions: union(STREAM_WRITE_ACTIONS),
    consumerActions: Object.freeze([]),
    listStreams: false,
    kmsActions: union(KMS_WRITE_ACTIONS),
    consumerNaming: 'none',
    kplMetrics: true,
    kcl: false,
  },
  'read-write': {
    name: 'read-write',
    title: 'Read and write records',
    sources: [
      'AWS Kinesis Data Streams developer guide, "Controlling access … using IAM": https://docs.aws.amazon.com/streams/latest/dev/controlling-access.html',
      'AWS Kinesis Data Streams developer guide, "Create an IAM policy and user": https://docs.aws.amazon.com/streams/latest/dev/tutorial-stock-data-kplkcl2-iam.html',
      'AWS CDK Stream.grantReadWrite',
    ],
    reads: true,
    writes: true,
    streamActions: union(STREAM_READ_ACTIONS, STREAM_WRITE_ACTIONS),
    consumerActions: union(CONSUMER_READ_ACTIONS),
    listStreams: false,
    kmsActions: union(KMS_READ_ACTIONS, KMS_WRITE_ACTIONS),
    consumerNaming: 'optional',
    kplMetrics: true,
    kcl: false,
  },
  'kcl-consumer': {
    name: 'kcl-consumer',
    title:
      'Kinesis Client Library consumer (KCL 3.x, or 2.x): read, its own fan-out consumer, lease and metadata tables, metrics',
    sources: [
      'AWS "IAM permissions required for KCL consumer applications" (KCL 3.x)',
      'AWS Kinesis Data Streams developer guide, "Create an IAM policy and user": https://docs.aws.amazon.com/streams/latest/dev/tutorial-stock-data-kplkcl2-iam.html ("Consumer", KCL DynamoDB + CloudWatch; KCL 2.x)',
    ],
    reads: true,
    writes: false,
    streamActions: union(STREAM_READ_ACTIONS, REGISTER_CONSUMER_ACTIONS),
    consumerActions: union(CONSUMER_READ_ACTIONS),
    listStreams: false,
    kmsActions: union(KMS_READ_ACTIONS),
    consumerNaming: 'application',
    kplMetrics: false,
    kcl: true,
  },
  upsolver: {
    name: 'upsolver',
    title: 'Upsolver reads the streams (a role; an IAM user with an access key only on explicit opt-in)',
    sources: ['Upsolver, "AWS Kinesis Permissions" (Upsolver docs)'],
    reads: true,
    writes: false,
    streamActions: union(UPSOLVER_STREAM_ACTIONS),
    consumerActions: Object.freeze([]),
    listStreams: true,
    kmsActions: union(KMS_READ_ACTIONS),
    consumerNaming: 'none',
    kplMetrics: false,
    kcl: false,
  },
};

export function isProfileName(value: unknown): value is ProfileName {
  return typeof value === 'string' && (PROFILE_NAMES as readonly string[]).includes(value);
}
