import { loadGrants, problemLines } from '@kinesis-access/grant-files';
import {
  type AccessDiff,
  diffAccess,
  type GrantPlan,
  renderAccessDiffMarkdown,
} from '@kinesis-access/policy-model';
import { type Command, Option } from 'commander';
import { ExitCode } from '../exit-codes';

export const DIFF_FORMATS = ['json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** One side of a diff: its grants as plans, or the problem lines (`<file>: <field path>: <message>`). */
export type LoadedSide = { ok: true; plans: GrantPlan[] } | { ok: false; lines: string[] };

/**
 * Load one side: a grant file, or a directory of grant files with the same rules as `check` (recursive, duplicate
 * names refused). Unlike `check`, an empty directory is a valid side with no grants: the base of a repository's
 * first grant, or the result of revoking the last one.
 */
export function loadSide(input: string, cwd: string = process.cwd()): LoadedSide {
  const { problems, grants } = loadGrants([input], { cwd, emptyDirectoryIsValid: true });
  if (problems.length > 0) return { ok: false, lines: problemLines(problems) };
  return { ok: true, plans: grants.map((g) => g.plan) };
}

/** The access diff of two sides, or the problem lines of both (nothing is compared when either is invalid). */
export function diffPaths(
  before: string,
  after: string,
  cwd: string = process.cwd(),
): { ok: true; diff: AccessDiff } | { ok: false; lines: string[] } {
  const b = loadSide(before, cwd);
  const a = loadSide(after, cwd);
  if (!b.ok || !a.ok) return { ok: false, lines: [...(b.ok ? [] : b.lines), ...(a.ok ? [] : a.lines)] };
  return { ok: true, diff: diffAccess(b.plans, a.plans) };
}

export function register(program: Command): void {
  program
    .command('diff')
    .summary('what each grant gains and loses in access between two versions (for pull-request review)')
    .description(
      'compare the IAM two versions of the grants give, by action and resource, and who may assume each role ' +
        '(principals, external ID, trust actions); grants matched by name, added and removed grants included. ' +
        'Each side is a grant file or a grants directory (e.g. two checkouts or git worktrees); an empty directory ' +
        'is a side without grants. --format markdown is for a pull-request comment, --format json is the contract ' +
        'in the README. Exit 0 when both sides are valid (whether they differ or not), 1 when either is not: then ' +
        'every problem goes to stderr and nothing to stdout.',
    )
    .argument('<before>', 'grant file or grants directory: the current version (e.g. the base branch)')
    .argument('<after>', 'grant file or grants directory: the proposed version')
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('json'))
    .action((before: string, after: string, options: { format: DiffFormat }) => {
      const result = diffPaths(before, after);
      if (!result.ok) {
        process.stderr.write(result.lines.map((l) => `${l}\n`).join(''));
        const n = result.lines.length;
        process.stderr.write(`kinesis-access diff: ${n} problem${n === 1 ? '' : 's'}; nothing compared\n`);
        process.exitCode = ExitCode.Invalid;
        return;
      }
      process.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(result.diff, null, 2)}\n`
          : renderAccessDiffMarkdown(result.diff),
      );
      process.exitCode = ExitCode.Ok;
    });
}
