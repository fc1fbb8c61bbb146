/**
 * Validation: the zod schema checks structure and each field; the cross-field rules below check what spans
 * fields. Both run on every input, so one call reports every problem with its field path.
 */
import type { z } from 'zod';
import {
  type KinesisStreamArn,
  parseKmsKeyArn,
  parsePolicyArn,
  parsePrincipalArn,
  parseRoleArn,
  parseStreamArn,
  regionPartition,
} from './arn';
import { CLICKPIPES_ROLE_PREFIX, DEFAULT_ROLE_PREFIX, GRANT_NAME, QUOTAS } from './iam';
import { closest, type PathSegment, type RawProblem, received, toProblem } from './problems';
import { isProfileName, PROFILE_NAMES, PROFILES } from './profiles';
import { GrantSchema } from './schema';
import type { GrantSpec, ProfileName, Result } from './types';

export { PROFILE_NAMES };

/** Validate an already-parsed object (JSON/YAML value, form data). Returns every problem. */
export function validateGrant(input: unknown): Result<GrantSpec> {
  const { spec, problems } = validateGrantDetailed(input);
  if (spec !== undefined) return { ok: true, value: spec };
  return { ok: false, problems: problems.map(toProblem) };
}

/** validateGrant with unformatted paths (parse.ts maps them to YAML lines). */
export function validateGrantDetailed(input: unknown): { spec?: GrantSpec; problems: RawProblem[] } {
  const parsed = GrantSchema.safeParse(input, { reportInput: true });
  const problems: RawProblem[] = parsed.success ? [] : parsed.error.issues.flatMap(issueToProblems);
  problems.push(...crossFieldProblems(input));
  if (parsed.success && problems.length === 0) return { spec: parsed.data, problems };
  return { problems };
}

/** Default role name for a grant name and profile (clickpipes: `ClickHouseAccessRole-<name>`). */
export function defaultRoleName(grantName: string, profile: string): string {
  return `${profile === 'clickpipes' ? CLICKPIPES_ROLE_PREFIX : DEFAULT_ROLE_PREFIX}${grantName}`;
}

// ---------------------------------------------------------------------------------------------------------
// zod issues → problems

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  object: 'a mapping of fields',
  array: 'a list',
  boolean: 'true or false',
};

type Issue = z.core.$ZodIssue;

function issueToProblems(issue: Issue): RawProblem[] {
  const path = issue.path as PathSegment[];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(path, key) }));
    case 'invalid_type':
      if (input === undefined)
        return [{ path, message: `is required (${EXPECTED[issue.expected] ?? issue.expected})` }];
      return [{ path, message: received(`must be ${EXPECTED[issue.expected] ?? issue.expected}`, input) }];
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      const hint =
        typeof input === 'string' && values.length > 1 ? closest(input, issue.values.map(String)) : undefined;
      const reason = values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}`;
      return [
        {
          path,
          message: received(hint === undefined ? reason : `${reason} (did you mean "${hint}"?)`, input),
        },
      ];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, message: received(sizeMessage(issue), input) }];
    case 'invalid_key': {
      const inner = issue.issues[0];
      return [{ path, message: received(inner?.message ?? 'invalid key', input) }];
    }
    case 'invalid_format':
    case 'custom':
      return [{ path, message: received(issue.message, input) }];
    default:
      return [{ path, message: received(issue.message, input) }];
  }
}

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  // Fields with their own message keep it; the rest get a generic one.
  if (!issue.message.startsWith('Too ')) return issue.message;
  const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
  if (issue.origin === 'array') return `must have ${bound} items`;
  if (issue.origin === 'string') return `must be ${bound} characters`;
  return `must be ${bound}`;
}

function unknownKeyMessage(path: readonly PathSegment[], key: string): string {
  const allowed = allowedKeysAt(path);
  const hint = allowed === undefined ? undefined : closest(key, allowed);
  const parts = [`unknown field "${key}"`];
  if (hint !== undefined) parts.push(`(did you mean "${hint}"?)`);
  if (allowed !== undefined) parts.push(`— allowed here: ${allowed.join(', ')}`);
  return parts.join(' ');
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
}

function unwrap(def: SchemaDef): SchemaDef {
  let current = def;
  while ((current.type === 'optional' || current.type === 'default') && current.innerType !== undefined) {
    current = current.innerType._zod.def;
  }
  return current;
}

/** The field names the schema allows at a path (for "did you mean" hints). */
function allowedKeysAt(path: readonly PathSegment[]): string[] | undefined {
  let def = unwrap((GrantSchema as unknown as { _zod: { def: SchemaDef } })._zod.def);
  for (const segment of path) {
    const next =
      def.type === 'object' && typeof segment === 'string'
        ? def.shape?.[segment]
        : def.type === 'array'
          ? def.element
          : undefined;
    if (next === undefined) return undefined;
    def = unwrap(next._zod.def);
  }
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// cross-field rules, on the raw input (so they run even when some other field is wrong)

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

function crossFieldProblems(input: unknown): RawProblem[] {
  const problems: RawProblem[] = [];
  const add = (path: PathSegment[], message: string) => problems.push({ path, message });
  const root = asObj(input);
  const spec = asObj(root?.spec);
  if (root === undefined || spec === undefined) return problems;
  const metadata = asObj(root.metadata);
  const grant = typeof metadata?.name === 'string' ? JSON.stringify(metadata.name.slice(0, 63)) : '(unnamed)';
  const profile: ProfileName | undefined =
    spec.profile === undefined ? 'clickpipes' : isProfileName(spec.profile) ? spec.profile : undefined;

  // Streams: one partition, one account, no duplicates, the key in the stream's region.
  const streams: StreamAt[] = [];
  const seen = new Map<string, number>();
  asArray(spec.streams).forEach((item, index) => {
    const stream = asObj(item);
    if (typeof stream?.arn !== 'string') return;
    const parsed = parseStreamArn(stream.arn);
    if (!parsed.ok) return;
    const arn = parsed.arn;
    const duplicate = seen.get(stream.arn);
    if (duplicate !== undefined) {
      add(
        ['spec', 'streams', index, 'arn'],
        received(`duplicate stream: same as spec.streams[${duplicate}].arn`, stream.arn),
      );
    } else {
      seen.set(stream.arn, index);
    }
    if (typeof stream.kmsKeyArn === 'string') {
      const key = parseKmsKeyArn(stream.kmsKeyArn);
      if (key.ok && (key.arn.region !== arn.region || key.arn.partition !== arn.partition)) {
        add(
          ['spec', 'streams', index, 'kmsKeyArn'],
          received(
            `the KMS key must be in the stream's region ${arn.region} (partition ${arn.partition}), but it is in ${key.arn.region} (partition ${key.arn.partition})`,
            stream.kmsKeyArn,
          ),
        );
      }
    }
    streams.push({ index, arn, text: stream.arn });
  });
  // One partition, then one account: the streams that differ from the majority are blamed; without a majority
  // the whole list is named with every value, never the streams that agree.
  const agreed = {
    partition: oneOf(streams, (s) => s.arn.partition, 'partition', add),
    accountId: undefined as string | undefined,
  };
  if (agreed.partition !== undefined || streams.length === 0) {
    agreed.accountId = oneOf(streams, (s) => s.arn.accountId, 'account', add);
  }
  const partition = agreed.partition ?? streams[0]?.arn.partition;
  const accountId = agreed.accountId ?? streams[0]?.arn.accountId;
  const samePartition = (path: PathSegment[], value: string, actual: string) => {
    if (partition !== undefined && actual !== partition) {
      add(
        path,
        received(`must be in the streams' partition "${partition}", but it is in "${actual}"`, value),
      );
    }
  };

  // Principals of the trust policy.
  const principal = asObj(spec.principal);
  const principals = new Map<string, string>();
  const checkPrincipal = (path: PathSegment[], value: unknown) => {
    if (typeof value !== 'string') return;
    const parsed = parseRoleArn(value);
    if (!parsed.ok) return;
    samePartition(path, value, parsed.arn.partition);
    const previous = principals.get(value);
    if (previous !== undefined) add(path, received(`duplicate principal: same as ${previous}`, value));
    else principals.set(value, pathText(path));
  };
  checkPrincipal(['spec', 'principal', 'roleArn'], principal?.roleArn);
  asArray(principal?.additionalRoleArns).forEach((value, i) => {
    checkPrincipal(['spec', 'principal', 'additionalRoleArns', i], value);
  });
  duplicates(asArray(principal?.extraTrustActions), (i, value) =>
    add(['spec', 'principal', 'extraTrustActions', i], received('duplicate trust action', value)),
  );

  // Role name: the clickpipes prefix; the default name must fit the quota.
  const role = asObj(spec.role);
  if (
    profile === 'clickpipes' &&
    typeof role?.name === 'string' &&
    !role.name.startsWith(CLICKPIPES_ROLE_PREFIX)
  ) {
    add(
      ['spec', 'role', 'name'],
      received(
        `the clickpipes profile needs a role name starting with "${CLICKPIPES_ROLE_PREFIX}" (ClickPipes refuses others)`,
        role.name,
      ),
    );
  } else if (profile === 'clickpipes' && role?.name === CLICKPIPES_ROLE_PREFIX) {
    add(
      ['spec', 'role', 'name'],
      received(`a role name needs more than the prefix "${CLICKPIPES_ROLE_PREFIX}"`, role.name),
    );
  }
  if (
    role?.name === undefined &&
    profile !== undefined &&
    typeof metadata?.name === 'string' &&
    GRANT_NAME.test(metadata.name)
  ) {
    const derived = defaultRoleName(metadata.name, profile);
    if (derived.length > QUOTAS.roleNameLength) {
      add(
        ['metadata', 'name'],
        received(
          `grant ${grant}: the default role name "${derived}" is ${derived.length} characters; the IAM quota is ${QUOTAS.roleNameLength} (shorten the name or set spec.role.name)`,
          metadata.name,
        ),
      );
    }
  }
  if (typeof role?.name === 'string' && role.name.length > QUOTAS.roleNameLength) {
    add(
      ['spec', 'role', 'name'],
      received(
        `grant ${grant}: the role name is ${role.name.length} characters; the IAM quota is ${QUOTAS.roleNameLength}`,
        role.name,
      ),
    );
  }
  if (typeof role?.permissionsBoundaryArn === 'string') {
    const boundary = parsePolicyArn(role.permissionsBoundaryArn);
    if (boundary.ok) {
      samePartition(
        ['spec', 'role', 'permissionsBoundaryArn'],
        role.permissionsBoundaryArn,
        boundary.arn.partition,
      );
      if (
        accountId !== undefined &&
        boundary.arn.accountId !== 'aws' &&
        boundary.arn.accountId !== accountId
      ) {
        add(
          ['spec', 'role', 'permissionsBoundaryArn'],
          received(
            `the permissions boundary must be an AWS managed policy or a policy of the streams' account ${accountId}`,
            role.permissionsBoundaryArn,
          ),
        );
      }
    }
  }
  const tags = asObj(role?.tags);
  if (tags !== undefined) {
    const keys = Object.keys(tags);
    if (keys.length > QUOTAS.roleTags) {
      add(
        ['spec', 'role', 'tags'],
        `grant ${grant}: ${keys.length} tags; the IAM quota is ${QUOTAS.roleTags} tags per role`,
      );
    }
    const lower = new Map<string, string>();
    for (const key of keys) {
      const other = lower.get(key.toLowerCase());
      if (other !== undefined)
        add(
          ['spec', 'role', 'tags', key],
          `tag keys differ only in case from "${other}" (IAM tag keys are case-insensitive)`,
        );
      else lower.set(key.toLowerCase(), key);
    }
  }

  // Profile-specific blocks.
  if (profile !== undefined) {
    if (profile === 'kcl-consumer' && spec.kcl === undefined) {
      add(
        ['spec', 'kcl'],
        'is required by profile "kcl-consumer" (kcl.applicationName names the lease table and metrics namespace)',
      );
    }
    if (profile !== 'kcl-consumer' && spec.kcl !== undefined) {
      add(['spec', 'kcl'], `is only allowed with profile "kcl-consumer", received profile "${profile}"`);
    }
    if (profile !== 'upsolver' && spec.upsolver !== undefined) {
      add(['spec', 'upsolver'], `is only allowed with profile "upsolver", received profile "${profile}"`);
    }
    const definition = PROFILES[profile];
    if (profile === 'clickpipes' && principal?.externalId !== undefined) {
      add(
        ['spec', 'principal', 'externalId'],
        received(
          'is not allowed with profile "clickpipes": ClickPipes sends no external id when it assumes the role, so a trust policy that requires one could never be assumed (remove externalId)',
          principal.externalId,
        ),
      );
    }
    const upsolver = asObj(spec.upsolver);
    const upsolverCredentials = upsolver?.credentials ?? 'role';
    if (profile === 'upsolver' && upsolverCredentials === 'role' && principal?.externalId === undefined) {
      add(
        ['spec', 'principal', 'externalId'],
        'is required by profile "upsolver" with credentials "role": Upsolver\'s role-based setup puts an external id in the trust relationship and sends it when it assumes the role. Use the external id you give the Upsolver connection (its EXTERNAL_ID option / "External ID" field)',
      );
    }
    if (
      spec.consumerName !== undefined &&
      (definition.consumerNaming === 'none' || definition.consumerNaming === 'client')
    ) {
      add(
        ['spec', 'consumerName'],
        received(
          definition.consumerNaming === 'client'
            ? `is not allowed with profile "${profile}": ClickPipes registers and names its enhanced fan-out consumers itself`
            : `is only allowed with profiles kcl-consumer, read and read-write (profile "${profile}" reads through no consumer)`,
          spec.consumerName,
        ),
      );
    }
    if (spec.kplMetrics !== undefined && !definition.kplMetrics) {
      add(
        ['spec', 'kplMetrics'],
        `is only allowed with profiles write and read-write (the KPL is a producer), received profile "${profile}"`,
      );
    }
  }
  const kcl = asObj(spec.kcl);
  if (
    profile === 'kcl-consumer' &&
    spec.consumerName === undefined &&
    typeof kcl?.applicationName === 'string' &&
    kcl.applicationName.length > CONSUMER_NAME_MAX
  ) {
    add(
      ['spec', 'kcl', 'applicationName'],
      `is ${kcl.applicationName.length} characters: KCL names its enhanced fan-out consumer after the application, and consumer names are at most ${CONSUMER_NAME_MAX} characters (set spec.consumerName to the consumer name the application uses)`,
    );
  }
  if (typeof kcl?.region === 'string') {
    const kclPartition = regionPartition(kcl.region);
    if (kclPartition !== undefined) samePartition(['spec', 'kcl', 'region'], kcl.region, kclPartition);
  }

  // Resource policy principals.
  const resourcePrincipals = new Map<string, number>();
  asArray(asObj(spec.resourcePolicy)?.principals).forEach((value, i) => {
    if (typeof value !== 'string') return;
    const parsed = parsePrincipalArn(value);
    if (!parsed.ok) return;
    samePartition(['spec', 'resourcePolicy', 'principals', i], value, parsed.arn.partition);
    const previous = resourcePrincipals.get(value);
    if (previous !== undefined) {
      add(
        ['spec', 'resourcePolicy', 'principals', i],
        received(`duplicate principal: same as spec.resourcePolicy.principals[${previous}]`, value),
      );
    } else {
      resourcePrincipals.set(value, i);
    }
  });
  return problems;
}

interface StreamAt {
  readonly index: number;
  readonly arn: KinesisStreamArn;
  readonly text: string;
}

/** Kinesis consumer names are at most 128 characters. */
const CONSUMER_NAME_MAX = 128;

/**
 * The one value (partition or account) all streams share. When they differ, the streams outside the majority
 * are blamed, each naming the majority; without a strict majority every stream gets a problem naming every value
 * and its streams. Returns the shared or majority value (undefined when there is no majority).
 */
function oneOf(
  streams: readonly StreamAt[],
  keyOf: (s: StreamAt) => string,
  what: 'partition' | 'account',
  add: (path: PathSegment[], message: string) => void,
): string | undefined {
  const groups = new Map<string, number[]>();
  for (const s of streams) {
    const value = keyOf(s);
    const group = groups.get(value);
    if (group) group.push(s.index);
    else groups.set(value, [s.index]);
  }
  if (groups.size <= 1) return groups.keys().next().value;
  const quote = (v: string) => (what === 'partition' ? `"${v}"` : v);
  const list = (indexes: readonly number[]) => indexes.map((i) => `spec.streams[${i}]`).join(', ');
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const [top, second] = sorted as [[string, number[]], [string, number[]]];
  if (top[1].length > second[1].length) {
    for (const s of streams) {
      const value = keyOf(s);
      if (value === top[0]) continue;
      add(
        ['spec', 'streams', s.index, 'arn'],
        received(
          `all streams of a grant must be in one ${what}: this one is in ${quote(value)}, the other ${top[1].length} of ${streams.length} (${list(top[1])}) in ${quote(top[0])}`,
          s.text,
        ),
      );
    }
    return top[0];
  }
  const spans = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([value, indexes]) => `${quote(value)} (${list(indexes)})`)
    .join('; ');
  // No majority: no stream is the odd one out, so each one gets the whole list (a form shows it on every row).
  for (const s of streams) {
    add(
      ['spec', 'streams', s.index, 'arn'],
      received(
        `all streams of a grant must be in one ${what}, but they are split evenly: ${spans}. Split the grant, one per ${what}`,
        s.text,
      ),
    );
  }
  return undefined;
}

function duplicates(values: readonly unknown[], report: (index: number, value: unknown) => void): void {
  const seen = new Set<unknown>();
  values.forEach((value, index) => {
    if (seen.has(value)) report(index, value);
    seen.add(value);
  });
}

function pathText(path: PathSegment[]): string {
  return toProblem({ path, message: '' }).path;
}
