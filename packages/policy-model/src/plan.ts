import type { GrantPlan, GrantSpec, Result } from './types';

/** Options for {@link planGrant}. */
export interface PlanOptions {
  /** Managed-policy size budget (non-whitespace chars). @default 6144 */
  readonly maxPolicyChars?: number;
}

/** Decide the IAM for one validated grant. Quota overflows are problems, never widened access. STUB. */
export function planGrant(_spec: GrantSpec, _options?: PlanOptions): Result<GrantPlan> {
  throw new Error('not implemented yet');
}

/** validateGrant + planGrant. STUB. */
export function compileGrant(_input: unknown): Result<GrantPlan> {
  throw new Error('not implemented yet');
}

/** Default role name for a grant name and profile (clickpipes: `ClickHouseAccessRole-<name>`). STUB. */
export function defaultRoleName(_grantName: string, _profile: string): string {
  throw new Error('not implemented yet');
}
