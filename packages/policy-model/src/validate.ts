/**
 * Validation: the zod schema checks structure and each field (its issues worded in zod-issues.ts); the
 * cross-field rules (cross-field.ts, one rule-*.ts per section) check what spans fields. Both run on every
 * input, so one call reports every problem with its field path.
 */

import { crossFieldProblems } from './cross-field';
import { defaultRoleName } from './iam';
import { type RawProblem, toProblem } from './problems';
import { PROFILE_NAMES } from './profiles';
import { GrantSchema } from './schema';
import type { GrantSpec, Result } from './types';
import { issueToProblems } from './zod-issues';

export { defaultRoleName, PROFILE_NAMES };

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
