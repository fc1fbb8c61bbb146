import type { GrantPlan, RenderedGrant } from './types';

/** The DESIGN.md render JSON contract. STUB. */
export function renderJson(_plan: GrantPlan): RenderedGrant {
  throw new Error('not implemented yet');
}

/** Canonical JSON: sorted object keys, 2-space indent, trailing newline. STUB. */
export function canonicalJson(_value: unknown): string {
  throw new Error('not implemented yet');
}
