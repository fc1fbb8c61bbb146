/** The matrix runner: each cell through the simulator with the policies its setup names; the failed cells. */
import { buildMatrix } from './matrix';
import { setupFor } from './setups';
import { simulate, validatePolicies } from './simulate';
import type {
  Decision,
  GrantIntent,
  GrantPolicies,
  MatrixFailure,
  MatrixOptions,
  MatrixResult,
} from './types';

/** The 'fast' engine decides without validating: validate every policy once, up front. */
function policyProblems(policies: GrantPolicies): string[] {
  return [
    ...validatePolicies(
      'identity',
      policies.permissionPolicies.map((document, i) => ({ name: `#${i + 1}`, document })),
    ),
    ...validatePolicies(
      'trust',
      policies.trustPolicy === undefined ? [] : [{ name: 'trust', document: policies.trustPolicy }],
    ),
    ...validatePolicies(
      'resource',
      (policies.resourcePolicies ?? []).map((r) => ({ name: r.resourceArn, document: r.document })),
    ),
  ];
}

/** Build and run the whole matrix; returns the number of cells and every failed one. */
export async function runGrantMatrix(
  policies: GrantPolicies,
  intent: GrantIntent,
  options: MatrixOptions = {},
): Promise<MatrixResult> {
  const { cells, structural } = await buildMatrix(policies, intent, options);
  const rpByArn = new Map((policies.resourcePolicies ?? []).map((r) => [r.resourceArn, r.document] as const));
  const failures: MatrixFailure[] = [...structural];
  const engine = options.engine ?? 'validated';
  if (engine === 'fast') {
    const problems = policyProblems(policies);
    if (problems.length > 0) {
      return {
        cells: cells.length + structural.length,
        failures: [
          ...structural,
          ...problems.map((p) => ({
            group: 'structure' as const,
            why: p,
            expected: 'a valid policy',
            got: 'invalid',
          })),
        ],
      };
    }
  }
  for (const cell of cells) {
    const outcome = await simulate(cell.request, setupFor(cell, policies, rpByArn), engine);
    if (outcome.kind === 'error') {
      failures.push({
        group: cell.group,
        why: cell.why,
        request: cell.request,
        expected: cell.expected,
        got: `error: ${outcome.message}`,
      });
      continue;
    }
    const got: Decision = outcome.result === 'Allowed' ? 'Allowed' : 'Denied';
    if (got !== cell.expected) {
      failures.push({
        group: cell.group,
        why: cell.why,
        request: cell.request,
        expected: cell.expected,
        got: outcome.result,
      });
    }
  }
  return { cells: cells.length + structural.length, failures };
}

/** The suggested API: every failed cell (empty when the policies do exactly what the intent says). */
export async function checkGrantSemantics(
  policies: GrantPolicies,
  intent: GrantIntent,
  options: MatrixOptions = {},
): Promise<MatrixFailure[]> {
  return [...(await runGrantMatrix(policies, intent, options)).failures];
}
