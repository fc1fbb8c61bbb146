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
  return { sid, actions: sortedUnique(actions), resources: sortedUnique(resources), ...options };
}

/** The list sorted (code-unit order) without duplicates; the list itself when it already is. */
function sortedUnique(list: readonly string[]): readonly string[] {
  for (let i = 1; i < list.length; i++) {
    if (!((list[i - 1] as string) < (list[i] as string))) return [...new Set(list)].sort();
  }
  return list;
}

function arraySize(list: readonly string[]): number {
  let size = list.length > 0 ? list.length + 1 : 2;
  for (const item of list) size += jsonStringLength(item);
  return size;
}

/** `'{"Sid":"","Effect":"Allow","Action":,"Resource":}'.length`: a statement's fixed characters. */
const STATEMENT_FRAME = '{"Sid":"","Effect":"Allow","Action":,"Resource":}'.length;
const CONDITION_FRAME = ',"Condition":'.length;

/** JSON length of a statement with an empty Sid and an empty split list (arithmetic: this runs per grant). */
function bareStatementSize(statement: LogicalStatement): number {
  if (statement.splitCondition !== undefined) return JSON.stringify(buildStatement(statement, '', [])).length;
  return (
    STATEMENT_FRAME +
    arraySize(statement.actions) +
    2 +
    (statement.condition === undefined ? 0 : CONDITION_FRAME + JSON.stringify(statement.condition).length)
  );
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

/**
 * IAM counts policy size in characters, whitespace excluded. Compact JSON has whitespace only inside strings, and
 * no string the model emits contains any (ARNs, action names and condition values are validated without it), so
 * the compact length is the IAM size; src/plan.test.ts checks that invariant.
 */
export function policySize(document: PolicyDocument): number {
  return JSON.stringify(document).length;
}

const ENVELOPE = JSON.stringify({ Version: POLICY_VERSION, Statement: [] }).length;
/** Room kept for the number appended to a split statement's Sid. */
const SID_RESERVE = 'Part0000'.length;

/** `JSON.stringify(text).length` without building the string (plain ASCII is the common case). */
export function jsonStringLength(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c) return JSON.stringify(text).length;
  }
  return text.length + 2;
}

export type PackResult =
  | { readonly ok: true; readonly documents: readonly PolicyDocument[]; readonly sizes: readonly number[] }
  | { readonly ok: false; readonly statement: string; readonly size: number };

interface Piece {
  readonly statement: LogicalStatement;
  readonly items: readonly string[];
  /** Size of the piece's statement without its Sid's characters. */
  readonly size: number;
}

/**
 * Fill policies in order: each logical statement goes into the current policy, split over its list so the first
 * piece fills what is left; the rest continue in the next policy. Deterministic for the same input.
 * Sizes are counted as the statements are placed (checked against JSON.stringify in src/pack.test.ts).
 */
export function packStatements(statements: readonly LogicalStatement[], budget: number): PackResult {
  const policies: Piece[][] = [];
  let current: Piece[] = [];
  let used = ENVELOPE;
  const pieceCount = new Map<LogicalStatement, number>();
  for (const statement of statements) {
    // The statement with an empty Sid (`""` counted) and an empty list.
    const bare = bareStatementSize(statement);
    const base = bare + statement.sid.length + SID_RESERVE;
    let rest = splitItems(statement);
    while (rest.length > 0) {
      const separator = current.length > 0 ? 1 : 0;
      const room = budget - used - separator - base;
      let taken = 0;
      let extra = 0;
      while (taken < rest.length) {
        const cost = jsonStringLength(rest[taken] as string) + (taken > 0 ? 1 : 0);
        if (extra + cost > room) break;
        extra += cost;
        taken++;
      }
      if (taken === 0) {
        if (current.length === 0) {
          return {
            ok: false,
            statement: statement.sid,
            size: ENVELOPE + base + jsonStringLength(rest[0] as string),
          };
        }
        policies.push(current);
        current = [];
        used = ENVELOPE;
        continue;
      }
      current.push({
        statement,
        items: taken === rest.length ? rest : rest.slice(0, taken),
        size: bare + extra,
      });
      pieceCount.set(statement, (pieceCount.get(statement) ?? 0) + 1);
      used += separator + base + extra;
      rest = taken === rest.length ? [] : rest.slice(taken);
    }
  }
  if (current.length > 0) policies.push(current);

  const seen = new Map<LogicalStatement, number>();
  const sizes: number[] = [];
  const documents = policies.map((pieces) => {
    let size = ENVELOPE + pieces.length - 1;
    const Statement = pieces.map(({ statement, items, size: pieceSize }) => {
      const index = (seen.get(statement) ?? 0) + 1;
      seen.set(statement, index);
      const sid = (pieceCount.get(statement) ?? 1) > 1 ? `${statement.sid}Part${index}` : statement.sid;
      size += pieceSize + jsonStringLength(sid) - 2;
      return buildStatement(statement, sid, items);
    });
    sizes.push(size);
    return { Version: POLICY_VERSION, Statement } satisfies PolicyDocument;
  });
  return { ok: true, documents, sizes };
}
