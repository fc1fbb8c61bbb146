/**
 * Typed ARNs (after aws-sdk-js-v3 `util-arn-parser`: partition, service, region, accountId, resource), with the
 * Kinesis, KMS and IAM resources typed on top. Parsers never throw: they return the reason an ARN is refused.
 */
import type { Partition } from './types';

export const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

/** The generic shape of an ARN. */
export interface Arn {
  readonly partition: Partition;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resource: string;
}

export interface KinesisStreamArn extends Arn {
  readonly kind: 'kinesis-stream';
  readonly streamName: string;
}

export interface KinesisConsumerArn extends Arn {
  readonly kind: 'kinesis-consumer';
  readonly streamName: string;
  readonly consumerName: string;
  readonly creationTimestamp: string;
}

export interface KmsKeyArn extends Arn {
  readonly kind: 'kms-key';
  readonly keyId: string;
  readonly multiRegion: boolean;
}

export interface IamRoleArn extends Arn {
  readonly kind: 'iam-role';
  /** `/` or `/a/b/`. */
  readonly path: string;
  readonly roleName: string;
}

export interface IamUserArn extends Arn {
  readonly kind: 'iam-user';
  readonly path: string;
  readonly userName: string;
}

export interface IamAccountRootArn extends Arn {
  readonly kind: 'iam-root';
}

export interface IamPolicyArn extends Arn {
  readonly kind: 'iam-policy';
  readonly path: string;
  readonly policyName: string;
}

/** A parsed ARN or the reason it was refused (without the received value: callers add it). */
export type ArnResult<T> =
  | { readonly ok: true; readonly arn: T }
  | { readonly ok: false; readonly reason: string };

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}$/;
const WILDCARD = /[*?]/;
/** Kinesis stream and consumer names. */
export const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;
/** IAM role, user and policy names and path segments (the IAM API's `[\w+=,.@-]`). */
export const IAM_NAME_CHARS = /^[\w+=,.@-]+$/;
const IAM_PATH = /^\/(?:[\w+=,.@-]+\/)*$/;
const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/** The partition a region belongs to; undefined for malformed regions and unsupported partitions. */
export function regionPartition(region: string): Partition | undefined {
  if (!REGION.test(region)) return undefined;
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Why a region is refused for a partition, or undefined when it belongs to it. */
export function regionProblem(region: string, partition?: Partition): string | undefined {
  if (/^[a-z]{2}-iso[a-z]*-/.test(region))
    return `region "${region}" is in an isolated partition, which is not supported`;
  const actual = regionPartition(region);
  if (actual === undefined)
    return `"${region}" is not a region name like us-east-1, cn-north-1 or us-gov-west-1`;
  if (partition !== undefined && actual !== partition) {
    return `region "${region}" belongs to partition "${actual}", not "${partition}"`;
  }
  return undefined;
}

/** DNS suffix of service endpoints, as used by `kms:ViaService`. */
export function dnsSuffix(partition: Partition): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A part of the input quoted inside a reason, shortened (the whole value is quoted after the reason). */
const quoted = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Split and check the common part of an ARN. `regional`: whether the service uses a region field. */
export function parseArn(text: string, service: string, regional: boolean): ArnResult<Arn> {
  if (WILDCARD.test(text))
    return fail('wildcards (* or ?) are not allowed in an ARN: name each resource exactly');
  if (/\s/.test(text)) return fail('an ARN must not contain whitespace');
  const parts = text.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return fail(`must be an ARN (arn:<partition>:${service}:…)`);
  const [, partition = '', actualService = '', region = '', accountId = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!(PARTITIONS as readonly string[]).includes(partition)) {
    return fail(`partition ${quoted(partition)} is not supported (use aws, aws-cn or aws-us-gov)`);
  }
  if (actualService !== service)
    return fail(`must be an ARN of service "${service}", but the service is ${quoted(actualService)}`);
  if (regional) {
    const problem = regionProblem(region, partition as Partition);
    if (problem !== undefined) return fail(problem);
  } else if (region !== '') {
    return fail(`${service} ARNs have no region, but ${quoted(region)} is given`);
  }
  return { ok: true, arn: { partition: partition as Partition, service, region, accountId, resource } };
}

/** {@link parseArn} and the account id: 12 digits (or `aws`, for AWS managed policies, when `allowAws`). */
function parseAccountArn(text: string, service: string, regional: boolean, allowAws = false): ArnResult<Arn> {
  const base = parseArn(text, service, regional);
  if (!base.ok) return base;
  const { accountId } = base.arn;
  if (ACCOUNT_ID.test(accountId) || (allowAws && accountId === 'aws')) return base;
  return fail(`the account id must be 12 digits, but it is ${quoted(accountId)}`);
}

export function diagnoseStreamArn(text: string): ArnResult<KinesisStreamArn> {
  const base = parseAccountArn(text, 'kinesis', true);
  if (!base.ok) return base;
  const { arn } = base;
  if (/^stream\/[^/]+\/consumer\//.test(arn.resource)) {
    return fail('this is a stream consumer ARN: give the stream ARN (…:stream/<name>)');
  }
  if (!arn.resource.startsWith('stream/')) return fail('the resource must be "stream/<name>"');
  const streamName = arn.resource.slice('stream/'.length);
  if (!STREAM_NAME.test(streamName)) {
    return fail(
      `stream name ${quoted(streamName)} must be 1–128 characters of a-z, A-Z, 0-9, "_", "." and "-"`,
    );
  }
  return { ok: true, arn: { ...arn, kind: 'kinesis-stream', streamName } };
}

export function diagnoseConsumerArn(text: string): ArnResult<KinesisConsumerArn> {
  const base = parseAccountArn(text, 'kinesis', true);
  if (!base.ok) return base;
  const { arn } = base;
  const match = /^stream\/([^/]+)\/consumer\/([^:/]+):(\d+)$/.exec(arn.resource);
  if (match === null)
    return fail('the resource must be "stream/<name>/consumer/<consumer name>:<creation timestamp>"');
  const [, streamName = '', consumerName = '', creationTimestamp = ''] = match;
  if (!STREAM_NAME.test(streamName) || !STREAM_NAME.test(consumerName)) {
    return fail('stream and consumer names must be 1–128 characters of a-z, A-Z, 0-9, "_", "." and "-"');
  }
  return { ok: true, arn: { ...arn, kind: 'kinesis-consumer', streamName, consumerName, creationTimestamp } };
}

export function diagnoseKmsKeyArn(text: string): ArnResult<KmsKeyArn> {
  const base = parseAccountArn(text, 'kms', true);
  if (!base.ok) return base;
  const { arn } = base;
  if (arn.resource.startsWith('alias/')) {
    return fail(
      'KMS alias ARNs are refused: IAM matches the key ARN, not the alias, so a policy on an alias grants nothing. ' +
        'Give the key ARN (…:key/<key id>), e.g. from `aws kms describe-key --key-id alias/<name>`',
    );
  }
  if (!arn.resource.startsWith('key/')) return fail('the resource must be "key/<key id>"');
  const keyId = arn.resource.slice('key/'.length);
  if (!KEY_ID.test(keyId)) {
    return fail(
      `key id ${quoted(keyId)} must be a key UUID (1234abcd-12ab-34cd-56ef-1234567890ab) or a multi-region key id (mrk-<32 hex>)`,
    );
  }
  return { ok: true, arn: { ...arn, kind: 'kms-key', keyId, multiRegion: keyId.startsWith('mrk-') } };
}

/** The path and name of an IAM resource of `type` (`role/…`, `user/…`, `policy/…`). */
function parseIamPathAndName(resource: string, type: string, maxName: number) {
  if (!resource.startsWith(`${type}/`)) return fail(`must be an IAM ${type} ARN (…:${type}/<name>)`);
  const rest = resource.slice(type.length + 1);
  const slash = rest.lastIndexOf('/');
  const path = slash < 0 ? '/' : `/${rest.slice(0, slash + 1)}`;
  const name = rest.slice(slash + 1);
  if (!IAM_PATH.test(path))
    return fail(`the ${type} path ${quoted(path)} must be "/" or "/a/b/" of letters, digits and +=,.@_-`);
  if (name.length < 1 || name.length > maxName || !IAM_NAME_CHARS.test(name)) {
    return fail(
      `the ${type} name ${quoted(name)} must be 1–${maxName} characters of letters, digits and +=,.@_-`,
    );
  }
  return { ok: true as const, path, name };
}

export function diagnoseRoleArn(text: string): ArnResult<IamRoleArn> {
  const base = parseAccountArn(text, 'iam', false);
  if (!base.ok) return base;
  const { arn } = base;
  const parsed = parseIamPathAndName(arn.resource, 'role', 64);
  if (!parsed.ok) return parsed;
  return { ok: true, arn: { ...arn, kind: 'iam-role', path: parsed.path, roleName: parsed.name } };
}

/** IAM principals for stream resource policies: a role, a user or an account root (`…:root`). */
export function diagnosePrincipalArn(text: string): ArnResult<IamRoleArn | IamUserArn | IamAccountRootArn> {
  const base = parseAccountArn(text, 'iam', false);
  if (!base.ok) return base;
  const { arn } = base;
  if (arn.resource === 'root') return { ok: true, arn: { ...arn, kind: 'iam-root' } };
  if (arn.resource.startsWith('role/')) return diagnoseRoleArn(text);
  if (arn.resource.startsWith('user/')) {
    const parsed = parseIamPathAndName(arn.resource, 'user', 64);
    if (!parsed.ok) return parsed;
    return { ok: true, arn: { ...arn, kind: 'iam-user', path: parsed.path, userName: parsed.name } };
  }
  return fail('must be an IAM role, user or account root ARN (…:role/<name>, …:user/<name>, …:root)');
}

export function diagnosePolicyArn(text: string): ArnResult<IamPolicyArn> {
  const base = parseAccountArn(text, 'iam', false, true);
  if (!base.ok) return base;
  const { arn } = base;
  const parsed = parseIamPathAndName(arn.resource, 'policy', 128);
  if (!parsed.ok) return parsed;
  return { ok: true, arn: { ...arn, kind: 'iam-policy', path: parsed.path, policyName: parsed.name } };
}

// ---- parsers: one regex for the common, valid case; the diagnosing parser above for everything else ----
// Both accept exactly the same ARNs (src/arn.test.ts checks this on random input); the fast path only saves time.

const P = '(aws|aws-cn|aws-us-gov)';
const R = '([a-z]{2}(?:-gov)?-[a-z]+-\\d{1,2})';
const NAME = '[\\w+=,.@-]';
const FAST_STREAM = new RegExp(`^arn:${P}:kinesis:${R}:(\\d{12}):stream/([a-zA-Z0-9_.-]{1,128})$`);
const FAST_CONSUMER = new RegExp(
  `^arn:${P}:kinesis:${R}:(\\d{12}):stream/([a-zA-Z0-9_.-]{1,128})/consumer/([a-zA-Z0-9_.-]{1,128}):(\\d+)$`,
);
const FAST_KEY = new RegExp(
  `^arn:${P}:kms:${R}:(\\d{12}):key/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$`,
);
const FAST_IAM = new RegExp(
  `^arn:${P}:iam::(\\d{12}|aws):(role|user|policy)((?:/${NAME}+)*)/(${NAME}{1,128})$`,
);

function consistent(partition: string, region: string): boolean {
  return regionPartition(region) === partition;
}

export function parseStreamArn(text: string): ArnResult<KinesisStreamArn> {
  const m = FAST_STREAM.exec(text);
  if (m === null || !consistent(m[1] as string, m[2] as string)) return diagnoseStreamArn(text);
  const streamName = m[4] as string;
  return {
    ok: true,
    arn: {
      kind: 'kinesis-stream',
      partition: m[1] as Partition,
      service: 'kinesis',
      region: m[2] as string,
      accountId: m[3] as string,
      resource: `stream/${streamName}`,
      streamName,
    },
  };
}

export function parseConsumerArn(text: string): ArnResult<KinesisConsumerArn> {
  const m = FAST_CONSUMER.exec(text);
  if (m === null || !consistent(m[1] as string, m[2] as string)) return diagnoseConsumerArn(text);
  return {
    ok: true,
    arn: {
      kind: 'kinesis-consumer',
      partition: m[1] as Partition,
      service: 'kinesis',
      region: m[2] as string,
      accountId: m[3] as string,
      resource: `stream/${m[4]}/consumer/${m[5]}:${m[6]}`,
      streamName: m[4] as string,
      consumerName: m[5] as string,
      creationTimestamp: m[6] as string,
    },
  };
}

export function parseKmsKeyArn(text: string): ArnResult<KmsKeyArn> {
  const m = FAST_KEY.exec(text);
  if (m === null || !consistent(m[1] as string, m[2] as string)) return diagnoseKmsKeyArn(text);
  const keyId = m[4] as string;
  return {
    ok: true,
    arn: {
      kind: 'kms-key',
      partition: m[1] as Partition,
      service: 'kms',
      region: m[2] as string,
      accountId: m[3] as string,
      resource: `key/${keyId}`,
      keyId,
      multiRegion: keyId.startsWith('mrk-'),
    },
  };
}

export function parseRoleArn(text: string): ArnResult<IamRoleArn> {
  const m = FAST_IAM.exec(text);
  const path = m === null ? '' : `${m[4]}/`;
  if (m === null || m[3] !== 'role' || m[2] === 'aws' || (m[5] as string).length > 64 || path.length > 512) {
    return diagnoseRoleArn(text);
  }
  return {
    ok: true,
    arn: {
      kind: 'iam-role',
      partition: m[1] as Partition,
      service: 'iam',
      region: '',
      accountId: m[2] as string,
      resource: `role${path}${m[5]}`,
      path,
      roleName: m[5] as string,
    },
  };
}

export function parsePrincipalArn(text: string): ArnResult<IamRoleArn | IamUserArn | IamAccountRootArn> {
  return diagnosePrincipalArn(text);
}

export function parsePolicyArn(text: string): ArnResult<IamPolicyArn> {
  return diagnosePolicyArn(text);
}

export function isIamPath(path: string): boolean {
  return path.length <= 512 && IAM_PATH.test(path);
}

// ---- builders (inputs are already validated) ----

export function streamArn(
  partition: Partition,
  region: string,
  accountId: string,
  streamName: string,
): string {
  return `arn:${partition}:kinesis:${region}:${accountId}:stream/${streamName}`;
}

/** Every consumer of one stream: the consumer name and creation timestamp are chosen at registration. */
/**
 * The consumers of a stream a grant may act on: one named consumer (`…/consumer/<name>:*`, any registration
 * timestamp) or, when the client names its consumers itself, every consumer (`…/consumer/*`).
 */
export function streamConsumersArn(stream: string, consumerName?: string): string {
  return consumerName === undefined ? `${stream}/consumer/*` : `${stream}/consumer/${consumerName}:*`;
}

export function roleArn(partition: Partition, accountId: string, path: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role${path}${roleName}`;
}

export function dynamoDbTableArn(
  partition: Partition,
  region: string,
  accountId: string,
  table: string,
): string {
  return `arn:${partition}:dynamodb:${region}:${accountId}:table/${table}`;
}

/** Every index of a DynamoDB table (`table/<name>/index/*`). */
export function dynamoDbIndexesArn(
  partition: Partition,
  region: string,
  accountId: string,
  table: string,
): string {
  return `${dynamoDbTableArn(partition, region, accountId, table)}/index/*`;
}
