/**
 * Statements and their packing into managed policies within the IAM size quota. A logical statement may be
 * split into several statements over its list (resources, or one condition's values); it is never widened.
 */
import type { ConditionBlock, PolicyDocument, PolicyStatement } from './types';

export const POLICY_VERSION = '2012-10-17';

/** One grant: these actions on these resources, optionally under a condition. */
export interface LogicalStatement {
  /** Base Sid (letters and digits); `Part<n>` is appended when the statement is split. */
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: ConditionBlock;
  /** Split this condition list instead of `resources` (e.g. the KMS encryption context's stream ARNs). */
  readonly splitCondition?: {
    readonly operator: string;
    readonly key: string;
    readonly values: readonly string[];
  };
}

/** The one grant primitive: every permission statement of every profile is made here. */
export function grant(
  sid: string,
  actions: readonly string[],
  resources: readonly string[],
  options: Pick<LogicalStatement, 'condition' | 'splitCondition'> = {},
): LogicalStatement {
  return {
    sid,
    actions: [...new Set(actions)].sort(),
    resources: [...new Set(resources)].sort(),
    ...options,
  };
}

function splitItems(statement: LogicalStatement): readonly string[] {
  return statement.splitCondition?.values ?? statement.resources;
}

/** The IAM statement for one piece of a logical statement. */
export function buildStatement(
  statement: LogicalStatement,
  sid: string,
  items: readonly string[],
): PolicyStatement {
  const split = statement.splitCondition;
  if (split === undefined) {
    return {
      Sid: sid,
      Effect: 'Allow',
      Action: statement.actions,
      Resource: items,
      ...(statement.condition === undefined ? {} : { Condition: statement.condition }),
    };
  }
  const operatorBlock = { ...(statement.condition?.[split.operator] ?? {}), [split.key]: items };
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: statement.actions,
    Resource: statement.resources,
    Condition: { ...(statement.condition ?? {}), [split.operator]: operatorBlock },
  };
}

/** IAM counts policy size in characters, whitespace excluded. */
export function policySize(document: PolicyDocument): number {
  const json = JSON.stringify(document);
  return /\s/.test(json) ? json.replace(/\s/g, '').length : json.length;
}

const ENVELOPE = JSON.stringify({ Version: POLICY_VERSION, Statement: [] }).length;
/** Room kept for the number appended to a split statement's Sid. */
const SID_RESERVE = 'Part0000';

export type PackResult =
  | { readonly ok: true; readonly documents: readonly PolicyDocument[] }
  | { readonly ok: false; readonly statement: string; readonly size: number };

/**
 * Fill policies in order: each logical statement goes into the current policy, split over its list so the first
 * piece fills what is left; the rest continue in the next policy. Deterministic for the same input.
 */
export function packStatements(statements: readonly LogicalStatement[], budget: number): PackResult {
  const policies: { statement: LogicalStatement; items: readonly string[] }[][] = [];
  let current: { statement: LogicalStatement; items: readonly string[] }[] = [];
  let used = ENVELOPE;
  const pieceCount = new Map<LogicalStatement, number>();
  for (const statement of statements) {
    const base = JSON.stringify(buildStatement(statement, statement.sid + SID_RESERVE, [])).length;
    let rest = splitItems(statement);
    while (rest.length > 0) {
      const separator = current.length > 0 ? 1 : 0;
      const room = budget - used - separator - base;
      let taken = 0;
      let extra = 0;
      while (taken < rest.length) {
        const cost = JSON.stringify(rest[taken]).length + (taken > 0 ? 1 : 0);
        if (extra + cost > room) break;
        extra += cost;
        taken++;
      }
      if (taken === 0) {
        if (current.length === 0) {
          return {
            ok: false,
            statement: statement.sid,
            size: ENVELOPE + base + JSON.stringify(rest[0]).length,
          };
        }
        policies.push(current);
        current = [];
        used = ENVELOPE;
        continue;
      }
      current.push({ statement, items: rest.slice(0, taken) });
      pieceCount.set(statement, (pieceCount.get(statement) ?? 0) + 1);
      used += separator + base + extra;
      rest = rest.slice(taken);
    }
  }
  if (current.length > 0) policies.push(current);

  const seen = new Map<LogicalStatement, number>();
  const documents = policies.map((pieces) => ({
    Version: POLICY_VERSION,
    Statement: pieces.map(({ statement, items }) => {
      const index = (seen.get(statement) ?? 0) + 1;
      seen.set(statement, index);
      const sid = (pieceCount.get(statement) ?? 1) > 1 ? `${statement.sid}Part${index}` : statement.sid;
      return buildStatement(statement, sid, items);
    }),
  })) satisfies PolicyDocument[];
  return { ok: true, documents };
}
