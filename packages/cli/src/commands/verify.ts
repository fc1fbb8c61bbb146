import type { Command } from 'commander';
import { ExitCode } from '../exit-codes';

/**
 * PLACEHOLDER written by the CLI work so the CLI builds before the CDKTF work lands; the CDKTF work replaces
 * this file with the freshness check (fails when committed Terraform no longer matches the grants).
 * Lazy-require `@kinesis-access/cdktf` inside the action only.
 */
export function register(program: Command): void {
  program
    .command('verify')
    .description('fail when committed generated Terraform no longer matches the grants (not available yet)')
    .argument('<grants-dir>', 'directory of grant files')
    .requiredOption('--out <dir>', 'directory holding the committed generated Terraform')
    .action(() => {
      process.stderr.write(
        'kinesis-access verify: not available in this build yet (CDKTF work in progress)\n',
      );
      process.exitCode = ExitCode.Internal;
    });
}
