/**
 * In-process synthesis: grant plans → Terraform files, without cdktf's App.synth (which writes a manifest,
 * reads SYNTH_HCL_OUTPUT from the process environment and is not safe for concurrent calls). Every call builds
 * its own construct tree and renders it in memory, then writes only its own files.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GrantPlan } from '@kinesis-access/policy-model';
import { Construct, type IConstruct } from 'constructs';
import {
  AnnotationMetadataEntryType,
  DISABLE_STACK_TRACE_IN_METADATA,
  deepMerge,
  resolve,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  Token,
  Tokenization,
} from './cdktf-core';
import { policiesAsJsonencode } from './hcl-policies';
import { STACK_HCL_FILE, STACK_JSON_FILE, STACKS_DIR, type StackLayout, stackFile } from './layout';
import type { BackendConfig } from './settings';
import { addGrantStacks, compareStrings, type KinesisAccessStack } from './stack';
import { findTerraform, runTerraform, terraformEnv } from './terraform-cli';

// biome-ignore lint/suspicious/noExplicitAny: package.json has no types
const CDKTF_VERSION: string = (require('cdktf/package.json') as any).version;

/** One synthesized stack. */
export interface RenderedStack {
  readonly stackName: string;
  /** Grants in the stack, sorted. */
  readonly grantNames: readonly string[];
  /** The generated file, relative to the output directory (POSIX separators). */
  readonly file: string;
  readonly content: string;
}

export interface RenderOptions {
  readonly layout?: StackLayout;
  readonly backend?: BackendConfig;
  readonly deployRoleArn?: string;
  /** Terraform native syntax (`cdk.tf`) instead of JSON (`cdk.tf.json`). @default false */
  readonly hcl?: boolean;
}

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

/** A fresh construct root (what `App` provides, minus its environment reads and its output directory). */
function newRoot(): Construct {
  const root = new Construct(undefined as unknown as Construct, '');
  root.node.setContext('cdktfVersion', CDKTF_VERSION);
  root.node.setContext(DISABLE_STACK_TRACE_IN_METADATA, true);
  return root;
}

/**
 * What cdktf's App.synth + StackSynthesizer do, minus the disk, aspects (none are used) and `prepareStack` (a
 * full extra resolve pass that only adds cross-stack references and a default backend; our stacks have neither
 * need: every stack gets an explicit backend).
 */
function renderStack(stack: KinesisAccessStack, hcl: boolean): string {
  stack.runAllValidations();
  const errors = stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === AnnotationMetadataEntryType.ERROR)
        .map((m) => `[${c.node.path}] ${m.data}`),
    );
  if (errors.length > 0) throw new Error(`synth of stack ${stack.node.id} failed:\n  ${errors.join('\n  ')}`);
  return hcl ? tidyHcl(stack.toHclTerraform().hcl) : stableJson(stackToTerraform(stack));
}

/**
 * Three fixes to cdktf's HCL: it quotes provider references (`provider = "aws.eu-west-1"`, deprecated, warns on every
 * validate) and writes interpolation-only strings (`"${aws_iam_policy.x.arn}"`); both become plain references. And
 * it writes policy documents as escaped JSON strings; they become `jsonencode({...})` objects a reviewer can read.
 */
export function tidyHcl(hcl: string): string {
  return policiesAsJsonencode(
    hcl
      .replace(/^(\s*provider\s*=\s*)"([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)"[ \t]*$/gm, '$1$2')
      .replace(/"\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}"/g, '$1'),
  );
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

/**
 * Render the stacks for some plans in memory (unformatted HCL with `hcl`). Throws before anything is written
 * when plans cannot be laid out (duplicate grant names) or cdktf validation fails.
 */
export function renderStacks(plans: readonly GrantPlan[], options: RenderOptions = {}): RenderedStack[] {
  const root = newRoot();
  const stacks = addGrantStacks(root, plans, options);
  const hcl = options.hcl ?? false;
  return stacks.map((stack) => ({
    stackName: stack.node.id,
    grantNames: stack.grants.map((g) => g.node.id),
    file: stackFile(stack.node.id, hcl),
    content: renderStack(stack, hcl),
  }));
}

export interface RenderFilesOptions extends RenderOptions {
  /** Environment used to find terraform for `fmt` (HCL only). @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface RenderedFiles {
  readonly stacks: readonly RenderedStack[];
  readonly warnings: readonly string[];
}

/** {@link renderStacks}, with HCL formatted by `terraform fmt` when terraform is installed. */
export async function renderFiles(
  plans: readonly GrantPlan[],
  options: RenderFilesOptions = {},
): Promise<RenderedFiles> {
  const stacks = renderStacks(plans, options);
  if (!options.hcl || stacks.length === 0) return { stacks, warnings: [] };
  const env = options.env ?? process.env;
  const terraform = findTerraform(env);
  if (terraform === undefined) {
    return {
      stacks,
      warnings: [
        'terraform is not installed: HCL written unformatted (install terraform for `terraform fmt` output)',
      ],
    };
  }
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kinesis-access-fmt-'));
  try {
    const names = stacks.map((_stack, i) => `${i}.tf`);
    await Promise.all(stacks.map((s, i) => fs.promises.writeFile(path.join(tmp, `${i}.tf`), s.content)));
    const run = await runTerraform(terraform, ['fmt', '-list=false', ...names], {
      cwd: tmp,
      env: terraformEnv(env),
    });
    if (run.code !== 0) throw new Error(`terraform fmt failed on the generated HCL:\n${run.stderr}`);
    const formatted = await Promise.all(names.map((n) => fs.promises.readFile(path.join(tmp, n), 'utf8')));
    return { stacks: stacks.map((s, i) => ({ ...s, content: formatted[i] ?? s.content })), warnings: [] };
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

/** Options of {@link synthGrants}. */
export interface SynthGrantsOptions extends RenderFilesOptions {
  readonly plans: readonly GrantPlan[];
  /** Output directory (created if missing). Files go to `<outDir>/stacks/<stack>/cdk.tf.json` (or `cdk.tf`). */
  readonly outDir: string;
  /**
   * Delete generated stack files under `<outDir>/stacks/` that this synth did not produce (grants removed from
   * the directory). Leave it off when synthesizing a subset (the Backstage action writes one grant).
   * @default false
   */
  readonly prune?: boolean;
}

export interface SynthGrantsResult {
  /** Files written or already up to date, relative to outDir (POSIX), sorted. */
  readonly files: string[];
  /** Files deleted (stale stacks with `prune`, or the other syntax's file of a stack), relative to outDir. */
  readonly removed: string[];
  readonly warnings: string[];
}

/** Generated stack files currently under `<outDir>/stacks/*`, relative to outDir, sorted. */
export async function listGeneratedFiles(outDir: string): Promise<string[]> {
  const stacksDir = path.join(outDir, STACKS_DIR);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(stacksDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    for (const name of fs.readdirSync(path.join(stacksDir, entry.name))) {
      if (name === STACK_JSON_FILE || name === STACK_HCL_FILE)
        files.push(`${STACKS_DIR}/${entry.name}/${name}`);
    }
  }
  return files.sort(compareStrings);
}

/**
 * Synthesize grant plans into Terraform files under `outDir`. Safe for concurrent calls in one process (each call
 * has its own construct tree and reads no process-global settings); deterministic (same plans and options →
 * byte-identical files, no absolute paths, no timestamps). Nothing is written when rendering fails.
 */
export async function synthGrants(options: SynthGrantsOptions): Promise<SynthGrantsResult> {
  const { stacks, warnings } = await renderFiles(options.plans, options);
  const outDir = options.outDir;
  const otherSyntax = options.hcl ? STACK_JSON_FILE : STACK_HCL_FILE;
  const removed: string[] = [];
  // Synchronous file work: one pass, no interleaving with other callers, and ~3× fewer thread-pool round trips
  // than fs.promises for 1,000 small files.
  fs.mkdirSync(outDir, { recursive: true });
  const existing = new Set(await listGeneratedFiles(outDir));
  const createdDirs = new Set<string>();
  for (const stack of stacks) {
    const target = path.join(outDir, ...stack.file.split('/'));
    const dir = path.dirname(target);
    if (existing.has(stack.file)) {
      if (fs.readFileSync(target, 'utf8') !== stack.content) fs.writeFileSync(target, stack.content);
    } else {
      if (!createdDirs.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        createdDirs.add(dir);
      }
      fs.writeFileSync(target, stack.content);
    }
    const other = `${path.posix.dirname(stack.file)}/${otherSyntax}`;
    if (existing.has(other)) {
      fs.rmSync(path.join(outDir, ...other.split('/')));
      removed.push(other);
    }
  }
  if (options.prune) {
    const expected = new Set(stacks.map((s) => s.file));
    for (const file of existing) {
      if (expected.has(file) || removed.includes(file)) continue;
      const absolute = path.join(outDir, ...file.split('/'));
      fs.rmSync(absolute);
      removed.push(file);
      const dir = path.dirname(absolute);
      if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
    }
  }
  return {
    files: stacks.map((s) => s.file).sort(compareStrings),
    removed: [...new Set(removed)].sort(compareStrings),
    warnings: [...warnings],
  };
}

/** Options of {@link checkFreshness}. */
export interface FreshnessOptions extends RenderFilesOptions {
  readonly plans: readonly GrantPlan[];
  /** The directory that holds the committed generated Terraform. */
  readonly outDir: string;
}

/** Result of {@link checkFreshness}; all paths relative to outDir. */
export interface FreshnessReport {
  readonly ok: boolean;
  /** Every file a fresh synth produces (sorted). */
  readonly files: string[];
  /** Expected files that are not committed. */
  readonly missing: string[];
  /** Committed files whose content differs from a fresh synth. */
  readonly stale: string[];
  /** Committed stack files that no grant produces any more. */
  readonly extra: string[];
  readonly warnings: string[];
}

/** Compare the generated Terraform under outDir with a fresh in-memory synth (like `terraform fmt -check`). */
export async function checkFreshness(options: FreshnessOptions): Promise<FreshnessReport> {
  const { stacks, warnings } = await renderFiles(options.plans, options);
  const missing: string[] = [];
  const stale: string[] = [];
  for (const stack of stacks) {
    let current: string;
    try {
      current = await fs.promises.readFile(path.join(options.outDir, ...stack.file.split('/')), 'utf8');
    } catch {
      missing.push(stack.file);
      continue;
    }
    if (current !== stack.content) stale.push(stack.file);
  }
  const expected = new Set(stacks.map((s) => s.file));
  const extra = (await listGeneratedFiles(options.outDir)).filter((f) => !expected.has(f));
  return {
    ok: missing.length === 0 && stale.length === 0 && extra.length === 0,
    files: [...expected].sort(compareStrings),
    missing: missing.sort(compareStrings),
    stale: stale.sort(compareStrings),
    extra,
    warnings: [...warnings],
  };
}
