/**
 * The one way every tool reads grants from disk: collect the files, load each one, then the cross-file checks.
 * `kinesis-access check`, `synth`, `verify` and `diff`, the cdktf app and the Backstage actions all call
 * {@link loadGrants} (the cdktf app through {@link loadGrantsDirectory}), so they accept and refuse the same files.
 */
import * as path from 'node:path';
import { compareCodeUnits, formatProblem } from '@kinesis-access/policy-model';
import { collectGrantFiles, type FileProblems, type LoadGrantsOptions } from './collect';
import { findDuplicates } from './cross-file';
import { type LoadedGrant, loadGrant } from './load';

/** A grant file that parsed, validated and planned. */
export type ValidGrant = Extract<LoadedGrant, { ok: true }>;

export type { LoadGrantsOptions };

/** The grants below some paths, with every problem found on the way. */
export interface GrantSet {
  /** Every grant file found, in the order found: each one planned (`ok`) or with its own problems. */
  readonly loaded: readonly LoadedGrant[];
  /**
   * Every problem: the paths that could not be read or held no grant files (in argument order), then each grant
   * file's own problems (in the order found), then the cross-file problems (duplicate names, a second owner of a
   * stream resource policy). Empty when every grant may be used.
   */
  readonly problems: readonly FileProblems[];
  /** The grants that planned and passed the cross-file checks, in the order found. */
  readonly grants: readonly ValidGrant[];
}

/**
 * Read the grants below some paths (grant files, or directories of them, recursively): parse, validate and plan
 * each file, then check them against each other. Never throws for bad grants: they are in `problems`.
 */
export function loadGrants(inputs: readonly string[], options: LoadGrantsOptions = {}): GrantSet {
  const collected = collectGrantFiles(inputs, options);
  const loaded = collected.files.map(loadGrant);
  const crossFile = findDuplicates(loaded);
  const refused = new Set(crossFile.map((d) => d.file));
  return {
    loaded,
    problems: [
      ...collected.problems,
      ...loaded.flatMap((g) => (g.ok ? [] : [{ file: g.file.displayPath, problems: g.problems }])),
      ...crossFile,
    ],
    grants: loaded.filter((g): g is ValidGrant => g.ok && !refused.has(g.file.displayPath)),
  };
}

/** One line per problem, `<file>: <field path>: <message>` (as `kinesis-access check` prints them). */
export function problemLines(problems: readonly FileProblems[]): string[] {
  return problems.flatMap((f) => f.problems.map((p) => formatProblem(p, f.file)));
}

/** A grant file that parsed and planned; `file` is relative to the grants directory (POSIX separators). */
export interface LoadedPlan {
  readonly file: string;
  readonly plan: ValidGrant['plan'];
}

export interface LoadedGrants {
  /** Valid grants, sorted by file. */
  readonly grants: readonly LoadedPlan[];
  /** Per-file problems (files relative to the directory, sorted); empty when every grant may be synthesized. */
  readonly problems: readonly FileProblems[];
}

const toPosix = (file: string): string => file.split(path.sep).join('/');

/**
 * {@link loadGrants} of one directory, with files named relative to it ('/'-separated) and sorted: what the cdktf
 * app synthesizes. A grant with a cross-file problem is not in `grants`.
 */
export function loadGrantsDirectory(dir: string): LoadedGrants {
  const set = loadGrants(['.'], { cwd: dir });
  const grants = set.grants.map((g) => ({ file: toPosix(g.file.displayPath), plan: g.plan }));
  const problems = set.problems.map((p) => ({ file: toPosix(p.file), problems: p.problems }));
  return {
    grants: grants.sort((a, b) => compareCodeUnits(a.file, b.file)),
    problems: problems.sort((a, b) => compareCodeUnits(a.file, b.file)),
  };
}
