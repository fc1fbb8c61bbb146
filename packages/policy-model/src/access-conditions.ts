/**
 * Condition blocks of the access diff, made comparable: canonical (operators, keys and values sorted, values
 * unique), and merged back where the packer split one statement over one condition's values, so that re-packing
 * alone is never reported as a change. Pure and browser-safe, like the access diff that uses it.
 */
import { compareCodeUnits } from './compare';
import type { ConditionBlock } from './types';

/**
 * Condition operators whose statements may be merged over one key's values: `{K: [a]}` in one statement or
 * `{K: [b]}` in another (all else equal) allows exactly what `{K: [a, b]}` allows. Not for the negated operators or
 * the set operators (`ForAllValues:` …), where a longer list does not mean "either".
 */
const MERGEABLE_OPERATORS: ReadonlySet<string> = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'ArnEquals',
  'ArnLike',
  'NumericEquals',
]);

export const list = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** Canonical condition block: operators and keys sorted, values sorted and unique; undefined when empty. */
export function canonicalConditions(block: ConditionBlock | undefined): ConditionBlock | undefined {
  if (block === undefined) return undefined;
  const out: Record<string, Record<string, readonly string[]>> = {};
  for (const operator of Object.keys(block).sort(compareCodeUnits)) {
    const keys = block[operator] ?? {};
    const inner: Record<string, readonly string[]> = {};
    for (const key of Object.keys(keys).sort(compareCodeUnits)) {
      inner[key] = [...new Set(list(keys[key]))].sort(compareCodeUnits);
    }
    if (Object.keys(inner).length > 0) out[operator] = inner;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

export function conditionsKey(block: ConditionBlock | undefined): string {
  return block === undefined ? '' : JSON.stringify(block);
}

type Values = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/**
 * If two canonical blocks differ only in the values of one mergeable (operator, key), the block allowing either:
 * that key's values united. Otherwise undefined.
 */
function mergeBlocks(a: Values, b: Values): Values | undefined {
  const operators = Object.keys(a);
  if (operators.length !== Object.keys(b).length) return undefined;
  let differing: { operator: string; key: string } | undefined;
  for (const operator of operators) {
    const ka = a[operator];
    const kb = b[operator];
    if (ka === undefined || kb === undefined) return undefined;
    const keys = Object.keys(ka);
    if (keys.length !== Object.keys(kb).length) return undefined;
    for (const key of keys) {
      const va = ka[key];
      const vb = kb[key];
      if (va === undefined || vb === undefined) return undefined;
      if (va.length === vb.length && va.every((v, i) => v === vb[i])) continue;
      if (differing !== undefined || !MERGEABLE_OPERATORS.has(operator)) return undefined;
      differing = { operator, key };
    }
  }
  if (differing === undefined) return a;
  const { operator, key } = differing;
  const union = [...new Set([...(a[operator]?.[key] ?? []), ...(b[operator]?.[key] ?? [])])].sort(
    compareCodeUnits,
  );
  return { ...a, [operator]: { ...a[operator], [key]: union } };
}

/**
 * The condition blocks under which one (action, resource) is allowed, as few as possible: an unconditional grant
 * absorbs every conditional one, and blocks differing in one mergeable key's values are united.
 */
function mergeConditionSets(blocks: readonly (ConditionBlock | undefined)[]): (ConditionBlock | undefined)[] {
  if (blocks.some((b) => b === undefined)) return [undefined];
  const pending = [...(blocks as Values[])];
  const merged: Values[] = [];
  while (pending.length > 0) {
    let current = pending.shift() as Values;
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < pending.length; i++) {
        const union = mergeBlocks(current, pending[i] as Values);
        if (union !== undefined) {
          current = union;
          pending.splice(i, 1);
          changed = true;
          break;
        }
      }
      // A block merged earlier may now merge with the grown one.
      for (let i = 0; !changed && i < merged.length; i++) {
        const union = mergeBlocks(current, merged[i] as Values);
        if (union !== undefined) {
          current = union;
          merged.splice(i, 1);
          changed = true;
        }
      }
    }
    merged.push(current);
  }
  const unique = new Map(merged.map((b) => [conditionsKey(b), b]));
  return [...unique.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([, b]) => b);
}

/**
 * Group items by an identity (e.g. action + resource), gather each group's condition blocks and merge them.
 * `make` builds the output item from the group's first item and one merged block.
 */
export function normalize<T extends { readonly conditions?: ConditionBlock }>(
  items: readonly T[],
  identity: (item: T) => string,
  order: (a: T, b: T) => number,
): T[] {
  const groups = new Map<string, { first: T; blocks: (ConditionBlock | undefined)[] }>();
  for (const item of items) {
    const id = identity(item);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { first: item, blocks: [item.conditions] });
    else group.blocks.push(item.conditions);
  }
  const out: T[] = [];
  for (const { first, blocks } of groups.values()) {
    for (const block of mergeConditionSets(blocks)) {
      const { conditions: _dropped, ...rest } = first;
      out.push((block === undefined ? rest : { ...rest, conditions: block }) as T);
    }
  }
  return out.sort(order);
}
