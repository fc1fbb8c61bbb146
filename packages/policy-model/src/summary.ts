import type { GrantPlan } from './types';

/** Markdown review summary. STUB. */
export function renderSummary(_plan: GrantPlan): string {
  throw new Error('not implemented yet');
}
