import type { Command } from 'commander';
import { ExitCode } from '../exit-codes';

/**
 * PLACEHOLDER written by the CLI work so the CLI builds before the CDKTF work lands; the CDKTF work replaces
 * this file. Contract (DESIGN.md): `kinesis-access synth <grants-dir> --out <dir>`.
 * Lazy-require `@kinesis-access/cdktf` inside the action only: it is heavy and must not slow `check`/`render`.
 */
export function register(program: Command): void {
  program
    .command('synth')
    .description('write the Terraform (cdktf output) for a grants directory (not available yet)')
    .argument('<grants-dir>', 'directory of grant files')
    .requiredOption('--out <dir>', 'output directory')
    .action(() => {
      process.stderr.write(
        'kinesis-access synth: not available in this build yet (CDKTF work in progress)\n',
      );
      process.exitCode = ExitCode.Internal;
    });
}
