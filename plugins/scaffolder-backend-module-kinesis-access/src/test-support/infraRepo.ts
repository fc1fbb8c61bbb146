/**
 * A small infrastructure repository for the change and revoke actions: grant files (one in a sub-folder, one
 * with comments), their review summaries and the Terraform `kinesis-access synth` writes for them (the real
 * synth, through @kinesis-access/cdktf), plus the real CLI bin to check a repository after a pull request.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ActionContext, TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { synthGrants } from '@kinesis-access/cdktf';
import { parseGrantYaml, planGrant, renderSummary } from '@kinesis-access/policy-model';
import yaml from 'yaml';
import { newWorkspace } from './actionHarness';

export const ACCOUNT = '123456789012';
export const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const NEW_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f0f0f0f-1111-2222-3333-444455556666`;
export const CLICKHOUSE = 'arn:aws:iam::111122223333:role/CH-S3-steel-sb-23-ue1-23-Role';
export const stream = (name: string) => `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${name}`;

export const ORDERS_GRANT = [
  '# Orders into ClickHouse Cloud (kept by the data platform team).',
  'apiVersion: kinesis-access/v1',
  'kind: KinesisAccessGrant',
  'metadata:',
  '  name: orders-clickpipes',
  'spec:',
  '  profile: clickpipes',
  '  principal:',
  `    roleArn: ${CLICKHOUSE} # ClickHouse service role`,
  '  role:',
  '    tags:',
  '      team: analytics',
  '  streams:',
  `    - arn: ${stream('orders')}`,
  `      kmsKeyArn: ${KEY}`,
  `    - arn: ${stream('orders-legacy')}`,
  '',
].join('\n');

export const PARTNER_GRANT = [
  'apiVersion: kinesis-access/v1',
  'kind: KinesisAccessGrant',
  'metadata:',
  '  name: partner-metrics-shared',
  'spec:',
  '  profile: read',
  '  principal:',
  `    roleArn: arn:aws:iam::${ACCOUNT}:role/metrics-exporter`,
  '  resourcePolicy:',
  '    principals: [arn:aws:iam::111122223333:role/partner-analytics-reader]',
  '  streams:',
  `    - arn: ${stream('device-metrics')}`,
  '',
].join('\n');

/** Grant files of the fixture repository, by path. */
export const GRANT_FILES: Readonly<Record<string, string>> = {
  'grants/orders-clickpipes.yaml': ORDERS_GRANT,
  'grants/team-b/partner-metrics-shared.yaml': PARTNER_GRANT,
};

/** A new workspace holding the fixture repository in `current/`, as fetch:plain leaves it. */
export async function newInfraRepoWorkspace(prefix: string): Promise<string> {
  const workspace = await newWorkspace(prefix);
  await writeInfraRepo(path.join(workspace, 'current'));
  return workspace;
}

/** Write the fixture repository (grants, summaries, generated Terraform) under `root`. */
export async function writeInfraRepo(root: string): Promise<void> {
  const plans = [];
  for (const [file, text] of Object.entries(GRANT_FILES)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
    const parsed = parseGrantYaml(text);
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
    const plan = planGrant(parsed.value);
    if (!plan.ok) throw new Error(`${file}: ${JSON.stringify(plan.problems)}`);
    plans.push(plan.value);
    await fs.writeFile(path.join(root, 'grants', `${plan.value.grantName}.md`), renderSummary(plan.value));
  }
  await synthGrants({ plans, outDir: path.join(root, 'generated'), layout: 'grant' });
}

/** Runs an action's handler the way the scaffolder does (raw input), collecting its outputs. */
export async function runTemplateAction(
  // biome-ignore lint/suspicious/noExplicitAny: any action of this module
  action: TemplateAction<any, any, any>,
  input: unknown,
  workspacePath: string,
  isDryRun = false,
): Promise<{ outputs: Record<string, unknown>; warnings: string[] }> {
  const outputs: Record<string, unknown> = {};
  const base = createMockActionContext<JsonObject>({ input: input as JsonObject, workspacePath });
  const warnings: string[] = [];
  const logger = Object.create(base.logger);
  logger.warn = (message: string) => {
    warnings.push(message);
  };
  const ctx: ActionContext<JsonObject> = {
    ...base,
    logger,
    isDryRun,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  await action.handler(ctx as never);
  return { outputs, warnings };
}

const CLI_BIN = path.join(
  path.dirname(require.resolve('@kinesis-access/cli/package.json')),
  'bin/kinesis-access.js',
);

/** Runs the real `kinesis-access` bin; never throws for a non-zero exit. */
export async function kinesisAccess(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI_BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A copy of a repository with a pull request applied: files written over it, files deleted. */
export async function applyPullRequest(
  repo: string,
  into: string,
  changes: { files?: Readonly<Record<string, string>>; deleted?: readonly string[] },
): Promise<void> {
  await fs.cp(repo, into, { recursive: true });
  for (const [file, content] of Object.entries(changes.files ?? {})) {
    await fs.mkdir(path.dirname(path.join(into, file)), { recursive: true });
    await fs.writeFile(path.join(into, file), content);
  }
  for (const file of changes.deleted ?? []) await fs.rm(path.join(into, file));
}

/** A step of a documented example (`TemplateExample.example`, a template's `steps:` as YAML). */
export interface ExampleStep {
  readonly id: string;
  readonly action: string;
  readonly input: Record<string, unknown>;
}

/**
 * Runs the `actionId` step of a documented example the way the scaffolder would: in a fresh workspace where the
 * repository fixture (standing for github.com/example/infra) stands where the example's fetch:plain step puts it
 * (else at the step's currentPath). Hands the result to `check`, then removes the workspace.
 */
export async function runExampleStep(
  exampleYaml: string,
  actionId: string,
  // biome-ignore lint/suspicious/noExplicitAny: any action of this module
  action: TemplateAction<any, any, any>,
  check: (run: {
    readonly steps: readonly ExampleStep[];
    readonly step: ExampleStep;
    readonly workspace: string;
    /** Where the repository was fetched to. */
    readonly current: string;
    readonly outputs: Record<string, unknown>;
  }) => Promise<void>,
): Promise<void> {
  const steps = yaml.parse(exampleYaml).steps as ExampleStep[];
  const fetch = steps.find((s) => s.action === 'fetch:plain');
  const step = steps.find((s) => s.action === actionId);
  if (step === undefined) throw new Error(`no ${actionId} step`);
  const workspace = await newWorkspace();
  try {
    // What fetch:plain does: the repository in its targetPath.
    const current = path.join(workspace, String(fetch?.input.targetPath ?? step.input.currentPath));
    await writeInfraRepo(current);
    const { outputs } = await runTemplateAction(action, step.input, workspace);
    await check({ steps, step, workspace, current, outputs });
  } finally {
    await fs.rm(workspace, { recursive: true, force: true });
  }
}
