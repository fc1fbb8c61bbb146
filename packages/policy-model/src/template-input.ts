/**
 * The one mapping from the golden-path template's parameters (= the `kinesis:access:grant` action's input) to a
 * raw grant document. The Backstage action and the scaffolder form fields both use it, so what the form validates
 * and previews is exactly what lands in the pull request.
 *
 * It only shapes the document: values pass through unchanged, and wrong types or shapes are left for
 * {@link validateGrant} to report with their field path.
 */
import type { ProfileName } from './types';

/** One row of the `streams` parameter. */
export interface GrantTemplateStream {
  readonly arn?: string;
  readonly kmsKeyArn?: string;
}

/** The template parameters (= action inputs) that make up a grant. Other parameters (e.g. `repoUrl`) are ignored. */
export interface GrantTemplateInput {
  /** Grant name → `metadata.name`. */
  readonly name?: string;
  /** ClickHouse service role ARN → `spec.principal.roleArn`. */
  readonly clickhouseRoleArn?: string;
  /** → `spec.streams`. */
  readonly streams?: readonly GrantTemplateStream[];
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
  /**
   * → `spec.resourcePolicy.principals`: accounts or roles of other accounts the streams' resource policies
   * share with (opt-in; at most one grant of a repository may own a stream's resource policy).
   */
  readonly resourcePolicyPrincipals?: readonly string[];
}

/** The profile a template grant gets when the input does not choose one. */
export const DEFAULT_TEMPLATE_PROFILE: ProfileName = 'clickpipes';

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

/** The raw grant document (input of `validateGrant` / `compileGrant`) for template parameters or action input. */
export function grantFromTemplateInput(input: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = isRecord(input) ? input : {};
  const role = dropUndefined({
    name: given(values.roleName),
    permissionsBoundaryArn: given(values.permissionsBoundaryArn),
    tags: values.tags === null ? undefined : values.tags,
  });
  return {
    apiVersion: 'kinesis-access/v1',
    kind: 'KinesisAccessGrant',
    metadata: dropUndefined({ name: values.name, description: given(values.description) }),
    spec: dropUndefined({
      profile: given(values.profile) ?? DEFAULT_TEMPLATE_PROFILE,
      principal: { roleArn: values.clickhouseRoleArn },
      role: Object.keys(role).length === 0 ? undefined : role,
      streams: Array.isArray(values.streams) ? values.streams.map(streamEntry) : values.streams,
      resourcePolicy:
        given(values.resourcePolicyPrincipals) === undefined ||
        (Array.isArray(values.resourcePolicyPrincipals) && values.resourcePolicyPrincipals.length === 0)
          ? undefined
          : { principals: values.resourcePolicyPrincipals },
    }),
  };
}

/** Grant field paths and the template parameter each one comes from. */
const PATH_TO_PARAMETER: readonly (readonly [grantPath: string, parameter: string])[] = [
  ['spec.principal.roleArn', 'clickhouseRoleArn'],
  ['spec.resourcePolicy.principals', 'resourcePolicyPrincipals'],
  ['spec.resourcePolicy', 'resourcePolicyPrincipals'],
  ['spec.role.permissionsBoundaryArn', 'permissionsBoundaryArn'],
  ['spec.role.name', 'roleName'],
  ['spec.role.tags', 'tags'],
  ['spec.streams', 'streams'],
  ['spec.profile', 'profile'],
  ['metadata.name', 'name'],
  ['metadata.description', 'description'],
];

/**
 * The template parameter path a problem path belongs to: `spec.streams[1].arn` → `streams[1].arn`,
 * `spec.principal.roleArn` → `clickhouseRoleArn`; `undefined` for grant fields no parameter maps to.
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
