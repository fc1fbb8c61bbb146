import * as fs from 'node:fs';
import { loadGrant } from '@kinesis-access/grant-files';
import { canonicalJson, formatProblem, renderJson, renderSummary } from '@kinesis-access/policy-model';
import { type Command, Option } from 'commander';
import { ExitCode } from '../exit-codes';

export const RENDER_FORMATS = ['json', 'markdown'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export function register(program: Command): void {
  program
    .command('render')
    .summary('print the IAM one grant creates (json) or its review summary (markdown)')
    .description(
      'print what one grant creates: --format json (roleName, rolePath, trustPolicy, policies, resourcePolicies; ' +
        'canonical JSON) or --format markdown (the review summary). Problems and warnings go to stderr; on a ' +
        'problem nothing is printed on stdout.',
    )
    .argument('<grant>', 'one grant file')
    .addOption(new Option('--format <format>', 'output format').choices(RENDER_FORMATS).default('json'))
    .action((grant: string, options: { format: RenderFormat }) => {
      const stat = fs.statSync(grant, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        process.stderr.write(
          `${grant}: (document): is a directory; render takes one grant file (use check for directories)\n`,
        );
        process.exitCode = ExitCode.Invalid;
        return;
      }
      const loaded = loadGrant({ displayPath: grant, absolutePath: grant });
      if (!loaded.ok) {
        process.stderr.write(loaded.problems.map((p) => `${formatProblem(p, grant)}\n`).join(''));
        process.exitCode = ExitCode.Invalid;
        return;
      }
      for (const warning of loaded.plan.warnings) process.stderr.write(`${grant}: warning: ${warning}\n`);
      const out =
        options.format === 'json' ? canonicalJson(renderJson(loaded.plan)) : renderSummary(loaded.plan);
      process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
      process.exitCode = ExitCode.Ok;
    });
}
