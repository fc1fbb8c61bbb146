import { type FileProblems, loadGrants } from '@kinesis-access/grant-files';
import { formatProblem } from '@kinesis-access/policy-model';
import type { Command } from 'commander';
import { ExitCode } from '../exit-codes';

/** Result of checking some paths: the problem lines (stdout) and the notes (stderr). */
export interface CheckReport {
  readonly filesChecked: number;
  /** `<file>: <field path>: <message>`, one per problem, in file order. */
  readonly problemLines: readonly string[];
  /** `<file>: warning: <message>` for valid grants with warnings (e.g. the upsolver IAM-user opt-in). */
  readonly warningLines: readonly string[];
}

/** Check grant files and directories. Reads only; writes nothing. */
export function checkPaths(inputs: readonly string[], cwd: string = process.cwd()): CheckReport {
  const { loaded, problems } = loadGrants(inputs, { cwd });
  const byFile = new Map<string, FileProblems['problems'][number][]>();
  for (const entry of problems) {
    const list = byFile.get(entry.file);
    if (list) list.push(...entry.problems);
    else byFile.set(entry.file, [...entry.problems]);
  }

  // Paths that could not be read first (in argument order), then the grant files in the order they were found.
  const grantFiles = loaded.map((g) => g.file.displayPath);
  const isGrantFile = new Set(grantFiles);
  const order = [...new Set([...byFile.keys()].filter((file) => !isGrantFile.has(file)).concat(grantFiles))];
  const problemLines = order.flatMap((file) => (byFile.get(file) ?? []).map((p) => formatProblem(p, file)));
  const warningLines = loaded.flatMap((g) =>
    g.ok ? g.plan.warnings.map((w) => `${g.file.displayPath}: warning: ${w}`) : [],
  );
  return { filesChecked: loaded.length, problemLines, warningLines };
}

export function register(program: Command): void {
  program
    .command('check')
    .summary('validate grant files and directories (writes nothing)')
    .description(
      'validate grant files; a directory means every *.yaml/*.yml below it (recursive). Problems go to stdout, ' +
        'one per line as "<file>: <field path>: <message>"; warnings and the summary go to stderr. Writes nothing.',
    )
    .argument('<paths...>', 'grant files and/or directories of grant files')
    .action((paths: string[]) => {
      const report = checkPaths(paths);
      for (const line of report.warningLines) process.stderr.write(`${line}\n`);
      if (report.problemLines.length > 0) {
        process.stdout.write(report.problemLines.map((l) => `${l}\n`).join(''));
        const n = report.problemLines.length;
        process.stderr.write(
          `kinesis-access check: ${n} problem${n === 1 ? '' : 's'} (${report.filesChecked} grant files read)\n`,
        );
        process.exitCode = ExitCode.Invalid;
        return;
      }
      const n = report.filesChecked;
      process.stderr.write(`kinesis-access check: ${n} grant file${n === 1 ? '' : 's'} valid\n`);
      process.exitCode = ExitCode.Ok;
    });
}
