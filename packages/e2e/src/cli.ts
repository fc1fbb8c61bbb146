import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '..', '..', 'cli', 'bin', 'kinesis-access.js');

/** Runs the workspace's `kinesis-access` CLI in `cwd`; resolves with its exit code and output (stdout + stderr). */
export async function kinesisAccess(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; output: string }> {
  return await run(process.execPath, [CLI, ...args], { cwd }).then(
    (result) => ({ code: 0, output: result.stdout + result.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}
