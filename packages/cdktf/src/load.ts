/**
 * Reading a grants directory into plans (for the cdktf app and other in-process callers). Every decision comes
 * from the model (`parseGrantYaml`, `planGrant`); this is file work only. Same file rules as `kinesis-access
 * check`: every `*.yaml` / `*.yml` below the directory, hidden entries and node_modules skipped, byte-order sorted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type GrantPlan, type Problem, parseGrantYaml, planGrant } from '@kinesis-access/policy-model';
import { compareStrings } from './stack';

/** A grant file that parsed and planned. `file` is relative to the directory (POSIX separators). */
export interface LoadedPlan {
  readonly file: string;
  readonly plan: GrantPlan;
}

/** Problems of one file (relative path, POSIX), in the model's `{ path, message, line? }` shape. */
export interface FileProblems {
  readonly file: string;
  readonly problems: readonly Problem[];
}

export interface LoadedGrants {
  /** Sorted by file. */
  readonly grants: readonly LoadedPlan[];
  /** Empty when every file is valid and grant names are unique. */
  readonly problems: readonly FileProblems[];
}

function walk(absoluteDir: string, relativeDir: string, out: string[]): void {
  const entries = fs
    .readdirSync(absoluteDir, { withFileTypes: true })
    .sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
    const absolute = path.join(absoluteDir, entry.name);
    if (entry.isDirectory()) walk(absolute, relative, out);
    else if (/\.ya?ml$/i.test(entry.name)) {
      const stat = fs.statSync(absolute, { throwIfNoEntry: false });
      if (stat?.isFile()) out.push(relative);
    }
  }
}

/**
 * Load every grant file below `dir`: parse, validate and plan each one, and report grant names used twice.
 * Never throws for bad grants (they are in `problems`); throws only when `dir` itself cannot be read.
 */
export function loadGrantsDirectory(dir: string): LoadedGrants {
  const files: string[] = [];
  walk(dir, '', files);
  const grants: LoadedPlan[] = [];
  const problems: FileProblems[] = [];
  if (files.length === 0) {
    problems.push({
      file: '.',
      problems: [{ path: '', message: `no grant files (*.yaml, *.yml) in ${dir}` }],
    });
  }
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, ...file.split('/')), 'utf8');
    } catch (error) {
      problems.push({ file, problems: [{ path: '', message: `cannot read: ${(error as Error).message}` }] });
      continue;
    }
    const parsed = parseGrantYaml(text);
    if (!parsed.ok) {
      problems.push({ file, problems: parsed.problems });
      continue;
    }
    const planned = planGrant(parsed.value);
    if (!planned.ok) {
      problems.push({ file, problems: planned.problems });
      continue;
    }
    grants.push({ file, plan: planned.value });
  }
  const byName = new Map<string, LoadedPlan[]>();
  for (const grant of grants)
    byName.set(grant.plan.grantName, [...(byName.get(grant.plan.grantName) ?? []), grant]);
  for (const [name, group] of byName) {
    if (group.length < 2) continue;
    for (const grant of group) {
      const others = group.filter((g) => g !== grant).map((g) => g.file);
      problems.push({
        file: grant.file,
        problems: [
          {
            path: 'metadata.name',
            message: `duplicate grant name "${name}": also used by ${others.join(', ')} (grant names must be unique)`,
          },
        ],
      });
    }
  }
  return {
    grants,
    problems: problems.sort((a, b) => compareStrings(a.file, b.file)),
  };
}
