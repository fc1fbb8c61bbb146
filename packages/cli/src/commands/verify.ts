import type { Command } from 'commander';
import { runVerify, type SynthCommandOptions } from './synth';

/**
 * The freshness check for pipelines (like `terraform fmt -check`): exit 1, listing each file, when the committed
 * generated Terraform under --out no longer matches what the grants produce, and print the synth command to run.
 * Writes nothing. `kinesis-access synth <dir> --out <out> --check` does the same.
 */
export function register(program: Command): void {
  program
    .command('verify')
    .summary('fail when committed generated Terraform no longer matches the grants (writes nothing)')
    .description(
      'compare <out> with a fresh in-memory synth of <grants-dir>: missing, out-of-date and orphaned stack files ' +
        'are listed on stdout and the command exits 1 with the `kinesis-access synth` line to run. Exit 0 when ' +
        'everything matches byte for byte.',
    )
    .argument('<grants-dir>', 'directory of grant files (*.yaml, *.yml; recursive)')
    .requiredOption('--out <dir>', 'directory holding the committed generated Terraform')
    .option('--hcl', 'the committed files are Terraform native syntax (cdk.tf) written with synth --hcl')
    .option('--config <cdktf.json>', 'settings file (default: cdktf.json next to <grants-dir>)')
    .option('--layout <layout>', 'stack layout: grant (default) or account')
    .action(async (grantsDir: string, options: SynthCommandOptions) => {
      process.exitCode = await runVerify(grantsDir, options);
    });
}
