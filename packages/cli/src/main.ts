import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { register as registerCheck } from './commands/check';
import { register as registerDiff } from './commands/diff';
import { register as registerRender } from './commands/render';
import { register as registerSynth } from './commands/synth';
import { register as registerVerify } from './commands/verify';
import { ExitCode } from './exit-codes';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The `kinesis-access` program. Each command lives in `src/commands/<name>.ts` and exports `register(program)`.
 * Command modules must keep their top level cheap: heavy packages (cdktf) are required inside the action.
 */
export function createProgram(): Command {
  const program = new Command('kinesis-access')
    .description(
      'Check, render, synthesize and diff Kinesis access grant files (one policy model, many renderers).',
    )
    .version(packageVersion())
    .showHelpAfterError('(run "kinesis-access --help" for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok; 1 invalid grants or unreadable input; 2 usage error; 3 not built or internal error.',
    )
    // Usage errors throw instead of exiting, so main() can map them to exit code 2. Set before the commands are
    // registered: subcommands copy this setting when they are created.
    .exitOverride();
  registerCheck(program);
  registerRender(program);
  registerSynth(program);
  registerVerify(program);
  registerDiff(program);
  return program;
}

/** Run the CLI; resolves to the process exit code (see exit-codes.ts). */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`kinesis-access: internal error (please report): ${detail}\n`);
    return ExitCode.Internal;
  }
  const code = process.exitCode;
  return typeof code === 'number' ? code : Number(code ?? ExitCode.Ok);
}
