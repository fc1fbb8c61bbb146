/**
 * Install sizes for docs/benchmarks.md: publishes the workspace packages to a local Verdaccio, then in empty
 * folders runs `npm install <package>` with an empty npm cache (every tarball comes from the registry; Verdaccio
 * serves third-party packages from its uplink cache, so the time is npm's own work plus local transfer, not the
 * internet). Prints, per package: seconds, MB on disk in node_modules, number of packages.
 *
 *   pnpm build && node packages/install-test/dist/tools/measure-install.js
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diskBytes, publicPackages, runOk } from '../lib/process';
import { startRegistry } from '../lib/registry';

const TARGETS = [
  '@kinesis-access/cli',
  '@kinesis-access/plugin-scaffolder-backend-module-kinesis-access',
  '@kinesis-access/plugin-scaffolder-module-kinesis-access',
];

async function main(): Promise<void> {
  const registry = await startRegistry();
  const rows: string[] = [];
  try {
    for (const name of TARGETS) {
      const version = publicPackages().find((p) => p.name === name)?.version;
      // Warm Verdaccio's uplink cache first, so the measured run does not time the internet.
      const warm = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-measure-warm-'));
      await runOk('npm', ['install', '--no-audit', '--no-fund', `${name}@${version}`], {
        cwd: warm,
        env: registry.env,
      });
      fs.rmSync(warm, { recursive: true, force: true });

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-measure-'));
      const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-measure-cache-'));
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'measure', private: true }));
      const env = { ...registry.env, npm_config_cache: cache };
      const install = await runOk('npm', ['install', '--no-audit', '--no-fund', `${name}@${version}`], {
        cwd: dir,
        env,
      });
      const ls = await runOk('npm', ['ls', '--all', '--parseable'], { cwd: dir, env }).catch((e) => ({
        stdout: String(e),
      }));
      const count = new Set(ls.stdout.split('\n').filter((l) => l.includes('node_modules'))).size;
      const mb = diskBytes(path.join(dir, 'node_modules')) / 1e6;
      rows.push(`| \`${name}\` | ${(install.ms / 1000).toFixed(1)} s | ${mb.toFixed(0)} MB | ${count} |`);
      console.log(rows[rows.length - 1]);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cache, { recursive: true, force: true });
    }
  } finally {
    await registry.stop();
  }
  console.log(
    ['', '| package | npm install | node_modules | packages |', '|---|---|---|---|', ...rows].join('\n'),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
