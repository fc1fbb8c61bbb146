/**
 * The pipeline path through the real cdktf CLI (cdktf-cli 0.21): `cdktf synth` runs the shipped app (the package's
 * `kinesis-access-cdktf` bin, linked into the project's node_modules/.bin and put on PATH as a package manager does)
 * and writes the same stack files as `synthGrants`; `cdktf diff --skip-provider-lock` runs terraform
 * plan through cdktf. For the diff, a test-only app adds fake keys and skip flags to the providers (no AWS here).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GENERATED_DIR } from '@kinesis-access/grant-files';
import { runProcess } from './terraform-cli';
import { EXAMPLE_GRANTS_DIR, exampleGrants } from './test-support/grants';
import { requireTerraform, terraformTestEnv } from './test-support/offline-terraform';
import { synthGrants } from './write';

jest.setTimeout(240_000);

const PACKAGE_DIR = path.resolve(__dirname, '..');
const APP_ENTRY = path.join(PACKAGE_DIR, 'dist', 'app.js');
const APP_BIN = 'kinesis-access-cdktf';
const CDKTF_BIN = path.join(PACKAGE_DIR, 'node_modules', '.bin', 'cdktf');
const GRANT_FILES = ['clickpipes-orders.yaml', 'read-partner-shared-metrics.yaml'];

/** Run the cdktf CLI; `output` is stdout and stderr without colour codes. */
async function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ code: number; output: string }> {
  const result = await runProcess(command, args, options);
  const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
  return { code: result.code, output: (result.stdout + result.stderr).replace(ansi, '') };
}

function writeCdktfJson(project: string, app: string): void {
  fs.writeFileSync(
    path.join(project, 'cdktf.json'),
    JSON.stringify({
      language: 'typescript',
      app,
      sendCrashReports: 'false',
      terraformProviders: [],
      context: {},
    }),
  );
}

describe('cdktf CLI', () => {
  let project: string;
  let env: Record<string, string>;

  beforeAll(() => {
    requireTerraform();
    if (!fs.existsSync(APP_ENTRY))
      throw new Error(`${APP_ENTRY} is missing: build the package first (pnpm build)`);
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-cdktf-cli-'));
    fs.mkdirSync(path.join(project, 'grants'));
    for (const file of GRANT_FILES)
      fs.copyFileSync(path.join(EXAMPLE_GRANTS_DIR, file), path.join(project, 'grants', file));
    // What `pnpm install` / `npm install` do with the package's bin, and `pnpm exec` / npx with PATH.
    const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
    const binDir = path.join(project, 'node_modules', '.bin');
    fs.mkdirSync(binDir, { recursive: true });
    fs.symlinkSync(path.join(PACKAGE_DIR, manifest.bin[APP_BIN]), path.join(binDir, APP_BIN));
    const base = terraformTestEnv(path.join(project, '.tf-home')).env;
    env = { ...base, CI: '1', HOME: project, PATH: `${binDir}${path.delimiter}${base.PATH ?? ''}` };
  });

  afterAll(() => {
    if (project !== undefined) fs.rmSync(project, { recursive: true, force: true });
  });

  it('cdktf synth runs the shipped app and writes exactly what kinesis-access synth writes', async () => {
    writeCdktfJson(project, `${APP_BIN} grants`);
    const synth = await run(CDKTF_BIN, ['synth'], { cwd: project, env });
    expect(synth.output).toContain('Generated Terraform code for the stacks');
    expect(synth.code).toBe(0);
    const plans = exampleGrants()
      .filter((g) => GRANT_FILES.includes(g.file))
      .map((g) => g.plan);
    await synthGrants({ plans, outDir: path.join(project, GENERATED_DIR) });
    for (const plan of plans) {
      const file = path.join('stacks', plan.grantName, 'cdk.tf.json');
      expect(fs.readFileSync(path.join(project, 'cdktf.out', file), 'utf8')).toBe(
        fs.readFileSync(path.join(project, GENERATED_DIR, file), 'utf8'),
      );
    }
  });

  it('cdktf diff --skip-provider-lock plans the grant offline', async () => {
    const offlineApp = path.join(project, 'offline-app.js');
    fs.writeFileSync(
      offlineApp,
      [
        `const { createGrantsApp } = require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'app.js'))});`,
        `const { offlineOverride } = require(${JSON.stringify(path.join(__dirname, 'test-support', 'offline-terraform.js'))});`,
        "const { app, stacks } = createGrantsApp({ grantsDir: 'grants' });",
        'const [flags] = offlineOverride({ provider: { aws: [{}] } }).provider.aws;',
        'for (const stack of stacks) for (const c of stack.node.findAll()) {',
        "  if (c.terraformResourceType === 'aws') for (const [k, v] of Object.entries(flags)) c.addOverride(k, v);",
        '}',
        'app.synth();',
        '',
      ].join('\n'),
    );
    writeCdktfJson(project, 'node offline-app.js');
    const diff = await run(CDKTF_BIN, ['diff', 'partner-metrics-shared', '--skip-provider-lock'], {
      cwd: project,
      env,
    });
    expect(diff.output).toMatch(/Plan: 6 to add, 0 to change, 0 to destroy/);
    expect(diff.output).toMatch(
      /aws_kinesis_resource_policy\.partner-metrics-shared_resource_policy_us-east-1_stream_device-metrics\b[^\n]* will be created/,
    );
    expect(diff.code).toBe(0);
  });
});
