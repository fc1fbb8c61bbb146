/**
 * The grant simulation matrix: from a grant's intent, build every request whose answer we know in advance
 * (allowed: what the profile needs on the granted resources; denied: everything else nearby), run each one
 * through the IAM simulator against the policies under test, and report every cell that disagrees.
 *
 * Layout: `cells/` holds one builder per cell group (this file puts them in order), `run.ts` simulates the cells
 * and `report.ts` words the failures.
 */
import { matrixContext } from './cells/context';
import { addForeignStreamCells } from './cells/foreign-streams';
import { addKclCells } from './cells/kcl';
import { addGrantedKinesisCells } from './cells/kinesis';
import { addKmsCells } from './cells/kms';
import { addMetricsCells } from './cells/metrics';
import { addOtherServiceCells } from './cells/other-services';
import { addResourcePolicyCells } from './cells/resource-policy';
import { addTrustCells } from './cells/trust';
import type { GrantIntent, GrantPolicies, MatrixCell, MatrixFailure, MatrixOptions } from './types';

interface BuiltMatrix {
  readonly cells: readonly MatrixCell[];
  readonly structural: readonly MatrixFailure[];
}

/**
 * Build the matrix cells for one grant (no simulation yet). The order of the groups is the order of the cells
 * (and of the failures): a request asked twice keeps its first group and reason.
 */
export async function buildMatrix(
  policies: GrantPolicies,
  intent: GrantIntent,
  options: MatrixOptions = {},
): Promise<BuiltMatrix> {
  const ctx = matrixContext(intent, options);
  await addGrantedKinesisCells(ctx);
  addForeignStreamCells(ctx);
  await addKmsCells(ctx);
  await addKclCells(ctx);
  addMetricsCells(ctx);
  addOtherServiceCells(ctx);
  addTrustCells(ctx, policies);
  await addResourcePolicyCells(ctx, policies);
  return { cells: ctx.list.cells, structural: ctx.structural };
}
