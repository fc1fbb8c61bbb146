import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, EXAMPLES_DIR, PACKAGE_DIR, runCli, tempTree } from './test-support/cli';
import { grantYaml } from './test-support/grant-yaml';

describe('kinesis-access program', () => {
  it('prints its version and help with exit 0', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['check', 'render', 'synth', 'verify', 'diff'])
      expect(help.stdout).toContain(command);
    expect(help.stdout).toMatch(/Exit codes: 0 ok; 1 invalid/);
  });

  it('treats unknown commands, unknown options and no command as usage errors (exit 2)', () => {
    expect(runCli(['frobnicate'])).toMatchObject({ code: 2, stdout: '' });
    expect(runCli(['check', '--strict', EXAMPLES_DIR])).toMatchObject({ code: 2, stdout: '' });
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Usage: kinesis-access/);
  });

  it('tells the user to build when dist is missing (exit 3)', () => {
    const dir = tempTree();
    fs.mkdirSync(path.join(dir, 'bin'));
    const bin = path.join(dir, 'bin', 'kinesis-access.js');
    fs.copyFileSync(BIN, bin);
    const run = runCli(['check', EXAMPLES_DIR], { bin, cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/not built.*\n.*pnpm build/);
  });

  it('loads no cdktf code for check, render and diff (startup stays fast)', () => {
    const script = `
      const cli = require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'main.js'))});
      (async () => {
        await cli.main(['node', 'kinesis-access', 'check', ${JSON.stringify(EXAMPLES_DIR)}]);
        await cli.main(['node', 'kinesis-access', 'render', ${JSON.stringify(path.join(EXAMPLES_DIR, 'clickpipes-orders.yaml'))}]);
        await cli.main(['node', 'kinesis-access', 'diff', ${JSON.stringify(EXAMPLES_DIR)}, ${JSON.stringify(EXAMPLES_DIR)}]);
        process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n');
      })();
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const marker = run.stderr.split('\n').find((l) => l.startsWith('LOADED '));
    expect(marker).toBeDefined();
    const loaded = JSON.parse((marker ?? 'LOADED []').slice('LOADED '.length)) as string[];
    expect(loaded.some((m) => m.includes(`${path.sep}policy-model${path.sep}`))).toBe(true);
    expect(
      loaded.filter((m) => /[\\/](cdktf|@cdktf|constructs)[\\/]|[\\/]packages[\\/]cdktf[\\/]/.test(m)),
    ).toEqual([]);
  });

  it('ends quietly when stdout is closed early (render | head), even for output larger than a pipe buffer', () => {
    const streams = Array.from(
      { length: 600 },
      (_, i) =>
        `    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/stream-number-${String(i).padStart(4, '0')}`,
    );
    const dir = tempTree({
      'big.yaml': `${grantYaml({ name: 'big-reader', profile: 'read' }).replace(/ {2}streams:\n.*\n/, '')}  quotas:\n    maxManagedPolicies: 20\n  streams:\n${streams.join('\n')}\n`,
    });
    const full = runCli(['render', 'big.yaml'], { cwd: dir });
    expect(full.code).toBe(0);
    expect(full.stdout.length).toBeGreaterThan(100_000); // more than a pipe buffer: head closes the pipe mid-write
    const run = spawnSync(
      'bash',
      ['-c', `node "${BIN}" render big.yaml | head -c 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toBe('status=0\n');
    expect(run.stderr).toBe('');
  });
});
