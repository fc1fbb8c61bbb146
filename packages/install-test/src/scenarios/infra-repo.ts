/**
 * Install scenario (a): an infra repository made from examples/infra-repo, installed with pnpm from the registry
 * (its committed lockfile), runs check, synth, verify, cdktf synth, terraform validate and an offline plan; its
 * output is byte-identical to the workspace's. Declared by install.test.ts, which starts the registry once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { listFiles, run, runOk, WORKSPACE } from '../lib/process';
import { type InstallRun, versionOf } from './context';

// Test-only terraform helpers of the cdktf package (a CommonJS file, not part of any published package).
const offline = require(path.join(WORKSPACE, 'packages/cdktf/src/test-support/offline-terraform.js')) as {
  terraformTestEnv(dir: string, env?: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv };
  writeOfflineOverride(stackDir: string): void;
  terraformOk(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ stdout: string }>;
};

const INFRA_EXAMPLE = path.join(WORKSPACE, 'examples/infra-repo');

export function describeInfraRepo(installRun: InstallRun): void {
  describe('(a) an infra repository made from examples/infra-repo', () => {
    let repo: string;
    const kinesisAccess = (args: string[]) =>
      run(path.join(repo, 'node_modules/.bin/kinesis-access'), args, {
        cwd: repo,
        env: installRun.registry.env,
      });

    beforeAll(async () => {
      repo = path.join(installRun.root, 'infra');
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
          installRun.registry.url,
          '--config.confirmModulesPurge=false',
          '--config.fetch-retries=1',
        ],
        {
          cwd: repo,
          env: { ...installRun.registry.env, CI: 'true' },
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
          ...installRun.registry.env,
          PATH: `${bin}${path.delimiter}${installRun.registry.env.PATH ?? ''}`,
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
      const tf = offline.terraformTestEnv(path.join(installRun.root, 'terraform-config'));
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
}
