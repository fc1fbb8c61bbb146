import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The workspace root (where pnpm-workspace.yaml is). */
export const WORKSPACE = path.resolve(__dirname, '../../../..');

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly input?: string;
}

/** Runs a command; resolves with its exit code and output (never rejects on a non-zero exit). */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    if (child.stdin) {
      child.stdin.on('error', () => {}); // a command that exits before reading its input
      child.stdin.end(options.input);
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        ms: Date.now() - started,
      });
    });
  });
}

/** Like {@link run}, but throws with the command's output when it exits non-zero. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}:\n` +
        `${result.stderr.slice(-6000)}\n${result.stdout.slice(-6000)}`,
    );
  }
  return result;
}

export interface PublicPackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
}

/** Every non-private workspace package (packages/*, plugins/*): what a release publishes. */
export function publicPackages(): PublicPackage[] {
  const out: PublicPackage[] = [];
  for (const group of ['packages', 'plugins']) {
    for (const entry of fs.readdirSync(path.join(WORKSPACE, group)).sort()) {
      const file = path.join(WORKSPACE, group, entry, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (!pkg.private) out.push({ name: pkg.name, version: pkg.version, dir: path.dirname(file) });
    }
  }
  return out;
}

/** Every file under dir, relative and '/'-separated, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const absolute = path.join(current, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else out.push(path.relative(dir, absolute).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every directory under root/node_modules (any depth) that holds the package `name`. */
export function installedCopies(root: string, name: string): string[] {
  const found: string[] = [];
  const visit = (nodeModules: string) => {
    if (!fs.existsSync(nodeModules)) return;
    const candidate = path.join(nodeModules, name, 'package.json');
    if (fs.existsSync(candidate)) found.push(path.dirname(candidate));
    for (const entry of fs.readdirSync(nodeModules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const dirs = entry.name.startsWith('@')
        ? fs.readdirSync(path.join(nodeModules, entry.name)).map((n) => path.join(nodeModules, entry.name, n))
        : [path.join(nodeModules, entry.name)];
      for (const dir of dirs) visit(path.join(dir, 'node_modules'));
    }
  };
  visit(path.join(root, 'node_modules'));
  return found.sort();
}

/** Total size in bytes of the files under dir (symlinks not followed). */
export function diskBytes(dir: string): number {
  let total = 0;
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const absolute = path.join(current, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile()) total += fs.statSync(absolute).size;
    }
  };
  walk(dir);
  return total;
}
