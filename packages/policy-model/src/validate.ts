import type { GrantSpec, ProfileName, Result } from './types';

export const PROFILE_NAMES: readonly ProfileName[] = ['clickpipes', 'read', 'write', 'read-write', 'kcl-consumer', 'upsolver'];

/** Validate an already-parsed object (JSON/YAML value, form data). Returns every problem. STUB. */
export function validateGrant(_input: unknown): Result<GrantSpec> {
  throw new Error('not implemented yet');
}
