/**
 * Installed as a user would: every public package is published to a real Verdaccio on 127.0.0.1 (third-party
 * packages come through its uplink to the npm registry), then installed with plain npm/pnpm in temporary folders
 * outside the workspace. This file starts the registry once (a release takes minutes) and declares three scenarios,
 * each in its own module under scenarios/:
 *   (a) infra-repo.ts: an infra repository made from examples/infra-repo: check, synth, verify, cdktf synth,
 *       terraform validate and an offline plan; its output byte-identical to the workspace's;
 *   (b) backend.ts: a Backstage backend with the current scaffolder and the action module: a dry-run of the real
 *       template;
 *   (c) form-fields.ts: the form-field module beside React 18 and the current scaffolder-react: no peer conflicts,
 *       one copy of each Backstage package.
 * Nothing here is a stand-in except GitHub, which a dry-run never calls (the integration gets a placeholder token).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { publicPackages } from './lib/process';
import { startRegistry } from './lib/registry';
import { describeBackend } from './scenarios/backend';
import type { InstallRun } from './scenarios/context';
import { describeFormFields } from './scenarios/form-fields';
import { describeInfraRepo } from './scenarios/infra-repo';

const installRun = {} as InstallRun;
const registryLog: string[] = [];

beforeAll(async () => {
  installRun.root = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-install-'));
  installRun.registry = await startRegistry((line) => registryLog.push(line));
}, 10 * 60_000);

afterAll(async () => {
  await installRun.registry?.stop();
  if (installRun.root) fs.rmSync(installRun.root, { recursive: true, force: true });
});

it('pnpm release publishes every public package to the registry in the environment', () => {
  const { registry } = installRun;
  expect(registry.published).toEqual(
    publicPackages()
      .map((p) => `${p.name}@${p.version}`)
      .sort(),
  );
});

it('the release dry-run prints the versions it would publish, and nothing once they are there', () => {
  const { registry } = installRun;
  expect(registry.dryRunBefore).toContain(`Registry: ${registry.url}`);
  for (const p of publicPackages()) expect(registry.dryRunBefore).toContain(`  ${p.name}@${p.version} `);
  expect(registry.dryRunAfter).toContain('Nothing to publish');
});

describeInfraRepo(installRun);
describeBackend(installRun);
describeFormFields(installRun);
