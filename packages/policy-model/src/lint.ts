import type { LintFinding, PolicyDocument } from './types';

/** Check every action against the AWS action catalog snapshot. STUB. */
export function lintPolicyDocument(_doc: PolicyDocument): LintFinding[] {
  throw new Error('not implemented yet');
}
