/**
 * The mapping between the template's form data and a raw grant document.
 *
 * The Backstage action `kinesis:access:grant` receives the same parameter names (DESIGN.md) and builds the
 * same raw grant from them, so what the form validates and previews is exactly what lands in the pull request.
 * This mapping holds no IAM knowledge: the policy model validates and plans the grant it returns.
 */

/** One row of the `streams` parameter. */
export interface KinesisStreamInput {
  readonly arn?: string;
  readonly kmsKeyArn?: string;
}

/** The template parameters (= action inputs) that make up a grant. Other parameters (e.g. `repoUrl`) are ignored. */
export interface KinesisAccessTemplateInput {
  /** Grant name → `metadata.name`. */
  readonly name?: string;
  /** ClickHouse service role ARN → `spec.principal.roleArn`. */
  readonly clickhouseRoleArn?: string;
  /** → `spec.streams`. */
  readonly streams?: readonly KinesisStreamInput[];
  /** → `spec.role.name`. @default the model's default role name for the grant name and profile */
  readonly roleName?: string;
  /** → `spec.profile`. @default 'clickpipes' */
  readonly profile?: string;
  /** → `spec.role.permissionsBoundaryArn`. */
  readonly permissionsBoundaryArn?: string;
  /** → `spec.role.tags`. */
  readonly tags?: Readonly<Record<string, string>>;
  /** → `metadata.description`. */
  readonly description?: string;
}

/** The profile the template grants when the form does not choose one. */
export const DEFAULT_TEMPLATE_PROFILE = 'clickpipes';

/** A form field left empty arrives as '' (or whitespace) or null: not given. */
function given(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dropUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** A stream row: blank cells left out, anything else kept for the model to judge (unknown keys included). */
function streamEntry(row: unknown): unknown {
  if (!isRecord(row)) return row;
  const { arn, kmsKeyArn, ...rest } = row;
  return dropUndefined({ ...rest, arn: given(arn), kmsKeyArn: given(kmsKeyArn) });
}

/**
 * Build the raw grant document (input of the model's `validateGrant` / `compileGrant`) from form data, the same
 * way the `kinesis:access:grant` action builds it from its input. Only shapes it: values are passed through
 * unchanged, and wrong types or shapes are left for the model to report with their path.
 */
export function grantFromTemplateInput(formData: unknown): Record<string, unknown> {
  const input: Record<string, unknown> = isRecord(formData) ? formData : {};
  const role = dropUndefined({
    name: given(input.roleName),
    permissionsBoundaryArn: given(input.permissionsBoundaryArn),
    tags: input.tags === null ? undefined : input.tags,
  });
  return {
    apiVersion: 'kinesis-access/v1',
    kind: 'KinesisAccessGrant',
    metadata: dropUndefined({ name: input.name, description: given(input.description) }),
    spec: dropUndefined({
      profile: given(input.profile) ?? DEFAULT_TEMPLATE_PROFILE,
      principal: { roleArn: input.clickhouseRoleArn },
      role: Object.keys(role).length === 0 ? undefined : role,
      streams: Array.isArray(input.streams) ? input.streams.map(streamEntry) : input.streams,
    }),
  };
}

/** Grant field paths and the form parameter each one comes from (longest prefix first). */
const PATH_TO_PARAMETER: readonly (readonly [string, string])[] = [
  ['spec.principal.roleArn', 'clickhouseRoleArn'],
  ['spec.role.permissionsBoundaryArn', 'permissionsBoundaryArn'],
  ['spec.role.name', 'roleName'],
  ['spec.role.tags', 'tags'],
  ['spec.streams', 'streams'],
  ['spec.profile', 'profile'],
  ['metadata.name', 'name'],
];

/**
 * The form parameter path a model problem path belongs to, e.g. `spec.streams[1].arn` → `streams[1].arn`,
 * `spec.principal.roleArn` → `clickhouseRoleArn`. `undefined` for paths no form parameter maps to.
 */
export function templateParameterOfPath(path: string): string | undefined {
  for (const [prefix, parameter] of PATH_TO_PARAMETER) {
    if (path === prefix) return parameter;
    const rest = path.slice(prefix.length);
    if (path.startsWith(prefix) && (rest.startsWith('.') || rest.startsWith('[')))
      return `${parameter}${rest}`;
  }
  return undefined;
}

/** Where a stream-row problem points: the row index and the column (`arn`, `kmsKeyArn`) when it names one. */
export function streamRowOfPath(
  path: string,
): { readonly index: number; readonly column?: string } | undefined {
  const match = /^spec\.streams\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!match) return undefined;
  const index = Number(match[1]);
  return match[2] === undefined ? { index } : { index, column: match[2] };
}
