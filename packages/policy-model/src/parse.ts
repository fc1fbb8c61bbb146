/**
 * YAML in and out. Parsing keeps line numbers: each problem's field path is mapped back to the YAML node it
 * names (or the nearest node that exists, for a missing field).
 */
import {
  Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { compareCodeUnits } from './compare';
import { type PlanOptions, planGrantDetailed } from './plan';
import { formatPath, type PathSegment, type RawProblem } from './problems';
import type { GrantPlan, GrantSpec, Problem, Result } from './types';
import { validateGrantDetailed } from './validate';

/** Parse YAML text into a validated grant; problems carry YAML line numbers. */
export function parseGrantYaml(text: string): Result<GrantSpec> {
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const { spec, problems } = validateGrantDetailed(parsed.value);
  if (spec !== undefined) return { ok: true, value: spec };
  return { ok: false, problems: problems.map(parsed.locate) };
}

/**
 * parseGrantYaml + planGrant: everything `check` needs, with line numbers on validation and quota problems.
 * (Added to the contract for the CLI and the Backstage action.)
 */
export function compileGrantYaml(text: string, options?: PlanOptions): Result<GrantPlan> {
  const loaded = loadGrantYaml(text, options);
  return loaded.ok ? { ok: true, value: loaded.value.plan } : loaded;
}

/**
 * compileGrantYaml that also returns the validated grant: what tools reading grant files need (check, synth,
 * the Backstage action). Every problem — validation and quotas alike — carries its YAML line.
 */
export function loadGrantYaml(
  text: string,
  options?: PlanOptions,
): Result<{ readonly spec: GrantSpec; readonly plan: GrantPlan }> {
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const { spec, problems } = validateGrantDetailed(parsed.value);
  if (spec === undefined) return { ok: false, problems: problems.map(parsed.locate) };
  const planned = planGrantDetailed(spec, options);
  if (planned.value !== undefined && planned.problems.length === 0)
    return { ok: true, value: { spec, plan: planned.value } };
  return { ok: false, problems: planned.problems.map(parsed.locate) };
}

/** The YAML line and column of a field (or of its nearest existing parent); undefined for unparsable text. */
export function locateField(
  text: string,
  path: readonly PathSegment[],
): { readonly line: number; readonly column: number } | undefined {
  const parsed = parseYaml(text);
  if (!parsed.ok) return undefined;
  const problem = parsed.locate({ path, message: '' });
  return problem.line === undefined || problem.column === undefined
    ? undefined
    : { line: problem.line, column: problem.column };
}

type ParsedYaml =
  | { readonly ok: true; readonly value: unknown; readonly locate: (problem: RawProblem) => Problem }
  | { readonly ok: false; readonly problems: readonly Problem[] };

function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return {
          path: '',
          message: `YAML syntax error: ${firstLine(error.message)}`,
          line: position.line,
          column: position.col,
        };
      }),
    };
  }
  if (doc.contents === null) {
    return {
      ok: false,
      problems: [{ path: '', message: 'the file is empty: expected a KinesisAccessGrant document', line: 1 }],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Unresolved aliases and alias bombs surface only when converting.
    return {
      ok: false,
      problems: [{ path: '', message: `YAML error: ${firstLine(String((error as Error).message))}` }],
    };
  }
  const locate = (problem: RawProblem): Problem => {
    const node = nodeAt(doc.contents as YamlNode, problem.path);
    const offset = node?.range?.[0];
    const position = offset === undefined ? undefined : lineCounter.linePos(offset);
    return {
      path: formatPath(problem.path),
      message: problem.message,
      ...(position === undefined ? {} : { line: position.line, column: position.col }),
    };
  };
  return { ok: true, value, locate };
}

/** The node a path names, or the deepest ancestor that exists. A field holding a mapping or list gives its key. */
function nodeAt(root: YamlNode, path: readonly PathSegment[]): YamlNode | undefined {
  let node: YamlNode = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) return node;
      const key = pair.key as YamlNode;
      if (!isNode(pair.value)) return key;
      if (last) return isScalar(pair.value) ? pair.value : key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item)) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Deterministic YAML for a grant (what the Backstage action writes): fixed field order, sorted tags. */
export function grantToYaml(spec: GrantSpec): string {
  const s = spec.spec;
  const role =
    s.role === undefined
      ? undefined
      : {
          ...pick(s.role, ['name', 'path', 'permissionsBoundaryArn', 'maxSessionDuration']),
          ...(s.role.tags === undefined ? {} : { tags: sortedRecord(s.role.tags) }),
        };
  const ordered = {
    apiVersion: spec.apiVersion,
    kind: spec.kind,
    metadata: pick(spec.metadata, ['name', 'description']),
    spec: pick(
      {
        profile: s.profile,
        principal: pick(s.principal, ['roleArn', 'additionalRoleArns', 'externalId', 'extraTrustActions']),
        role,
        streams: s.streams.map((stream) => pick(stream, ['arn', 'kmsKeyArn'])),
        kcl:
          s.kcl === undefined
            ? undefined
            : pick(s.kcl, ['applicationName', 'region', 'version', 'metricsNamespace']),
        consumerName: s.consumerName,
        kplMetrics: s.kplMetrics === undefined ? undefined : pick(s.kplMetrics, ['namespace']),
        upsolver: s.upsolver,
        resourcePolicy: s.resourcePolicy,
        quotas: s.quotas,
      },
      [
        'profile',
        'principal',
        'role',
        'streams',
        'kcl',
        'consumerName',
        'kplMetrics',
        'upsolver',
        'resourcePolicy',
        'quotas',
      ],
    ),
  };
  return new Document(ordered).toString({ lineWidth: 0, minContentWidth: 0 });
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareCodeUnits(a, b)));
}
