/**
 * A stack as Terraform JSON, byte-identical to what `cdktf synth` writes: the document ({@link stackToTerraform})
 * and its printing ({@link stableJson}).
 */
import type { IConstruct } from 'constructs';
import {
  deepMerge,
  resolve,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  Token,
  Tokenization,
} from './cdktf-core';

/**
 * cdktf's own `cdk.tf.json` format (json-stable-stringify with `space: 2`, which cdktf bundles): object keys sorted
 * at every level, 2-space indent, empty arrays and objects written over two lines (`[\n  ]`), no trailing newline.
 * Kept byte-identical so `cdktf synth` and `kinesis-access synth` produce the same files (a test compares them).
 * Built on the native JSON.stringify: at 1,000 grants a hand-written printer cost a fifth of synth time.
 */
export function stableJson(value: unknown): string {
  const text = JSON.stringify(sortKeys(value), null, 2);
  // A JSON string never ends a line with `[]`/`{}` (it ends with `"`), so these are always empty containers.
  return text.replace(/(\[\]|\{\})(,?)$/gm, (_match, empty: string, comma: string, offset: number) => {
    let end = text.lastIndexOf('\n', offset) + 1;
    const start = end;
    while (text.charCodeAt(end) === 32) end++;
    return `${empty[0]}\n${text.slice(start, end)}${empty[1]}${comma}`;
  });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function terraformElements(node: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) {
    if (!TerraformStack.isStack(child)) terraformElements(child, into);
  }
  return into;
}

/**
 * `TerraformStack.toTerraform()` with ONE token-resolution pass instead of three (cdktf resolves each element's
 * metadata, each element's fragment, then the merged document again). Our elements hold no tokens at the top of
 * a fragment and the stack has no raw overrides, so merging first and resolving once gives the same document; a
 * test compares the two on every resource kind, backend and layout the construct emits. At 1,000 grants this
 * roughly halves synth time.
 */
export function stackToTerraform(stack: TerraformStack): Record<string, unknown> {
  const elements = terraformElements(stack);
  const metadata: Record<string, unknown> = {
    version: stack.node.tryGetContext('cdktfVersion'),
    stackName: stack.node.id,
    backend: 'local',
    cloud: undefined,
  };
  const outputs: Record<string, unknown> = {};
  const tf: Record<string, unknown> = {};
  for (const element of elements) {
    deepMerge(metadata, withoutUndefined(element.toMetadata()));
    if (TerraformOutput.isTerraformOutput(element)) {
      deepMerge(
        outputs,
        element.node.path
          .split('/')
          .reduceRight<unknown>((inner, part) => ({ [part]: inner }), element.friendlyUniqueId),
      );
    }
  }
  tf['//'] = { metadata, outputs };
  for (const element of elements) deepMerge(tf, element.toTerraform());
  const plain = plainDocument(tf);
  return (plain === UNRESOLVED ? resolve(stack, tf) : plain) as Record<string, unknown>;
}

const UNRESOLVED = Symbol('unresolved');

/**
 * The document without `undefined` values when it holds no cdktf token at all (checked with cdktf's own
 * `Token.isUnresolved` / `Tokenization.isResolvable`); {@link UNRESOLVED} otherwise, and then the caller runs
 * cdktf's full resolve. The construct writes references as plain `${…}` strings, so this is the normal path:
 * resolve() builds a context object per key and was the largest remaining cost of a 1,000-grant synth.
 */
function plainDocument(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number')
    return Token.isUnresolved(value) ? UNRESOLVED : value;
  if (typeof value === 'function') return UNRESOLVED;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (Token.isUnresolved(value)) return UNRESOLVED;
    const out: unknown[] = [];
    for (const item of value) {
      if (item === undefined) continue;
      const plain = plainDocument(item);
      if (plain === UNRESOLVED) return UNRESOLVED;
      out.push(plain);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (
    (proto !== Object.prototype && proto !== null) ||
    Tokenization.isResolvable(value) ||
    Token.isUnresolved(value)
  ) {
    return UNRESOLVED;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const plain = plainDocument(item);
    if (plain === UNRESOLVED) return UNRESOLVED;
    out[key] = plain;
  }
  return out;
}

/**
 * Drop `undefined` values from plain objects and arrays, as cdktf's per-element resolve does before merging
 * metadata (deepMerge treats `undefined` as "delete this key": a resource's `overrides: undefined` would erase
 * the backend's override metadata). Class instances (tokens) are left for the final resolve.
 */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
    return out as T;
  }
  return value;
}
