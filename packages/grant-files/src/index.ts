/**
 * @packageDocumentation
 * Finding, reading and planning grant files on disk, and the checks that only show across files (duplicate grant
 * names, IAM role and user names). The `kinesis-access` CLI (check, render, synth, verify) and the cdktf app
 * (`cdktf synth`) both read grants through here, so they accept and refuse exactly the same directories. File work
 * only: every IAM decision (validation, names, quotas) comes from `@kinesis-access/policy-model`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  compareCodeUnits,
  type GrantPlan,
  type GrantSpec,
  loadGrantYaml,
  type Problem,
  resourcePolicyOwnerProblems,
} from '@kinesis-access/policy-model';

/** File name endings that count as grant files when a directory is given. */
export const GRANT_FILE_EXTENSIONS: readonly string[] = ['.yaml', '.yml'];

/** A grant file to read. */
export interface GrantFile {
  /** The path as the user gave it (a file inside a given directory: `<dir>/<relative path>`). */
  readonly displayPath: string;
  readonly absolutePath: string;
}

/** Problems that belong to one file (or to a path the user gave that is not a readable file). */
export interface FileProblems {
  readonly file: string;
  readonly problems: readonly Problem[];
}

export interface CollectedFiles {
  readonly files: readonly GrantFile[];
  /** Paths that do not exist, cannot be read, or directories without grant files. */
  readonly problems: readonly FileProblems[];
}

/** One grant file after parsing and planning (`text`: the YAML, for line numbers of cross-file problems). */
export type LoadedGrant =
  | {
      readonly file: GrantFile;
      readonly ok: true;
      readonly spec: GrantSpec;
      readonly plan: GrantPlan;
      readonly text?: string;
    }
  | { readonly file: GrantFile; readonly ok: false; readonly problems: readonly Problem[] };

function isGrantFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return GRANT_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Grant files under a directory, recursively, sorted by path. Hidden entries (`.git`, `.terraform`, …) and
 * `node_modules` are skipped; symbolic links to files are followed, symbolic links to directories are not.
 */
function walkDirectory(absoluteDir: string, displayDir: string, out: GrantFile[]): void {
  const entries = fs
    .readdirSync(absoluteDir, { withFileTypes: true })
    .sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const absolutePath = path.join(absoluteDir, entry.name);
    const displayPath = path.join(displayDir, entry.name);
    if (entry.isDirectory()) {
      walkDirectory(absolutePath, displayPath, out);
    } else if (isGrantFileName(entry.name)) {
      const isFile =
        entry.isFile() ||
        (entry.isSymbolicLink() && fs.statSync(absolutePath, { throwIfNoEntry: false })?.isFile());
      if (isFile) out.push({ displayPath, absolutePath });
    }
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Expand the paths given on the command line into grant files. A file is taken as given (any name); a directory
 * contributes every `*.yaml` / `*.yml` file below it. A file reached twice (a directory and a file inside it) is
 * read once.
 */
export function collectGrantFiles(inputs: readonly string[], cwd: string = process.cwd()): CollectedFiles {
  const files: GrantFile[] = [];
  const problems: FileProblems[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      problems.push({
        file: input,
        problems: [{ path: '', message: `cannot read: ${describeFsError(error)}` }],
      });
      continue;
    }
    const found: GrantFile[] = [];
    if (stat.isDirectory()) {
      try {
        walkDirectory(absolute, input, found);
      } catch (error) {
        problems.push({
          file: input,
          problems: [{ path: '', message: `cannot read directory: ${describeFsError(error)}` }],
        });
        continue;
      }
      if (found.length === 0) {
        problems.push({
          file: input,
          problems: [
            {
              path: '',
              message: `no grant files (${GRANT_FILE_EXTENSIONS.map((e) => `*${e}`).join(', ')}) in this directory`,
            },
          ],
        });
      }
    } else {
      found.push({ displayPath: input, absolutePath: absolute });
    }
    for (const file of found) {
      let key = file.absolutePath;
      try {
        key = fs.realpathSync(file.absolutePath);
      } catch {
        // unreadable: reported when the file is read
      }
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return { files, problems };
}

/**
 * Read, parse, validate and plan one grant file. Problems carry the model's field paths and YAML lines — quota
 * problems too (they are found when planning).
 */
export function loadGrant(file: GrantFile): LoadedGrant {
  let text: string;
  try {
    text = fs.readFileSync(file.absolutePath, 'utf8');
  } catch (error) {
    return { file, ok: false, problems: [{ path: '', message: `cannot read: ${describeFsError(error)}` }] };
  }
  const loaded = loadGrantYaml(text);
  if (!loaded.ok) return { file, ok: false, problems: loaded.problems };
  return { file, ok: true, spec: loaded.value.spec, plan: loaded.value.plan, text };
}

function otherFiles(group: readonly LoadedGrant[], self: LoadedGrant): string {
  return group
    .filter((g) => g !== self)
    .map((g) => g.file.displayPath)
    .join(', ');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Problems that only show across files: two grants with the same `metadata.name` (unique in the repo), two
 * grants that would create the same IAM role (or IAM user) in the same account, and two grants that both set the
 * resource policy of one stream (one owner per stream resource policy: applying one replaces the other). IAM names are unique per
 * account and case-insensitive, so `Role-A` and `role-a` in one account collide; the same role name in two
 * different accounts does not.
 */
export function findDuplicates(grants: readonly LoadedGrant[]): FileProblems[] {
  const valid = grants.filter((g): g is Extract<LoadedGrant, { ok: true }> => g.ok);
  const problems = new Map<LoadedGrant, Problem[]>();
  const add = (grant: LoadedGrant, problem: Problem): void => {
    const list = problems.get(grant);
    if (list) list.push(problem);
    else problems.set(grant, [problem]);
  };

  for (const [name, group] of groupBy(valid, (g) => g.spec.metadata.name)) {
    if (group.length < 2) continue;
    for (const grant of group) {
      add(grant, {
        path: 'metadata.name',
        message: `duplicate grant name "${name}": also used by ${otherFiles(group, grant)} (grant names must be unique)`,
      });
    }
  }

  const accountKey = (plan: GrantPlan, name: string): string =>
    `${plan.partition}:${plan.accountId}:${name.toLowerCase()}`;
  for (const [, group] of groupBy(valid, (g) => accountKey(g.plan, g.plan.role.name))) {
    if (group.length < 2) continue;
    for (const grant of group) {
      const explicit = grant.spec.spec.role?.name !== undefined;
      add(grant, {
        path: 'spec.role.name',
        message:
          `duplicate IAM role name "${grant.plan.role.name}"${explicit ? '' : ' (derived from metadata.name)'} in account ` +
          `${grant.plan.accountId}: also created by ${otherFiles(group, grant)} (IAM role names are unique per account, ignoring case)`,
      });
    }
  }

  for (const [, group] of groupBy(valid, (g) =>
    g.plan.iamUser ? accountKey(g.plan, g.plan.iamUser.name) : undefined,
  )) {
    if (group.length < 2) continue;
    for (const grant of group) {
      add(grant, {
        path: 'spec.upsolver.credentials',
        message:
          `duplicate IAM user name "${grant.plan.iamUser?.name}" in account ${grant.plan.accountId}: ` +
          `also created by ${otherFiles(group, grant)}`,
      });
    }
  }

  const byFile = new Map(valid.map((g) => [g.file.displayPath, g] as const));
  for (const entry of resourcePolicyOwnerProblems(
    valid.map((g) => ({
      file: g.file.displayPath,
      plan: g.plan,
      ...(g.text === undefined ? {} : { text: g.text }),
    })),
  )) {
    const grant = byFile.get(entry.file);
    if (grant !== undefined) for (const problem of entry.problems) add(grant, problem);
  }

  return valid
    .filter((g) => problems.has(g))
    .map((g) => ({ file: g.file.displayPath, problems: problems.get(g) ?? [] }));
}

/** A grant file that parsed and planned; `file` is relative to the grants directory (POSIX separators). */
export interface LoadedPlan {
  readonly file: string;
  readonly plan: GrantPlan;
}

export interface LoadedGrants {
  /** Valid grants, sorted by file. */
  readonly grants: readonly LoadedPlan[];
  /** Per-file problems (files relative to the directory, sorted); empty when every grant may be synthesized. */
  readonly problems: readonly FileProblems[];
}

const toPosix = (file: string): string => file.split(path.sep).join('/');

/**
 * Load every grant file below `dir` with the same rules as `kinesis-access check <dir>`: parse, validate and plan
 * each one, then the cross-file checks. Never throws for bad grants (they are in `problems`). A grant with a
 * cross-file problem is not in `grants`.
 */
export function loadGrantsDirectory(dir: string): LoadedGrants {
  const collected = collectGrantFiles(['.'], dir);
  const loaded = collected.files.map(loadGrant);
  const duplicates = findDuplicates(loaded);
  const refused = new Set(duplicates.map((d) => d.file));
  const problems: FileProblems[] = [
    ...collected.problems,
    ...loaded.flatMap((g) => (g.ok ? [] : [{ file: g.file.displayPath, problems: g.problems }])),
    ...duplicates,
  ].map((p) => ({ file: toPosix(p.file), problems: p.problems }));
  const grants = loaded.flatMap((g) =>
    g.ok && !refused.has(g.file.displayPath) ? [{ file: toPosix(g.file.displayPath), plan: g.plan }] : [],
  );
  return {
    grants: grants.sort((a, b) => compareCodeUnits(a.file, b.file)),
    problems: problems.sort((a, b) => compareCodeUnits(a.file, b.file)),
  };
}
