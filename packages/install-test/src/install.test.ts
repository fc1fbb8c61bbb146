/**
 * Installed as a user would: every public package is published to a real Verdaccio on 127.0.0.1 (third-party
 * packages come through its uplink to the npm registry), then installed with plain npm/pnpm in temporary folders
 * outside the workspace.
 *   (a) an infra repository made from examples/infra-repo: check, synth, verify, cdktf synth, terraform validate
 *       and an offline plan; its output byte-identical to the workspace's;
 *   (b) a Backstage backend with the current scaffolder and the action module: a dry-run of the real template;
 *   (c) the form-field module beside React 18 and the current scaffolder-react: no peer conflicts, one copy of
 *       each Backstage package.
 * Nothing here is a stand-in except GitHub, which a dry-run never calls (the integration gets a placeholder token).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { installedCopies, listFiles, publicPackages, run, runOk, WORKSPACE } from './lib/process';
import { type LocalRegistry, startRegistry } from './lib/registry';

// Test-only terraform helpers of the cdktf package (a CommonJS file, not part of any published package).
const offline = require(path.join(WORKSPACE, 'packages/cdktf/src/test-support/offline-terraform.js')) as {
  terraformTestEnv(dir: string, env?: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv };
  writeOfflineOverride(stackDir: string): void;
  terraformOk(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ stdout: string }>;
};

const INFRA_EXAMPLE = path.join(WORKSPACE, 'examples/infra-repo');
const TEMPLATE = path.join(WORKSPACE, 'templates/grant-clickpipes-kinesis-access/template.yaml');
const versionOf = (name: string) => {
  const pkg = publicPackages().find((p) => p.name === name);
  if (!pkg) throw new Error(`no public package ${name}`);
  return pkg.version;
};
const BACKEND_MODULE = '@kinesis-access/plugin-scaffolder-backend-module-kinesis-access';
const FRONTEND_MODULE = '@kinesis-access/plugin-scaffolder-module-kinesis-access';

let registry: LocalRegistry;
let root: string;
const registryLog: string[] = [];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-install-'));
  registry = await startRegistry((line) => registryLog.push(line));
}, 10 * 60_000);

afterAll(async () => {
  await registry?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const npm = (args: string[], cwd: string) =>
  run('npm', args, { cwd, env: registry.env, timeoutMs: 15 * 60_000 });

it('pnpm release publishes every public package to the registry in the environment', () => {
  expect(registry.published).toEqual(
    publicPackages()
      .map((p) => `${p.name}@${p.version}`)
      .sort(),
  );
});

it('the release dry-run prints the versions it would publish, and nothing once they are there', () => {
  expect(registry.dryRunBefore).toContain(`Registry: ${registry.url}`);
  for (const p of publicPackages()) expect(registry.dryRunBefore).toContain(`  ${p.name}@${p.version} `);
  expect(registry.dryRunAfter).toContain('Nothing to publish');
});

describe('(a) an infra repository made from examples/infra-repo', () => {
  let repo: string;
  const kinesisAccess = (args: string[]) =>
    run(path.join(repo, 'node_modules/.bin/kinesis-access'), args, { cwd: repo, env: registry.env });

  beforeAll(async () => {
    repo = path.join(root, 'infra');
    fs.cpSync(INFRA_EXAMPLE, repo, {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|cdktf\.out|\.terraform)([\\/]|$)/.test(src),
    });
    // --update-checksums: the @kinesis-access/* tarballs were just built, so their integrity differs from the
    // lockfile's; every version stays as locked (the next test checks that).
    await runOk(
      'pnpm',
      [
        'install',
        '--update-checksums',
        '--no-frozen-lockfile',
        '--registry',
        registry.url,
        '--config.confirmModulesPurge=false',
        '--config.fetch-retries=1',
      ],
      {
        cwd: repo,
        env: { ...registry.env, CI: 'true' },
        timeoutMs: 15 * 60_000,
      },
    );
  }, 20 * 60_000);

  it('asks for the published versions, and its committed lockfile pins every third-party package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(INFRA_EXAMPLE, 'package.json'), 'utf8'));
    for (const name of ['@kinesis-access/cli', '@kinesis-access/cdktf'])
      expect({ name, ok: semver.satisfies(versionOf(name), manifest.dependencies[name]) }).toEqual({
        name,
        ok: true,
      });
    // The install resolved nothing new: every package in the committed lockfile stays, at the same version.
    // (Only the integrity of @kinesis-access/* tarballs changes with each build, so those entries are left out.)
    const keys = (file: string) =>
      Object.keys((parseYaml(fs.readFileSync(file, 'utf8')) as { packages?: object }).packages ?? {})
        .filter((k) => !k.startsWith('@kinesis-access/'))
        .sort();
    const committed = keys(path.join(INFRA_EXAMPLE, 'pnpm-lock.yaml'));
    expect(committed.length).toBeGreaterThan(100);
    expect(keys(path.join(repo, 'pnpm-lock.yaml'))).toEqual(committed);
  });

  it('installed the CLI from the registry, not from the workspace', () => {
    const cli = fs.realpathSync(path.join(repo, 'node_modules/@kinesis-access/cli'));
    expect(cli.startsWith(fs.realpathSync(repo))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(cli, 'package.json'), 'utf8')).version).toBe(
      versionOf('@kinesis-access/cli'),
    );
  });

  it('checks, synthesizes and verifies: byte-identical to the workspace', async () => {
    expect(await kinesisAccess(['check', 'grants'])).toMatchObject({ code: 0 });
    const installed = await kinesisAccess(['synth', 'grants', '--out', 'out-installed']);
    expect(installed).toMatchObject({ code: 0 });
    const workspace = await run(
      process.execPath,
      [
        path.join(WORKSPACE, 'packages/cli/bin/kinesis-access.js'),
        'synth',
        'grants',
        '--out',
        'out-workspace',
      ],
      { cwd: repo },
    );
    expect(workspace).toMatchObject({ code: 0 });
    const files = listFiles(path.join(repo, 'out-installed'));
    expect(files.length).toBeGreaterThan(0);
    expect(listFiles(path.join(repo, 'out-workspace'))).toEqual(files);
    for (const file of files)
      expect({
        file,
        same: fs
          .readFileSync(path.join(repo, 'out-installed', file))
          .equals(fs.readFileSync(path.join(repo, 'out-workspace', file))),
      }).toEqual({ file, same: true });
    // The committed generated/ is what both produce, so verify passes.
    expect(await kinesisAccess(['verify', 'grants', '--out', 'generated'])).toMatchObject({ code: 0 });
  });

  it('runs cdktf synth, then terraform validate and an offline plan on every stack', async () => {
    // cdktf.json's app is the installed `kinesis-access-cdktf` bin: on PATH as `pnpm exec` and npm scripts put it.
    const bin = path.join(repo, 'node_modules/.bin');
    const synth = await run(path.join(bin, 'cdktf'), ['synth'], {
      cwd: repo,
      env: {
        ...registry.env,
        PATH: `${bin}${path.delimiter}${registry.env.PATH ?? ''}`,
        CHECKPOINT_DISABLE: '1',
        CI: 'true',
      },
      timeoutMs: 5 * 60_000,
    });
    expect({ code: synth.code, stderr: synth.code === 0 ? '' : synth.stderr + synth.stdout }).toEqual({
      code: 0,
      stderr: '',
    });
    const stacks = fs.readdirSync(path.join(repo, 'cdktf.out/stacks')).sort();
    expect(stacks).toEqual(fs.readdirSync(path.join(repo, 'generated/stacks')).sort());
    const tf = offline.terraformTestEnv(path.join(root, 'terraform-config'));
    for (const stack of stacks) {
      const dir = path.join(repo, 'cdktf.out/stacks', stack);
      expect(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')).toBe(
        fs.readFileSync(path.join(repo, 'generated/stacks', stack, 'cdk.tf.json'), 'utf8'),
      );
      offline.writeOfflineOverride(dir);
      // The example keeps state in S3; an offline plan uses local state instead.
      fs.writeFileSync(
        path.join(dir, 'zz_local_backend_override.tf.json'),
        JSON.stringify({ terraform: { backend: { local: { path: 'terraform.tfstate' } } } }),
      );
      await offline.terraformOk(['init', '-input=false', '-no-color'], { cwd: dir, env: tf.env });
      await offline.terraformOk(['validate', '-no-color'], { cwd: dir, env: tf.env });
      await offline.terraformOk(['plan', '-input=false', '-no-color', '-out=plan.out'], {
        cwd: dir,
        env: tf.env,
      });
      const shown = JSON.parse(
        (await offline.terraformOk(['show', '-json', 'plan.out'], { cwd: dir, env: tf.env })).stdout,
      );
      const created = (shown.resource_changes as { type: string; change: { actions: string[] } }[]).filter(
        (r) => r.change.actions.includes('create'),
      );
      expect(created.map((r) => r.type)).toContain('aws_iam_role');
    }
  });
});

describe('(b) a Backstage backend with the current scaffolder and the action module', () => {
  let app: string;
  beforeAll(async () => {
    app = path.join(root, 'backend');
    fs.mkdirSync(app);
    fs.writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({
        name: 'backstage-backend',
        private: true,
        dependencies: {
          '@backstage/backend-defaults': '^0.19.0',
          '@backstage/plugin-scaffolder-backend': '^4.3.0',
          '@backstage/plugin-scaffolder-backend-module-github': '^0.10.4',
          [BACKEND_MODULE]: `^${versionOf(BACKEND_MODULE)}`,
        },
      }),
    );
    const install = await npm(['install', '--no-audit', '--no-fund'], app);
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr.slice(-8000)}`);
  }, 20 * 60_000);

  it('installs one copy of each Backstage package', () => {
    for (const name of [
      '@backstage/plugin-scaffolder-node',
      '@backstage/backend-plugin-api',
      '@backstage/plugin-scaffolder-common',
      '@backstage/errors',
      '@backstage/config',
    ])
      expect({ name, copies: installedCopies(app, name).length }).toEqual({ name, copies: 1 });
  });

  it(
    'loads the module with backend.add(import(...)) and runs a dry-run of the template',
    async () => {
      const port = 7900 + Math.floor(Math.random() * 100);
      const token = `install-test-${Date.now()}`;
      fs.writeFileSync(
        path.join(app, 'app-config.yaml'),
        [
          'backend:',
          `  baseUrl: http://127.0.0.1:${port}`,
          `  listen: { port: ${port}, host: 127.0.0.1 }`,
          "  database: { client: better-sqlite3, connection: ':memory:' }",
          '  auth:',
          `    externalAccess: [{ type: static, options: { token: ${token}, subject: install-test } }]`,
          'integrations:',
          '  github: [{ host: github.com, token: placeholder-a-dry-run-never-calls-github }]',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        path.join(app, 'index.js'),
        [
          "const { createBackend } = require('@backstage/backend-defaults');",
          'const backend = createBackend();',
          "backend.add(import('@backstage/plugin-scaffolder-backend'));",
          "backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));",
          `backend.add(import('${BACKEND_MODULE}'));`,
          'backend.start();',
          '',
        ].join('\n'),
      );
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, ['index.js', '--config', 'app-config.yaml'], {
        cwd: app,
        env: { ...registry.env, NODE_ENV: 'development' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const output: string[] = [];
      child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
      child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
      const base = `http://127.0.0.1:${port}`;
      try {
        const deadline = Date.now() + 120_000;
        for (;;) {
          if (child.exitCode !== null)
            throw new Error(`backend exited ${child.exitCode}:\n${output.join('')}`);
          const ready = await fetch(`${base}/.backstage/health/v1/readiness`).then(
            (r) => r.ok,
            () => false,
          );
          if (ready) break;
          if (Date.now() > deadline) throw new Error(`backend not ready after 120 s:\n${output.join('')}`);
          await new Promise((r) => setTimeout(r, 300));
        }
        const actions = (await (
          await fetch(`${base}/api/scaffolder/v2/actions`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as { id: string }[];
        expect(actions.map((a) => a.id)).toEqual(
          expect.arrayContaining(['kinesis:access:grant', 'publish:github:pull-request']),
        );

        const values = {
          name: 'installed-orders',
          clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH-S3-installed-Role',
          streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
          repoUrl: 'github.com?owner=example&repo=infra',
        };
        const res = await fetch(`${base}/api/scaffolder/v2/dry-run`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            template: parseYaml(fs.readFileSync(TEMPLATE, 'utf8')),
            values,
            directoryContents: [],
          }),
        });
        const body = (await res.json()) as {
          directoryContents?: { path: string; base64Content: string }[];
          steps?: { id: string; status: string }[];
        };
        expect({ status: res.status, steps: body.steps?.map((s) => [s.id, s.status]) }).toMatchObject({
          status: 200,
        });
        const files = Object.fromEntries(
          (body.directoryContents ?? []).map((f) => [
            f.path,
            Buffer.from(f.base64Content, 'base64').toString('utf8'),
          ]),
        );
        const grant = parseYaml(files['grants/installed-orders.yaml'] ?? 'null');
        expect(grant).toMatchObject({
          kind: 'KinesisAccessGrant',
          metadata: { name: 'installed-orders' },
          spec: { principal: { roleArn: values.clickhouseRoleArn }, streams: values.streams },
        });
        const terraform = Object.keys(files).filter((f) => /cdk\.tf(\.json)?$/.test(f));
        expect(terraform.length).toBeGreaterThan(0);
      } finally {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
    5 * 60_000,
  );
});

describe('(c) the form fields beside React 18 and the current scaffolder-react', () => {
  let app: string;
  let install: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    app = path.join(root, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({
        name: 'backstage-app',
        private: true,
        dependencies: {
          '@backstage/core-plugin-api': '^1.13.0',
          '@backstage/frontend-plugin-api': '^1.0.0',
          '@backstage/plugin-scaffolder-react': '^3.0.0',
          react: '^18.3.1',
          'react-dom': '^18.3.1',
          'react-router-dom': '^6.30.2',
          [FRONTEND_MODULE]: `^${versionOf(FRONTEND_MODULE)}`,
        },
        // A TypeScript React 18 app pins React 18's types (a Backstage app does, in its root package.json).
        // Without them npm picks @types/react 19 for @backstage/core-components' own type packages and then
        // refuses @backstage/plugin-scaffolder-react's @types/react ^18 peer, with or without this module.
        devDependencies: { '@types/react': '^18.3.0', '@types/react-dom': '^18.3.0' },
      }),
    );
    install = await npm(['install', '--no-audit', '--no-fund'], app);
  }, 20 * 60_000);

  // Backstage itself still depends on Material UI v4 (@material-ui/core via scaffolder-react and core-components,
  // @material-table/core), whose peers say React 16/17. npm overrides those peers in every Backstage app on React 18
  // and warns; any other peer conflict (from this module, or from a Backstage package) fails the test.
  const LEGACY = /^@material-(ui|table)\//;

  it("installs with plain npm (no --legacy-peer-deps); the only peer overrides are Material UI v4's React 17 peers", () => {
    expect({ code: install.code, error: install.code === 0 ? '' : install.stderr.slice(-4000) }).toEqual({
      code: 0,
      error: '',
    });
    const requirers = new Set<string>();
    for (const block of install.stderr.split('ERESOLVE overriding peer dependency').slice(1))
      for (const m of block.matchAll(/\bpeer(?:Optional)? \S+@"[^"]*" from (@?[^@\s]+)@/g))
        requirers.add(m[1] as string);
    expect([...requirers].filter((r) => !LEGACY.test(r))).toEqual([]);
    expect(install.stderr).not.toContain('@kinesis-access/');
  });

  it('leaves no peer missing or unmet except those Material UI v4 peers (npm ls)', async () => {
    const ls = await npm(['ls', '--all', '--json'], app);
    const tree = JSON.parse(ls.stdout) as Node;
    interface Node {
      invalid?: string;
      missing?: boolean;
      dependencies?: Record<string, Node>;
    }
    const bad: string[] = [];
    const walk = (name: string, node: Node) => {
      if (node.missing) bad.push(`missing ${name}`);
      if (node.invalid) {
        // e.g. "\"^16.8.0 || ^17.0.0\" from node_modules/@material-ui/core, ..."
        const from = [...node.invalid.matchAll(/node_modules\/((?:@[^/,\s]+\/)?[^/,\s]+)(?=[,\s]|$)/g)].map(
          (m) => m[1] as string,
        );
        if (from.length === 0 || from.some((f) => !LEGACY.test(f)))
          bad.push(`${name}: invalid ${node.invalid}`);
      }
      for (const [child, sub] of Object.entries(node.dependencies ?? {})) walk(child, sub);
    };
    walk('(app)', tree);
    expect(bad).toEqual([]);
  });

  it('has one copy of @backstage/core-plugin-api and of every package the module shares with the app', () => {
    for (const name of [
      '@backstage/core-plugin-api',
      '@backstage/frontend-plugin-api',
      '@backstage/plugin-scaffolder-react',
      '@backstage/core-components',
      'react',
      'react-dom',
      'react-router-dom',
      '@material-ui/core',
    ])
      expect({ name, copies: installedCopies(app, name).length }).toEqual({ name, copies: 1 });
  });
});
