/** The action's input as the runner passes it: raw JSON, no zod defaults applied. */
export interface GrantActionInput {
  readonly name: string;
  readonly clickhouseRoleArn: string;
  readonly streams: readonly { readonly arn: string; readonly kmsKeyArn?: string }[];
  readonly roleName?: string;
  readonly profile?: string;
  readonly permissionsBoundaryArn?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly description?: string;
  readonly targetPath?: string;
}

/** @default profile of a grant made by the action. */
export const DEFAULT_PROFILE = 'clickpipes';

/** @default targetPath: the workspace root is the infra repo root. */
export const DEFAULT_TARGET_PATH = '.';

/** Form fields left empty arrive as '' (or whitespace): treat them as not given. */
function given(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

function dropUndefined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function streamEntry(stream: unknown): unknown {
  if (stream === null || typeof stream !== 'object' || Array.isArray(stream)) return stream;
  const { arn, kmsKeyArn, ...rest } = stream as Record<string, unknown>;
  return dropUndefined({ ...rest, arn: given(arn), kmsKeyArn: given(kmsKeyArn) });
}

/**
 * The raw grant object (apiVersion kinesis-access/v1) for the model to validate. Only shapes it: whether the
 * values are right is the model's call, so nothing here knows about ARNs, role names or IAM.
 */
export function buildGrantObject(input: Partial<Record<keyof GrantActionInput, unknown>>): unknown {
  const role = dropUndefined({
    name: given(input.roleName),
    permissionsBoundaryArn: given(input.permissionsBoundaryArn),
    tags: input.tags === undefined || input.tags === null ? undefined : input.tags,
  });
  return {
    apiVersion: 'kinesis-access/v1',
    kind: 'KinesisAccessGrant',
    metadata: dropUndefined({ name: input.name, description: given(input.description) }),
    spec: dropUndefined({
      profile: given(input.profile) ?? DEFAULT_PROFILE,
      principal: { roleArn: input.clickhouseRoleArn },
      role: Object.keys(role).length === 0 ? undefined : role,
      streams: Array.isArray(input.streams) ? input.streams.map(streamEntry) : input.streams,
    }),
  };
}
