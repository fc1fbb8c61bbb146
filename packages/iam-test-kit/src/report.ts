/** The matrix report: one line per failed cell, and the Jest-friendly check that throws with all of them. */
import { runGrantMatrix } from './run';
import type { GrantIntent, GrantPolicies, MatrixFailure, MatrixOptions, MatrixResult } from './types';

export function formatFailure(f: MatrixFailure): string {
  if (f.request === undefined) return `[${f.group}] ${f.why}: expected ${f.expected}, got ${f.got}`;
  const r = f.request;
  const ctx = Object.keys(r.context).length === 0 ? '' : ` ${JSON.stringify(r.context)}`;
  return `[${f.group}] ${f.why}: ${r.principal} → ${r.action} on ${r.resource}${ctx}: expected ${f.expected}, got ${f.got}`;
}

/** Jest-friendly: resolves with the matrix size, or throws an Error listing every failed cell. */
export async function expectGrantSemantics(
  policies: GrantPolicies,
  intent: GrantIntent,
  options: MatrixOptions = {},
): Promise<MatrixResult> {
  const result = await runGrantMatrix(policies, intent, options);
  if (result.failures.length > 0) {
    throw new Error(
      `IAM simulation: ${result.failures.length} of ${result.cells} cells failed for ${intent.profile} grant ` +
        `(${intent.identityArn}):\n${result.failures.map((f) => `  ${formatFailure(f)}`).join('\n')}`,
    );
  }
  return result;
}
