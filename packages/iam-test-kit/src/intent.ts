/** Build a {@link GrantIntent} from a grant INPUT (GrantSpec-shaped), not from the rendered policies. */
import { parseStreamArn } from './arn';
import { PROFILES } from './profiles';
import type { GrantIntent, ProfileName } from './types';

/** The parts of a v1 grant (GrantSpec) the intent is taken from. Structural, so any GrantSpec fits. */
export interface GrantSpecLike {
  readonly spec: {
    readonly profile?: string;
    readonly principal: {
      readonly roleArn: string;
      readonly additionalRoleArns?: readonly string[];
      readonly externalId?: string;
      readonly extraTrustActions?: readonly string[];
    };
    readonly streams: readonly { readonly arn: string; readonly kmsKeyArn?: string }[];
    readonly kcl?: {
      readonly applicationName: string;
      readonly region?: string;
      readonly version?: number;
      readonly metricsNamespace?: string;
    };
    readonly consumerName?: string;
    readonly kplMetrics?: { readonly namespace?: string };
    readonly upsolver?: { readonly credentials: string };
    readonly resourcePolicy?: { readonly principals: readonly string[] };
  };
}

/**
 * Who the permission policies belong to: an ARN, or a plan-like object (`plan.role.arn`; for an upsolver
 * IAM-user grant `plan.iamUser` + `plan.partition` + `plan.accountId` give the user ARN).
 */
export type IdentityRef =
  | string
  | {
      readonly partition?: string;
      readonly accountId?: string;
      readonly role: { readonly arn: string };
      readonly iamUser?: { readonly name: string; readonly path: string };
    };

/** The KPL's default CloudWatch namespace (KinesisProducerConfiguration `metricsNamespace`). */
const KPL_DEFAULT_NAMESPACE = 'KinesisProducerLibrary';

export function intentFromGrant(grant: GrantSpecLike, identity: IdentityRef): GrantIntent {
  const spec = grant.spec;
  const profile = (spec.profile ?? 'clickpipes') as ProfileName;
  if (!PROFILES.includes(profile))
    throw new Error(`iam-test-kit: unknown profile ${JSON.stringify(spec.profile)}`);
  const iamUser = profile === 'upsolver' && spec.upsolver?.credentials === 'iam-user';
  let identityArn: string;
  if (typeof identity === 'string') {
    identityArn = identity;
  } else if (iamUser) {
    if (
      identity.iamUser === undefined ||
      identity.partition === undefined ||
      identity.accountId === undefined
    ) {
      throw new Error(
        'iam-test-kit: an iam-user grant needs plan.iamUser, plan.partition and plan.accountId',
      );
    }
    identityArn = `arn:${identity.partition}:iam::${identity.accountId}:user${identity.iamUser.path}${identity.iamUser.name}`;
  } else {
    identityArn = identity.role.arn;
  }
  const consumerName =
    profile === 'kcl-consumer'
      ? (spec.consumerName ?? spec.kcl?.applicationName)
      : profile === 'read' || profile === 'read-write'
        ? spec.consumerName
        : undefined;
  // docs/grant-format.md: the lease table defaults to "the first stream's region (after sorting by ARN)". The
  // default sort of strings is that byte (code-unit) order; the kit takes nothing from the model it checks.
  const first = [...spec.streams].map((s) => s.arn).sort()[0];
  const kclRegion = spec.kcl?.region ?? (first === undefined ? undefined : parseStreamArn(first).region);
  return {
    profile,
    identityArn,
    trustedPrincipals: iamUser ? [] : [spec.principal.roleArn, ...(spec.principal.additionalRoleArns ?? [])],
    ...(spec.principal.externalId === undefined || iamUser ? {} : { externalId: spec.principal.externalId }),
    ...(spec.principal.extraTrustActions === undefined || iamUser
      ? {}
      : { extraTrustActions: spec.principal.extraTrustActions }),
    streams: spec.streams.map((s) =>
      s.kmsKeyArn === undefined ? { arn: s.arn } : { arn: s.arn, kmsKeyArn: s.kmsKeyArn },
    ),
    ...(profile === 'kcl-consumer' && spec.kcl !== undefined && kclRegion !== undefined
      ? {
          kcl: {
            applicationName: spec.kcl.applicationName,
            region: kclRegion,
            ...(spec.kcl.version === 2 ? { version: 2 as const } : {}),
            ...(spec.kcl.metricsNamespace === undefined
              ? {}
              : { metricsNamespace: spec.kcl.metricsNamespace }),
          },
        }
      : {}),
    // KCL names its consumer after the application unless told otherwise (KCL's consumerName default).
    ...(consumerName === undefined ? {} : { consumerName }),
    ...((profile === 'write' || profile === 'read-write') && spec.kplMetrics !== undefined
      ? { kplMetrics: { namespace: spec.kplMetrics.namespace ?? KPL_DEFAULT_NAMESPACE } }
      : {}),
    ...(spec.resourcePolicy === undefined
      ? {}
      : { resourcePolicyPrincipals: spec.resourcePolicy.principals }),
  };
}
