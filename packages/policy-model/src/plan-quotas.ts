/**
 * The plan's quotas: how much of each IAM and Kinesis quota a grant uses, and a problem for each one it exceeds.
 * Quota overflows are problems; access is never widened to fit.
 */
import { QUOTA_NAMES, QUOTAS } from './iam';
import type { PackResult } from './pack';
import { formatCount, type RawProblem } from './problems';
import type { QuotaUse, ResourcePolicyPlan } from './types';

/** What a planned grant measures against the quotas. */
export interface QuotaFigures {
  readonly grantName: string;
  readonly roleName: string;
  /** The role name comes from `spec.role.name` (otherwise it is derived from `metadata.name`). */
  readonly roleNameSet: boolean;
  /** Non-whitespace characters of the trust policy. */
  readonly trustSize: number;
  readonly packed: PackResult;
  /** The managed-policy size budget the statements were packed into. */
  readonly budget: number;
  /** Managed policies the role may have. */
  readonly maxPolicies: number;
  readonly streamCount: number;
  readonly tagCount: number;
  readonly resourcePolicies: readonly ResourcePolicyPlan[];
}

const encoder = new TextEncoder();

/** Bytes of the largest stream resource policy (0 without any): the Kinesis quota counts UTF-8 bytes. */
function largestResourcePolicy(policies: readonly ResourcePolicyPlan[]): number {
  return Math.max(0, ...policies.map((p) => encoder.encode(JSON.stringify(p.document)).length));
}

/** Every quota the grant exceeds, in the order of the plan: role name, trust policy, permissions, resource policy. */
export function quotaProblems(f: QuotaFigures): RawProblem[] {
  const problems: RawProblem[] = [];
  const quota = (path: RawProblem['path'], what: string) =>
    problems.push({ path, message: `grant "${f.grantName}": ${what}` });
  if (f.roleName.length > QUOTAS.roleNameLength) {
    quota(
      f.roleNameSet ? ['spec', 'role', 'name'] : ['metadata', 'name'],
      `role name "${f.roleName}" is ${f.roleName.length} characters; the IAM quota is ${QUOTAS.roleNameLength}`,
    );
  }
  if (f.trustSize > QUOTAS.trustPolicyChars) {
    quota(
      ['spec', 'principal'],
      `the trust policy is ${formatCount(f.trustSize)} non-whitespace characters; the IAM quota is ${formatCount(QUOTAS.trustPolicyChars)} (fewer additionalRoleArns)`,
    );
  }
  const { packed, budget, maxPolicies } = f;
  if (!packed.ok) {
    quota(
      ['spec', 'streams'],
      `statement ${packed.statement} alone needs ${formatCount(packed.size)} characters, over the managed policy size budget of ${formatCount(budget)}`,
    );
  } else if (packed.documents.length > maxPolicies) {
    quota(
      ['spec', 'streams'],
      `the permissions need ${packed.documents.length} managed policies of at most ${formatCount(budget)} non-whitespace characters for ${formatCount(f.streamCount)} streams; ` +
        `the quota is ${maxPolicies} managed policies per role${maxPolicies < QUOTAS.managedPoliciesPerRoleMax ? ` (spec.quotas.maxManagedPolicies may be raised to ${QUOTAS.managedPoliciesPerRoleMax} with a raised IAM quota)` : ''}; split the grant`,
    );
  }
  const largest = largestResourcePolicy(f.resourcePolicies);
  if (largest > QUOTAS.resourcePolicyBytes) {
    quota(
      ['spec', 'resourcePolicy', 'principals'],
      `a stream resource policy is ${formatCount(largest)} bytes; the Kinesis quota is ${formatCount(QUOTAS.resourcePolicyBytes)} bytes (fewer principals)`,
    );
  }
  return problems;
}

/** How much of each quota the grant uses (the resource policy size only when it shares streams). */
export function quotaUse(f: QuotaFigures): QuotaUse[] {
  const documents = f.packed.ok ? f.packed.documents : [];
  const sizes = f.packed.ok ? f.packed.sizes : [];
  const quotas: QuotaUse[] = [
    { name: QUOTA_NAMES.roleName, used: f.roleName.length, limit: QUOTAS.roleNameLength },
    { name: QUOTA_NAMES.trustPolicy, used: f.trustSize, limit: QUOTAS.trustPolicyChars },
    { name: QUOTA_NAMES.managedPolicies, used: documents.length, limit: f.maxPolicies },
    { name: QUOTA_NAMES.managedPolicySize, used: Math.max(0, ...sizes), limit: f.budget },
    { name: QUOTA_NAMES.roleTags, used: f.tagCount, limit: QUOTAS.roleTags },
  ];
  if (f.resourcePolicies.length > 0) {
    quotas.push({
      name: QUOTA_NAMES.resourcePolicySize,
      used: largestResourcePolicy(f.resourcePolicies),
      limit: QUOTAS.resourcePolicyBytes,
    });
  }
  return quotas;
}
