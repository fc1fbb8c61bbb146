import type { GrantPlan, RenderedGrant } from './types';

/** The DESIGN.md render JSON contract: role name and path, trust policy, managed policies, resource policies. */
export function renderJson(plan: GrantPlan): RenderedGrant {
  return {
    roleName: plan.role.name,
    rolePath: plan.role.path,
    trustPolicy: plan.trustPolicy,
    policies: plan.policies.map((policy) => ({ name: policy.name, document: policy.document })),
    resourcePolicies: plan.resourcePolicies.map((policy) => ({
      resourceArn: policy.resourceArn,
      document: policy.document,
    })),
  };
}

/** Canonical JSON: object keys sorted (code-unit order), 2-space indent, trailing newline. Arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) out[key] = sortKeys(child);
  }
  return out;
}
