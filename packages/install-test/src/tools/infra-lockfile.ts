/**
 * Regenerates examples/infra-repo/pnpm-lock.yaml: publishes the workspace packages to a local Verdaccio, installs
 * the example from it (third-party packages through the uplink, as a user would get them) and copies the
 * lockfile back. Run after changing the example's dependencies or a release:
 *
 *   pnpm build && node packages/install-test/dist/tools/infra-lockfile.js
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runOk, WORKSPACE } from '../lib/process';
import { startRegistry } from '../lib/registry';

async function main(): Promise<void> {
  const example = path.join(WORKSPACE, 'examples/infra-repo');
  const registry = await startRegistry();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-infra-lock-'));
  try {
    fs.copyFileSync(path.join(example, 'package.json'), path.join(dir, 'package.json'));
    await runOk('pnpm', ['install', '--lockfile-only', '--registry', registry.url], {
      cwd: dir,
      env: registry.env,
    });
    fs.copyFileSync(path.join(dir, 'pnpm-lock.yaml'), path.join(example, 'pnpm-lock.yaml'));
    console.log(
      `wrote ${path.relative(process.cwd(), path.join(example, 'pnpm-lock.yaml'))} (${registry.published.join(', ')})`,
    );
  } finally {
    await registry.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
