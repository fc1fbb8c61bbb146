/**
 * What every cell builder shares: the grant's intent and expectation, the accounts and streams involved, a
 * request helper and the deduplicating cell list. Built once per matrix by {@link matrixContext}.
 */
import { otherAccount, parseArn, parseStreamArn, principalAccount, type StreamRef } from '../arn';
import { type ActionSets, expectationFor, type ProfileExpectation } from '../profiles';
import type {
  CellGroup,
  CellSetup,
  Decision,
  GrantIntent,
  MatrixCell,
  MatrixFailure,
  MatrixOptions,
  SimRequest,
} from '../types';

/** The name of every probe resource (a resource the grant never names). */
export const PROBE = 'kinesis-access-probe';
/** A key id no grant uses. */
export const OTHER_KEY_ID = '00000000-0000-4000-8000-000000000000';

/** The matrix's cells in the order they were added; a second cell with the same setup and request is dropped. */
export class CellList {
  readonly cells: MatrixCell[] = [];
  private readonly seen = new Set<string>();
  add(
    group: CellGroup,
    why: string,
    expected: Decision,
    request: SimRequest,
    setup: CellSetup = { kind: 'identity' },
  ): void {
    const key = JSON.stringify([setup, request.principal, request.action, request.resource, request.context]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.cells.push({ group, why, expected, request, setup });
  }
}

/** A granted stream with the key it is encrypted with. */
export interface GrantedStream extends StreamRef {
  readonly kmsKeyArn: string | undefined;
}

export interface MatrixContext {
  readonly intent: GrantIntent;
  readonly exp: ProfileExpectation;
  /** depth 'full': every catalog action; otherwise the dangerous ones. */
  readonly full: boolean;
  /** The KMS statements must require the Kinesis encryption context. */
  readonly requireContext: boolean;
  readonly streams: readonly GrantedStream[];
  readonly first: GrantedStream;
  readonly identity: string;
  readonly identityAccount: string;
  readonly partition: string;
  /** ARNs of the granted streams. */
  readonly granted: ReadonlySet<string>;
  /** An account no principal or stream of the grant is in. */
  readonly foreignAccount: string;
  readonly list: CellList;
  /** Failures found without simulating (a policy missing or where none belongs). */
  readonly structural: MatrixFailure[];
  /** A request by the granted identity (or `principal`) for `action` on `resource`. */
  req(action: string, resource: string, context?: Record<string, string>, principal?: string): SimRequest;
}

export function matrixContext(intent: GrantIntent, options: MatrixOptions): MatrixContext {
  const full = (options.depth ?? 'full') === 'full';
  const requireContext = (options.kmsEncryptionContext ?? 'required') === 'required';
  const exp = expectationFor(intent);
  if (intent.streams.length === 0) throw new Error('iam-test-kit: the intent lists no stream');
  const streams: GrantedStream[] = intent.streams.map((s) => ({
    ...parseStreamArn(s.arn),
    kmsKeyArn: s.kmsKeyArn,
  }));
  const first = streams[0] as GrantedStream;
  const identity = intent.identityArn;
  const identityAccount = parseArn(identity).account;
  const accounts = new Set<string>([identityAccount, ...streams.map((s) => s.account)]);
  for (const p of intent.trustedPrincipals) accounts.add(principalAccount(p));
  for (const p of intent.resourcePolicyPrincipals ?? []) accounts.add(principalAccount(p));
  return {
    intent,
    exp,
    full,
    requireContext,
    streams,
    first,
    identity,
    identityAccount,
    partition: first.partition,
    granted: new Set(streams.map((s) => s.arn)),
    foreignAccount: otherAccount(accounts),
    list: new CellList(),
    structural: [],
    req: (action, resource, context = {}, principal = identity) => ({
      principal,
      action,
      resource,
      resourceAccount: resource === '*' ? identityAccount : parseArn(resource).account,
      context,
    }),
  };
}

export function allowedSet(s: ActionSets): Set<string> {
  return new Set([...s.required, ...s.optional]);
}

/** The requesting principal for a trusted/shared principal: itself, or a role in an account principal's account. */
export function callerFor(principal: string, partition: string): string {
  if (/^\d{12}$/.test(principal)) return `arn:${partition}:iam::${principal}:role/${PROBE}-caller`;
  const root = /^arn:([^:]+):iam::(\d{12}):root$/.exec(principal);
  if (root !== null) return `arn:${root[1]}:iam::${root[2]}:role/${PROBE}-caller`;
  return principal;
}
