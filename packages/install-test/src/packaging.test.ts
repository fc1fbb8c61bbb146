/**
 * Every public package, packed as `pnpm publish` would pack it, passes publint (strict: warnings count) and
 * Are the Types Wrong (every entry point under node10, node16 CJS/ESM and bundler resolution), and holds only what
 * a user needs: built code and types, no tests, no sources.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listFiles, publicPackages, run, runOk, WORKSPACE } from './lib/process';

const packages = publicPackages();
let packDir: string;
const tarballs = new Map<string, string>();

beforeAll(async () => {
  packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-pack-'));
  for (const pkg of packages) {
    const before = new Set(fs.readdirSync(packDir));
    await runOk('pnpm', ['pack', '--pack-destination', packDir], { cwd: pkg.dir });
    const created = fs.readdirSync(packDir).filter((f) => !before.has(f));
    if (created.length !== 1)
      throw new Error(`pnpm pack in ${pkg.dir} wrote ${created.join(', ') || 'nothing'}`);
    tarballs.set(pkg.name, path.join(packDir, created[0] as string));
  }
});

afterAll(() => {
  if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
});

const bin = (name: string) => path.join(__dirname, '..', 'node_modules', '.bin', name);

it('publishes the packages users install', () => {
  expect(packages.map((p) => p.name).sort()).toEqual([
    '@kinesis-access/cdktf',
    '@kinesis-access/cli',
    '@kinesis-access/grant-files',
    '@kinesis-access/plugin-scaffolder-backend-module-kinesis-access',
    '@kinesis-access/plugin-scaffolder-module-kinesis-access',
    '@kinesis-access/policy-model',
  ]);
});

describe.each(packages.map((p) => [p.name, p] as const))('%s', (name, pkg) => {
  it('passes publint with warnings as errors', async () => {
    const result = await run(bin('publint'), ['run', tarballs.get(name) as string, '--strict'], {
      cwd: WORKSPACE,
    });
    expect({ code: result.code, output: result.stdout + result.stderr }).toEqual({
      code: 0,
      output: expect.stringContaining('All good!'),
    });
  });

  it('has correct types for every entry point (attw)', async () => {
    const result = await run(bin('attw'), [tarballs.get(name) as string, '--format', 'json'], {
      cwd: WORKSPACE,
    });
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[]; entrypoints: object } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).length).toBeGreaterThan(0);
    expect(result.code).toBe(0);
  });

  it('packs built code, types and the manifest; no tests, sources or test helpers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-unpack-'));
    try {
      await runOk('tar', ['-xzf', tarballs.get(name) as string, '-C', dir], { cwd: dir });
      const files = listFiles(path.join(dir, 'package'));
      expect(files).toContain('package.json');
      expect(files).toContain('dist/index.js');
      expect(files).toContain('dist/index.d.ts');
      expect(files.filter((f) => /\.test\.|test-support|^src\/|\.tsbuildinfo$/.test(f))).toEqual([]);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package', 'package.json'), 'utf8'));
      // pnpm pack replaced every workspace: range with the version it points at.
      expect(JSON.stringify(manifest)).not.toContain('workspace:');
      for (const field of ['license', 'repository', 'engines', 'exports', 'files', 'publishConfig'])
        expect(manifest[field]).toBeDefined();
      expect(manifest.version).toBe(pkg.version);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Backstage packages follow Backstage conventions', () => {
  const manifest = (name: string) => {
    const pkg = packages.find((p) => p.name === name);
    if (!pkg) throw new Error(`no package ${name}`);
    return JSON.parse(fs.readFileSync(path.join(pkg.dir, 'package.json'), 'utf8'));
  };
  const backendModule = manifest('@kinesis-access/plugin-scaffolder-backend-module-kinesis-access');
  const frontendModule = manifest('@kinesis-access/plugin-scaffolder-module-kinesis-access');

  it('declares role, plugin id, plugin package and default features', () => {
    expect(backendModule.backstage).toEqual({
      role: 'backend-plugin-module',
      pluginId: 'scaffolder',
      pluginPackage: '@backstage/plugin-scaffolder-backend',
      features: { '.': '@backstage/BackendFeature' },
    });
    expect(frontendModule.backstage).toEqual({
      role: 'frontend-plugin-module',
      pluginId: 'scaffolder',
      pluginPackage: '@backstage/plugin-scaffolder',
      features: { './alpha': '@backstage/FrontendModule' },
    });
  });

  it('depends on @backstage/* with caret ranges only', () => {
    for (const pkg of [backendModule, frontendModule]) {
      const ranges = Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies }).filter(([n]) =>
        n.startsWith('@backstage/'),
      );
      expect(ranges.length).toBeGreaterThan(0);
      for (const [dep, range] of ranges) expect(`${dep}@${range}`).toMatch(/@\^\d+\.\d+\.\d+$/);
    }
  });

  it('takes React, React DOM and React Router from the app (peers, not dependencies)', () => {
    for (const peer of ['react', 'react-dom', 'react-router-dom']) {
      expect(frontendModule.peerDependencies[peer]).toMatch(/^\^/);
      expect(frontendModule.dependencies[peer]).toBeUndefined();
    }
  });
});
