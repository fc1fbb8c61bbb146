/**
 * The action on the REAL scaffolder: an in-process Backstage backend (startTestBackend) with
 * @backstage/plugin-scaffolder-backend, this module and the real templates/grant-clickpipes-kinesis-access/
 * template.yaml, driven over HTTP (/api/scaffolder/v2/dry-run and /v2/tasks).
 *
 * The only stand-in is at the SCM boundary: `publish:github:pull-request` is Backstage's own action
 * (createPublishGithubPullRequestAction from @backstage/plugin-scaffolder-backend-module-github, unchanged),
 * registered with a `clientFactory` whose client records the `createPullRequest` call instead of sending it to
 * GitHub. Everything up to that call (repoUrl parsing, reading the workspace, building the commit) is real.
 * The catalog is catalogServiceMock holding the real template entity (the real catalog is exercised by the
 * packages/backend smoke test).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEMPLATE_INPUT } from '@kinesis-access/fixtures';
import { checkGrantSemantics, formatFailure, intentFromGrant } from '@kinesis-access/iam-test-kit';
import { type GrantSpec, parseGrantYaml } from '@kinesis-access/policy-model';
import request from 'supertest';
import yaml from 'yaml';
import {
  finishedTask as pollTask,
  type RecordedPullRequest,
  recordingGithubPullRequestModule,
  type ScaffolderBackend,
  startScaffolderBackend,
  type TaskEvent,
  type TemplateEntity,
} from './test-support/scaffolderBackend';

jest.setTimeout(60_000);

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const TEMPLATE_FILE = path.join(REPO_ROOT, 'templates/grant-clickpipes-kinesis-access/template.yaml');
const CLI_BIN = path.join(
  path.dirname(require.resolve('@kinesis-access/cli/package.json')),
  'bin/kinesis-access.js',
);
const TEMPLATE_REF = 'template:default/grant-clickpipes-kinesis-access';
const FAKE_PR_URL = 'https://github.com/example/infra/pull/7';

const VALUES = {
  ...TEMPLATE_INPUT,
  repoUrl: 'github.com?owner=example&repo=infra',
  // The KinesisAccessPreview field (read-only) stores the role ARN it shows; the steps ignore it.
  preview: 'arn:aws:iam::123456789012:role/ClickHouseAccessRole-orders-clickpipes',
};
const ROLE_NAME = 'ClickHouseAccessRole-orders-clickpipes';
const ROLE_ARN = `arn:aws:iam::123456789012:role/${ROLE_NAME}`;

/** What the recording GitHub client received: this template only writes files. */
type WrittenPullRequest = RecordedPullRequest<{ content: string; encoding: string }>;
const pullRequests: WrittenPullRequest[] = [];

const recordingGithubModule = recordingGithubPullRequestModule((options: WrittenPullRequest) => {
  pullRequests.push(options);
  return { html_url: FAKE_PR_URL, number: 7 };
});

let scaffolder: ScaffolderBackend;
let template: TemplateEntity;
let scratch: string;

beforeAll(async () => {
  template = yaml.parse(await fs.readFile(TEMPLATE_FILE, 'utf8'));
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ka-integration-'));
  scaffolder = await startScaffolderBackend({
    templates: [template],
    features: [recordingGithubModule],
    config: { scaffolder: { concurrentTasksLimit: 2 } },
  });
});

afterAll(async () => {
  await scaffolder?.stop();
  await fs.rm(scratch, { recursive: true, force: true });
});

type DirectoryContents = { path: string; base64Content: string }[];

function fileOf(contents: DirectoryContents, file: string): string {
  const entry = contents.find((f) => f.path === file);
  if (!entry) throw new Error(`no ${file} in ${contents.map((f) => f.path).join(', ')}`);
  return Buffer.from(entry.base64Content, 'base64').toString('utf8');
}

async function dryRun(values: Record<string, unknown>) {
  return await request(scaffolder.backend.server)
    .post('/api/scaffolder/v2/dry-run')
    .send({ template, values, directoryContents: [] });
}

/** The trust policy and permission policies as planned in the generated Terraform JSON. */
function policiesFromTerraform(terraformJson: string) {
  const resources = JSON.parse(terraformJson).resource;
  const roles = Object.values(resources.aws_iam_role ?? {}) as { assume_role_policy: string }[];
  const policies = Object.values(resources.aws_iam_policy ?? {}) as { policy: string }[];
  const [role] = roles;
  if (roles.length !== 1 || role === undefined)
    throw new Error(`expected one aws_iam_role, got ${roles.length}`);
  return {
    trustPolicy: JSON.parse(role.assume_role_policy),
    permissionPolicies: policies.map((p) => JSON.parse(p.policy)),
  };
}

async function kinesisAccessCheck(grantYaml: string): Promise<{ code: number; output: string }> {
  const file = path.join(scratch, `grant-${Date.now()}.yaml`);
  await fs.writeFile(file, grantYaml);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI_BIN, 'check', file]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

/** Polls a task until it has finished; returns its status and its events. */
async function finishedTask(taskId: string): Promise<{ status: string; events: TaskEvent[]; log: string }> {
  return await pollTask(scaffolder.backend.server, taskId, 300);
}

describe('the template on the real scaffolder', () => {
  it('dry-run returns the grant, its Terraform and the summary; the grant passes `kinesis-access check`', async () => {
    const res = await dryRun(VALUES);
    expect(res.status).toBe(200);
    const contents = res.body.directoryContents as DirectoryContents;
    expect(contents.map((f) => f.path).sort()).toEqual([
      'generated/stacks/orders-clickpipes/cdk.tf.json',
      'grants/orders-clickpipes.md',
      'grants/orders-clickpipes.yaml',
    ]);

    const grantYaml = fileOf(contents, 'grants/orders-clickpipes.yaml');
    const parsed = parseGrantYaml(grantYaml);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.spec.streams).toEqual(VALUES.streams);
    expect(parsed.value.spec.principal.roleArn).toBe(VALUES.clickhouseRoleArn);

    expect(await kinesisAccessCheck(grantYaml)).toMatchObject({ code: 0 });
    // ...and the check is a real one: the same file with a broken stream ARN fails it, naming the field.
    const broken = await kinesisAccessCheck(grantYaml.replace('stream/orders', 'bucket/orders'));
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/spec\.streams\[0\]\.arn/);

    // The template's output: the pull request link (a dry-run's publish step echoes the repoUrl) and next steps.
    expect(res.body.output.links[0]).toEqual({ title: 'Review the pull request', url: VALUES.repoUrl });
    const text = res.body.output.text[0].content as string;
    expect(text).toContain(ROLE_NAME);
    expect(text).toContain(ROLE_ARN);
    expect(text).toContain('grants/orders-clickpipes.yaml');
  });

  it('the generated Terraform grants what the grant asks for, checked with the IAM policy simulator', async () => {
    const res = await dryRun(VALUES);
    const contents = res.body.directoryContents as DirectoryContents;
    const spec = parseGrantYaml(fileOf(contents, 'grants/orders-clickpipes.yaml'));
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    const policies = policiesFromTerraform(
      fileOf(contents, 'generated/stacks/orders-clickpipes/cdk.tf.json'),
    );
    const intent = intentFromGrant(spec.value as GrantSpec, ROLE_ARN);

    const failures = await checkGrantSemantics(policies, intent);
    expect(failures.map(formatFailure)).toEqual([]);

    // The check can fail: the same Terraform with write access added is caught.
    const widened = {
      ...policies,
      permissionPolicies: [
        ...policies.permissionPolicies,
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: '*' }],
        },
      ],
    };
    expect((await checkGrantSemantics(widened, intent)).length).toBeGreaterThan(0);
  });

  it('the form refuses a malformed stream ARN, naming the field', async () => {
    const res = await dryRun({ ...VALUES, streams: [{ arn: 'arn:aws:s3:::orders-bucket' }] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(/streams\[0\]\.arn.*does not match pattern/);
  });

  it('the action refuses a well-formed stream ARN the model rejects, naming the field and the value', async () => {
    const res = await dryRun({
      ...VALUES,
      // The odd account out (streams[1]) is blamed, not the two streams that agree.
      streams: [
        VALUES.streams[0],
        { arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/elsewhere' },
        { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/refunds' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(
      /streams\[1\]\.arn: .*999999999999.*received "arn:aws:kinesis:us-east-1:999999999999:stream\/elsewhere"/,
    );
  });

  it('as a real task: the pull request carries the grant, its Terraform and the summary as its body', async () => {
    pullRequests.length = 0;
    const created = await request(scaffolder.backend.server)
      .post('/api/scaffolder/v2/tasks')
      .send({ templateRef: TEMPLATE_REF, values: VALUES });
    expect(created.status).toBe(201);
    const taskId = created.body.id as string;

    const { status, events, log } = await finishedTask(taskId);
    expect({ status, log }).toEqual({ status: 'completed', log: expect.any(String) });

    expect(pullRequests).toHaveLength(1);
    const [pr] = pullRequests;
    if (pr === undefined) throw new Error('no pull request recorded');
    expect(pr).toMatchObject({ owner: 'example', repo: 'infra', head: 'kinesis-access/orders-clickpipes' });
    const files = pr.changes[0]?.files ?? {};
    expect(Object.keys(files).sort()).toEqual([
      'generated/stacks/orders-clickpipes/cdk.tf.json',
      'grants/orders-clickpipes.md',
      'grants/orders-clickpipes.yaml',
    ]);
    const decode = (file: string) => Buffer.from(files[file]?.content ?? '', 'base64').toString('utf8');
    expect(pr.body).toBe(decode('grants/orders-clickpipes.md'));
    expect(pr.body).toContain(ROLE_NAME);
    expect(await kinesisAccessCheck(decode('grants/orders-clickpipes.yaml'))).toMatchObject({ code: 0 });

    const output = events.find((e) => e.type === 'completion')?.body.output;
    expect(output?.links[0]).toEqual({ title: 'Review the pull request', url: FAKE_PR_URL });
    expect(output?.text[0]?.content).toContain(ROLE_ARN);
  });

  it('as a real task: bad input fails the task at the grant step and opens no pull request', async () => {
    pullRequests.length = 0;
    const created = await request(scaffolder.backend.server)
      .post('/api/scaffolder/v2/tasks')
      .send({
        templateRef: TEMPLATE_REF,
        values: {
          ...VALUES,
          streams: [
            VALUES.streams[0],
            { arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/x' },
            { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/refunds' },
          ],
        },
      });
    expect(created.status).toBe(201);
    const { status, log } = await finishedTask(created.body.id);
    expect(status).toBe('failed');
    expect(log).toMatch(/streams\[1\]\.arn: .*999999999999/);
    expect(pullRequests).toHaveLength(0);
  });
});
