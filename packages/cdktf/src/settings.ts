/**
 * Project settings that change the generated Terraform without code changes: the stack layout, the state
 * backend and an optional deploy role. They come from `cdktf.json` (`context.kinesisAccess`) and/or
 * `KINESIS_ACCESS_*` environment variables (see docs/pipelines.md). The library functions never read the
 * environment themselves: callers (CLI, cdktf app) resolve settings once and pass them in.
 */

import { DEFAULT_STACK_LAYOUT, type StackLayout } from '@kinesis-access/grant-files';
import { z } from 'zod';

/** Local state (the default). */
export interface LocalBackendConfig {
  readonly type: 'local';
  /**
   * State file path relative to the project root (the directory that holds `generated/` and `cdktf.out/`);
   * `{stack}` is replaced by the stack name. Must be relative: output never holds absolute paths.
   * @default 'state/{stack}.tfstate'
   */
  readonly path?: string;
}

/** S3 state with locking, for teams that run the pipeline on more than one machine. */
export interface S3BackendConfig {
  readonly type: 's3';
  readonly bucket: string;
  /** Region of the bucket. */
  readonly region: string;
  /** Object key prefix; the key is `<keyPrefix><stack>.tfstate`. @default 'kinesis-access/' */
  readonly keyPrefix?: string;
  /**
   * State locking: `lockfile` (S3 native lock file, Terraform ≥ 1.10), `dynamodb` (needs `dynamodbTable`;
   * deprecated by Terraform but still common) or `none`.
   * @default 'lockfile'
   */
  readonly lock?: 'lockfile' | 'dynamodb' | 'none';
  readonly dynamodbTable?: string;
  /** Server-side encryption of the state object. @default true */
  readonly encrypt?: boolean;
  /** KMS key for the state object. @default - the bucket's default encryption */
  readonly kmsKeyId?: string;
  /** Role the backend assumes to reach the bucket. @default - the pipeline's own credentials */
  readonly roleArn?: string;
}

export type BackendConfig = LocalBackendConfig | S3BackendConfig;

/** Everything that shapes the generated Terraform besides the grants themselves. */
export interface SynthSettings {
  /** @default 'grant' (one stack and one state per grant) */
  readonly layout: StackLayout;
  /** @default { type: 'local' } */
  readonly backend: BackendConfig;
  /**
   * Role the AWS provider assumes in each grant's account, with `{accountId}` and `{partition}` placeholders,
   * e.g. `arn:{partition}:iam::{accountId}:role/kinesis-access-deployer`.
   * @default - none: the pipeline's credentials are used as they are
   */
  readonly deployRoleArn?: string;
}

export const DEFAULT_LOCAL_STATE_PATH = 'state/{stack}.tfstate';
export const DEFAULT_S3_KEY_PREFIX = 'kinesis-access/';

export const DEFAULT_SETTINGS: SynthSettings = { layout: DEFAULT_STACK_LAYOUT, backend: { type: 'local' } };

/** The cdktf.json context key that holds settings. */
export const SETTINGS_CONTEXT_KEY = 'kinesisAccess';

/** Environment variables read by {@link resolveSettings} (each overrides the matching cdktf.json field). */
export const SETTINGS_ENV = {
  layout: 'KINESIS_ACCESS_LAYOUT',
  deployRoleArn: 'KINESIS_ACCESS_DEPLOY_ROLE_ARN',
  'backend.type': 'KINESIS_ACCESS_BACKEND',
  'backend.path': 'KINESIS_ACCESS_STATE_PATH',
  'backend.bucket': 'KINESIS_ACCESS_STATE_BUCKET',
  'backend.region': 'KINESIS_ACCESS_STATE_REGION',
  'backend.keyPrefix': 'KINESIS_ACCESS_STATE_KEY_PREFIX',
  'backend.lock': 'KINESIS_ACCESS_STATE_LOCK',
  'backend.dynamodbTable': 'KINESIS_ACCESS_STATE_DYNAMODB_TABLE',
  'backend.encrypt': 'KINESIS_ACCESS_STATE_ENCRYPT',
  'backend.kmsKeyId': 'KINESIS_ACCESS_STATE_KMS_KEY_ID',
  'backend.roleArn': 'KINESIS_ACCESS_STATE_ROLE_ARN',
} as const;

/** Bad settings: every problem, each naming where the value came from and what was received. */
export class SettingsError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid kinesis-access settings:\n  ${problems.join('\n  ')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const relativePath = nonEmpty.refine(
  (p) => !p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p) && !p.startsWith('\\'),
  'must be a relative path (generated Terraform holds no absolute paths)',
);
const arnTemplate = nonEmpty.regex(
  /^arn:/,
  'must be an ARN (placeholders {accountId} and {partition} allowed)',
);

const localSchema = z.strictObject({
  type: z.literal('local'),
  path: relativePath.optional(),
});
const s3Schema = z
  .strictObject({
    type: z.literal('s3'),
    bucket: nonEmpty,
    region: nonEmpty.regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as eu-west-1'),
    keyPrefix: z.string().optional(),
    lock: z.enum(['lockfile', 'dynamodb', 'none']).optional(),
    dynamodbTable: nonEmpty.optional(),
    encrypt: z.boolean().optional(),
    kmsKeyId: nonEmpty.optional(),
    roleArn: arnTemplate.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.lock === 'dynamodb' && value.dynamodbTable === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dynamodbTable'],
        message: 'is required when lock is "dynamodb"',
      });
    }
  });
const settingsSchema = z.strictObject({
  layout: z.enum(['grant', 'account']),
  backend: z.discriminatedUnion('type', [localSchema, s3Schema]),
  deployRoleArn: arnTemplate.optional(),
});

export interface ResolveSettingsInput {
  /** The value of `context.kinesisAccess` from cdktf.json (or the cdktf app's context). */
  readonly context?: unknown;
  /** Environment (pass `process.env` at the edge). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Name of the context source in error messages. @default 'cdktf.json context.kinesisAccess' */
  readonly contextSource?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merge cdktf.json context and environment over the defaults, validate, and return the settings.
 * Throws {@link SettingsError} listing every problem (e.g. `KINESIS_ACCESS_STATE_BUCKET: must not be empty`).
 */
export function resolveSettings(input: ResolveSettingsInput = {}): SynthSettings {
  const contextSource = input.contextSource ?? `cdktf.json context.${SETTINGS_CONTEXT_KEY}`;
  const sources = new Map<string, string>();
  const problems: string[] = [];
  const merged: Record<string, unknown> = { layout: DEFAULT_SETTINGS.layout };
  let backend: Record<string, unknown> = { type: 'local' };

  const context = input.context;
  if (context !== undefined && context !== null) {
    if (!isRecord(context)) {
      problems.push(`${contextSource}: must be an object, received ${JSON.stringify(context)}`);
    } else {
      for (const [key, value] of Object.entries(context)) {
        if (key === 'backend') {
          if (!isRecord(value)) {
            problems.push(`${contextSource}.backend: must be an object, received ${JSON.stringify(value)}`);
            continue;
          }
          backend = { ...value };
          for (const field of Object.keys(value))
            sources.set(`backend.${field}`, `${contextSource}.backend.${field}`);
        } else {
          merged[key] = value;
          sources.set(key, `${contextSource}.${key}`);
        }
      }
    }
  }

  const env = input.env ?? {};
  for (const [field, variable] of Object.entries(SETTINGS_ENV)) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    let value: unknown = raw;
    if (field === 'backend.encrypt') {
      if (raw !== 'true' && raw !== 'false') {
        problems.push(`${variable}: must be "true" or "false", received ${JSON.stringify(raw)}`);
        continue;
      }
      value = raw === 'true';
    }
    if (field === 'backend.type' && raw !== backend.type) {
      // Switching the backend kind through the environment starts from a clean backend block.
      backend = {};
      for (const key of [...sources.keys()]) if (key.startsWith('backend.')) sources.delete(key);
    }
    if (field.startsWith('backend.')) backend[field.slice('backend.'.length)] = value;
    else merged[field] = value;
    sources.set(field, variable);
  }
  merged.backend = backend;

  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      const where = sources.get(key) ?? (key === '' ? contextSource : `${key} (${contextSource})`);
      const received = issue.path.reduce<unknown>((v, k) => (isRecord(v) ? v[String(k)] : undefined), merged);
      const detail =
        issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
      problems.push(
        `${where}: ${detail}${received === undefined || issue.code === 'unrecognized_keys' ? '' : `, received ${JSON.stringify(received)}`}`,
      );
    }
  }
  if (problems.length > 0) throw new SettingsError(problems);
  if (!parsed.success) throw new SettingsError(['unreachable']);
  return parsed.data as SynthSettings;
}
