/**
 * The plan: from a validated grant to the role, trust policy, packed permission policies, stream resource
 * policies, warnings and quota use. Quota overflows are problems (plan-quotas.ts); access is never widened to fit.
 * The warnings are worded in plan-warnings.ts.
 */
import {
  dnsSuffix,
  dynamoDbIndexesArn,
  dynamoDbTableArn,
  type KinesisStreamArn,
  type KmsKeyArn,
  parseKmsKeyArn,
  parseStreamArn,
  roleArn,
  streamConsumersArn,
} from './arn';
import { compareCodeUnits } from './compare';
import {
  ASSUME_ROLE_ACTION,
  CLOUDWATCH_METRICS_ACTIONS,
  CONDITION_CLOUDWATCH_NAMESPACE,
  CONDITION_EXTERNAL_ID,
  CONDITION_KMS_KINESIS_CONTEXT,
  CONDITION_KMS_VIA_SERVICE,
  defaultRoleName,
  KCL_DEFAULT_VERSION,
  KCL_TABLE_ACTIONS,
  KCL3_LEASE_INDEX_ACTIONS,
  KCL3_LEASE_TABLE_ACTIONS,
  KCL3_METADATA_TABLE_SUFFIXES,
  KPL_DEFAULT_METRICS_NAMESPACE,
  LIST_STREAMS_ACTIONS,
  QUOTAS,
  SHAREABLE_STREAM_ACTIONS,
  STREAM_READ_ACTIONS,
  STREAM_WRITE_ACTIONS,
} from './iam';
import { grant, type LogicalStatement, POLICY_VERSION, packStatements, policySize } from './pack';
import { type QuotaFigures, quotaProblems, quotaUse } from './plan-quotas';
import { planWarnings } from './plan-warnings';
import { type RawProblem, toProblem } from './problems';
import { PROFILES, type ProfileDefinition } from './profiles';
import type { GrantPlan, GrantSpec, PolicyDocument, ResourcePolicyPlan, Result } from './types';
import { validateGrantDetailed } from './validate';

export { defaultRoleName };

/** Options for {@link planGrant}. */
export interface PlanOptions {
  /** Managed-policy size budget (non-whitespace chars). @default 6144 */
  readonly maxPolicyChars?: number;
}

/** Decide the IAM for one validated grant. Quota overflows are problems, never widened access. */
export function planGrant(spec: GrantSpec, options?: PlanOptions): Result<GrantPlan> {
  return toResult(planGrantDetailed(spec, options));
}

/** validateGrant + planGrant. */
export function compileGrant(input: unknown, options?: PlanOptions): Result<GrantPlan> {
  const validated = validateGrantDetailed(input);
  if (validated.spec === undefined) return { ok: false, problems: validated.problems.map(toProblem) };
  return planGrant(validated.spec, options);
}

export function toResult<T>(result: { value?: T; problems: readonly RawProblem[] }): Result<T> {
  if (result.value !== undefined && result.problems.length === 0) return { ok: true, value: result.value };
  return { ok: false, problems: result.problems.map(toProblem) };
}

interface PlannedStream {
  readonly arn: KinesisStreamArn;
  readonly text: string;
  readonly key?: KmsKeyArn;
}

/** planGrant with unformatted problem paths (parse.ts maps them to YAML lines). */
export function planGrantDetailed(
  spec: GrantSpec,
  options: PlanOptions = {},
): { value?: GrantPlan; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  const grantName = spec.metadata.name;
  const profile = PROFILES[spec.spec.profile];

  // Streams, sorted: the order of the grant file does not change the output.
  const streams: PlannedStream[] = [];
  spec.spec.streams.forEach((stream, index) => {
    const arn = parseStreamArn(stream.arn);
    const key = stream.kmsKeyArn === undefined ? undefined : parseKmsKeyArn(stream.kmsKeyArn);
    if (!arn.ok) problems.push({ path: ['spec', 'streams', index, 'arn'], message: arn.reason });
    else if (key !== undefined && !key.ok)
      problems.push({ path: ['spec', 'streams', index, 'kmsKeyArn'], message: key.reason });
    else streams.push({ arn: arn.arn, text: stream.arn, ...(key === undefined ? {} : { key: key.arn }) });
  });
  const first = streams[0];
  if (first === undefined || problems.length > 0) {
    if (first === undefined && problems.length === 0)
      problems.push({ path: ['spec', 'streams'], message: 'a grant needs at least one stream' });
    return { problems };
  }
  streams.sort((a, b) => compareCodeUnits(a.text, b.text));
  const { partition, accountId } = first.arn;

  // Role, trust policy, permission policies, stream resource policies (opt-in).
  const roleSpec = spec.spec.role ?? {};
  const roleName = roleSpec.name ?? defaultRoleName(grantName, profile.name);
  const rolePath = roleSpec.path ?? '/';
  const tags = Object.fromEntries(
    Object.entries(roleSpec.tags ?? {}).sort(([a], [b]) => compareCodeUnits(a, b)),
  );
  const trustPolicy = buildTrustPolicy(spec);
  const budget = options.maxPolicyChars ?? QUOTAS.managedPolicyChars;
  const packed = packStatements(permissionStatements(profile, spec, streams), budget);
  const resourcePolicies = buildResourcePolicies(profile, spec, streams);
  const figures: QuotaFigures = {
    grantName,
    roleName,
    roleNameSet: roleSpec.name !== undefined,
    trustSize: policySize(trustPolicy),
    packed,
    budget,
    maxPolicies: spec.spec.quotas?.maxManagedPolicies ?? QUOTAS.managedPoliciesPerRole,
    streamCount: streams.length,
    tagCount: Object.keys(tags).length,
    resourcePolicies,
  };
  problems.push(...quotaProblems(figures));
  if (problems.length > 0 || !packed.ok) return { problems };

  const policies = packed.documents.map((document, i) => ({ name: `${roleName}-${i + 1}`, document }));
  const iamUser =
    spec.spec.profile === 'upsolver' && spec.spec.upsolver?.credentials === 'iam-user'
      ? { name: roleName, path: rolePath, policyNames: policies.map((p) => p.name) }
      : undefined;
  const warnings = planWarnings({
    roleName,
    accountId,
    streams,
    iamUser: iamUser !== undefined,
    sharesStreams: resourcePolicies.length > 0,
  });

  const plan: GrantPlan = {
    grantName,
    profile: profile.name,
    partition,
    accountId,
    role: {
      name: roleName,
      path: rolePath,
      arn: roleArn(partition, accountId, rolePath, roleName),
      description: spec.metadata.description ?? `kinesis-access grant ${grantName} (profile ${profile.name})`,
      maxSessionDuration: roleSpec.maxSessionDuration ?? 3600,
      ...(roleSpec.permissionsBoundaryArn === undefined
        ? {}
        : { permissionsBoundaryArn: roleSpec.permissionsBoundaryArn }),
      tags,
    },
    trustPolicy,
    policies,
    resourcePolicies,
    ...(iamUser === undefined ? {} : { iamUser }),
    warnings,
    quotas: quotaUse(figures),
    streams: streams.map((s) => ({
      arn: s.text,
      region: s.arn.region,
      name: s.arn.streamName,
      ...(s.key === undefined ? {} : { kmsKeyArn: keyText(s.key) }),
    })),
  };
  return { value: plan, problems };
}

function buildTrustPolicy(spec: GrantSpec): PolicyDocument {
  const principal = spec.spec.principal;
  const principals = [...new Set([principal.roleArn, ...(principal.additionalRoleArns ?? [])])].sort(
    compareCodeUnits,
  );
  const actions = [...new Set([ASSUME_ROLE_ACTION, ...(principal.extraTrustActions ?? [])])].sort(
    compareCodeUnits,
  );
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: 'AssumeRole',
        Effect: 'Allow',
        Principal: { AWS: principals },
        Action: actions,
        ...(principal.externalId === undefined
          ? {}
          : { Condition: { StringEquals: { [CONDITION_EXTERNAL_ID]: principal.externalId } } }),
      },
    ],
  };
}

/** The profile's statements, in canonical order: streams, consumers, ListStreams, KMS per key, KCL. */
function permissionStatements(
  profile: ProfileDefinition,
  spec: GrantSpec,
  streams: readonly PlannedStream[],
): LogicalStatement[] {
  const statements: LogicalStatement[] = [];
  const streamArns = streams.map((s) => s.text);
  if (profile.streamActions.length > 0) statements.push(grant('Streams', profile.streamActions, streamArns));
  if (profile.consumerActions.length > 0) {
    const name = consumerNameOf(profile, spec);
    statements.push(
      grant(
        'StreamConsumers',
        profile.consumerActions,
        streamArns.map((arn) => streamConsumersArn(arn, name)),
      ),
    );
  }
  if (profile.listStreams) statements.push(grant('ListStreams', LIST_STREAMS_ACTIONS, ['*']));

  // KMS: only the named keys, only via Kinesis in the key's region, only for these streams' encryption context.
  const byKey = new Map<string, { key: KmsKeyArn; streams: string[] }>();
  for (const stream of streams) {
    if (stream.key === undefined) continue;
    const text = keyText(stream.key);
    const entry = byKey.get(text) ?? { key: stream.key, streams: [] };
    entry.streams.push(stream.text);
    byKey.set(text, entry);
  }
  [...byKey.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .forEach(([text, { key, streams: keyStreams }], i) => {
      statements.push(
        grant(`KmsViaKinesis${i + 1}`, profile.kmsActions, [text], {
          condition: {
            StringEquals: {
              [CONDITION_KMS_VIA_SERVICE]: `kinesis.${key.region}.${dnsSuffix(key.partition)}`,
            },
          },
          splitCondition: {
            operator: 'StringEquals',
            key: CONDITION_KMS_KINESIS_CONTEXT,
            values: [...keyStreams].sort(compareCodeUnits),
          },
        }),
      );
    });

  const kcl = spec.spec.kcl;
  if (profile.kcl && kcl !== undefined) {
    const first = streams[0] as PlannedStream;
    const region = kcl.region ?? first.arn.region;
    const { partition, accountId } = first.arn;
    const table = (name: string) => dynamoDbTableArn(partition, region, accountId, name);
    const app = kcl.applicationName;
    if ((kcl.version ?? KCL_DEFAULT_VERSION) === 3) {
      statements.push(
        grant('KclLeaseTable', KCL3_LEASE_TABLE_ACTIONS, [table(app)]),
        grant('KclLeaseTableIndex', KCL3_LEASE_INDEX_ACTIONS, [
          dynamoDbIndexesArn(partition, region, accountId, app),
        ]),
        grant(
          'KclMetadataTables',
          KCL_TABLE_ACTIONS,
          KCL3_METADATA_TABLE_SUFFIXES.map((suffix) => table(`${app}${suffix}`)),
        ),
      );
    } else {
      statements.push(grant('KclLeaseTable', KCL_TABLE_ACTIONS, [table(app)]));
    }
    statements.push(
      grant('KclMetrics', CLOUDWATCH_METRICS_ACTIONS, ['*'], {
        condition: { StringEquals: { [CONDITION_CLOUDWATCH_NAMESPACE]: kcl.metricsNamespace ?? app } },
      }),
    );
  }
  const kpl = spec.spec.kplMetrics;
  if (profile.kplMetrics && kpl !== undefined) {
    statements.push(
      grant('KplMetrics', CLOUDWATCH_METRICS_ACTIONS, ['*'], {
        condition: {
          StringEquals: {
            [CONDITION_CLOUDWATCH_NAMESPACE]: kpl.namespace ?? KPL_DEFAULT_METRICS_NAMESPACE,
          },
        },
      }),
    );
  }
  return statements;
}

/** The one consumer the consumer actions go on, or undefined for every consumer of the stream. */
export function consumerNameOf(profile: ProfileDefinition, spec: GrantSpec): string | undefined {
  switch (profile.consumerNaming) {
    case 'application':
      return spec.spec.consumerName ?? spec.spec.kcl?.applicationName;
    case 'optional':
      return spec.spec.consumerName;
    default:
      return undefined;
  }
}

/** Shared-read = 003 resource-policy example 2, shared-write = example 1; only shareable actions. */
export function sharedStreamActions(profile: ProfileDefinition): string[] {
  const actions = new Set<string>();
  if (profile.reads) for (const a of STREAM_READ_ACTIONS) actions.add(a);
  if (profile.writes) for (const a of STREAM_WRITE_ACTIONS) actions.add(a);
  return SHAREABLE_STREAM_ACTIONS.filter((a) => actions.has(a));
}

function buildResourcePolicies(
  profile: ProfileDefinition,
  spec: GrantSpec,
  streams: readonly PlannedStream[],
): ResourcePolicyPlan[] {
  const principals = spec.spec.resourcePolicy?.principals;
  if (principals === undefined || principals.length === 0) return [];
  const sortedPrincipals = [...new Set(principals)].sort(compareCodeUnits);
  const actions = sharedStreamActions(profile);
  return streams.map((stream) => ({
    resourceArn: stream.text,
    region: stream.arn.region,
    document: {
      Version: POLICY_VERSION,
      Statement: [
        {
          Sid: 'SharedStreamAccess',
          Effect: 'Allow',
          Principal: { AWS: sortedPrincipals },
          Action: actions,
          Resource: [stream.text],
        },
      ],
    },
  }));
}

function keyText(key: KmsKeyArn): string {
  return `arn:${key.partition}:kms:${key.region}:${key.accountId}:key/${key.keyId}`;
}
