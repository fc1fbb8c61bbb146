/**
 * Shared setup of the matrix tests (matrix*.test.ts): two grant intents from the reference documents, the
 * hand-written least-privilege policies of the first, and helpers to widen a policy and read the failures.
 * Test-only (like the whole package): nothing in src/ outside the tests imports it.
 */
import * as f from '@kinesis-access/fixtures';
import type { GrantIntent, GrantPolicies, MatrixFailure, PolicyDocumentLike } from '../index';

export const clickpipes: GrantIntent = {
  profile: 'clickpipes',
  identityArn: f.ROLE_ARN,
  trustedPrincipals: [f.CLICKHOUSE_ROLE],
  streams: [{ arn: f.STREAM, kmsKeyArn: f.KEY }],
};
export const good: GrantPolicies = f.policies(f.clickpipesCorrected, f.decryptViaKinesis);
/** The KCL application of 004 (StockTradesProcessor), as an intent without a consumer name. */
export const kclApp: GrantIntent = {
  profile: 'kcl-consumer',
  identityArn: f.KCL_ROLE,
  trustedPrincipals: [f.CLICKHOUSE_ROLE],
  streams: [{ arn: f.KCL_STREAM }],
  kcl: { applicationName: f.KCL_APP, region: 'us-west-2' },
};

export type Doc = { Version: string; Statement: Record<string, unknown>[] };
export function edit(doc: PolicyDocumentLike, change: (d: Doc) => void): PolicyDocumentLike {
  const copy = structuredClone(doc) as Doc;
  change(copy);
  return copy;
}
export function whys(failures: readonly MatrixFailure[]): string[] {
  return failures.map((x) => x.why);
}
