/**
 * Running the real `terraform` CLI (only `fmt` at synth time; tests and the bench use the rest).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The terraform binary: `$KINESIS_ACCESS_TERRAFORM`, else the first `terraform` on PATH; undefined if none. */
export function findTerraform(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const explicit = env.KINESIS_ACCESS_TERRAFORM;
  if (explicit !== undefined && explicit !== '') return fs.existsSync(explicit) ? explicit : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'terraform');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Environment for terraform: checkpoint off, and a `TF_CLI_CONFIG_FILE` that points at a missing file dropped
 * (terraform would warn on every call).
 */
export function terraformEnv(
  base: Readonly<Record<string, string | undefined>> = process.env,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) env[k] = v;
  if (env.TF_CLI_CONFIG_FILE !== undefined && !fs.existsSync(env.TF_CLI_CONFIG_FILE))
    delete env.TF_CLI_CONFIG_FILE;
  env.CHECKPOINT_DISABLE = '1';
  env.TF_IN_AUTOMATION = '1';
  return { ...env, ...extra };
}

/** Run terraform with arguments; never throws for a non-zero exit (see `code`). */
export function runTerraform(
  binary: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: Record<string, string> } = {},
): Promise<TerraformRun> {
  return runProcess(binary, args, { cwd: options.cwd, env: options.env ?? terraformEnv() });
}

/** Run a program with its output collected (also the tests' way to run the cdktf CLI); never throws for a non-zero exit. */
export function runProcess(
  binary: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env: Record<string, string> },
): Promise<TerraformRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}
