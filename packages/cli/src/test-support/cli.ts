/** Helpers for tests that run the real built CLI (`node bin/kinesis-access.js`) on temporary files. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const PACKAGE_DIR = path.resolve(__dirname, '..', '..');
export const REPO_ROOT = path.resolve(PACKAGE_DIR, '..', '..');
export const BIN = path.join(PACKAGE_DIR, 'bin', 'kinesis-access.js');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples', 'grants');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Fails loudly when the CLI has not been built: these tests exercise the real bin, not the sources. */
export function assertBuilt(): void {
  const main = path.join(PACKAGE_DIR, 'dist', 'main.js');
  if (!fs.existsSync(main)) {
    throw new Error(
      `${main} is missing: build the CLI first (pnpm turbo run build --filter=@kinesis-access/cli)`,
    );
  }
}

export interface RunOptions {
  readonly cwd?: string;
  readonly bin?: string;
  /** Fail the test when the run created, changed or removed anything below its working directory. */
  readonly writesNothing?: boolean;
}

export function runCli(args: readonly string[], options: RunOptions = {}): CliRun {
  const cwd = options.cwd ?? PACKAGE_DIR;
  const before = options.writesNothing ? snapshotTree(cwd) : undefined;
  const result = spawnSync(process.execPath, [options.bin ?? BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  if (before !== undefined) expect(snapshotTree(cwd)).toEqual(before);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempTrees: string[] = [];
// Every temporary tree goes when its test file is done (this module is only loaded by jest test files).
afterAll(() => {
  for (const dir of tempTrees.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory holding `files` (relative path → content), removed after the test file. */
export function tempTree(files: Readonly<Record<string, string>> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-cli-'));
  tempTrees.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** Every entry below `dir` with its size and modification time: equal snapshots mean nothing was written. */
export function snapshotTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const name of fs.readdirSync(current).sort()) {
      const full = path.join(current, name);
      const stat = fs.lstatSync(full);
      out.push(`${path.relative(dir, full)} ${stat.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}`);
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

/** The field-path contract of a problem line: `<file>: <field path>: <message>`. */
export function problemLinePattern(file: string): RegExp {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}: (\\(document\\)|[A-Za-z][A-Za-z0-9_.\\[\\]]*): \\S.*$`);
}
