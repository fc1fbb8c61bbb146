/**
 * What the install scenarios share: the registry and temporary root that install.test.ts starts once for all of
 * them, the versions the release published, and a fresh npm project installed from the registry.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { publicPackages, type RunResult, run } from '../lib/process';
import type { LocalRegistry } from '../lib/registry';

/** Filled by install.test.ts's `beforeAll`; read only inside hooks and tests. */
export interface InstallRun {
  registry: LocalRegistry;
  /** A temporary folder outside the workspace; each scenario installs into its own folder below it. */
  root: string;
}

/** The version of a public workspace package (what the release published). */
export const versionOf = (name: string) => {
  const pkg = publicPackages().find((p) => p.name === name);
  if (!pkg) throw new Error(`no public package ${name}`);
  return pkg.version;
};

/** Plain npm against the registry, in cwd. */
export const npm = (installRun: InstallRun, args: string[], cwd: string) =>
  run('npm', args, { cwd, env: installRun.registry.env, timeoutMs: 15 * 60_000 });

/**
 * Makes `root/<folder>` a private npm project named `name` with `manifest` (dependencies and the like) as the rest
 * of its package.json, and runs `npm install` there. Resolves with the folder and npm's result.
 */
export async function installNpmProject(
  installRun: InstallRun,
  folder: string,
  name: string,
  manifest: Record<string, unknown>,
): Promise<{ dir: string; install: RunResult }> {
  const dir = path.join(installRun.root, folder);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, ...manifest }));
  const install = await npm(installRun, ['install', '--no-audit', '--no-fund'], dir);
  return { dir, install };
}
