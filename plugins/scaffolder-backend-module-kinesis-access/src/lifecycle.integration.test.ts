/**
 * Grant → change → revoke through the REAL scaffolder: an in-process Backstage backend (startTestBackend) with
 * @backstage/plugin-scaffolder-backend (its own fetch:plain), this module, Backstage's own publish:github:pull-request
 * and the three real templates from templates/, driven over HTTP (/api/scaffolder/v2/dry-run and /v2/tasks).
 *
 * STAND-INS, only at the SCM boundary, because GitHub cannot be reached from a test:
 * - reading the repository: the UrlReader service is a stand-in that answers fetch:plain's readTree of
 *   https://github.com/example/infra/tree/main from a local directory, the "remote" repository;
 * - the pull request: publish:github:pull-request is registered with a `clientFactory` whose client records the
 *   createPullRequest call (files and deletions) instead of sending it. The test "merges" a recorded pull request
 *   by applying it to the remote directory, so each template reads what the previous one merged.
 * After every merge the remote repository must pass `kinesis-access check` and `verify` (the real CLI).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { parseGrantYaml } from '@kinesis-access/policy-model';
import request from 'supertest';
import yaml from 'yaml';
import { readTree } from './test-support/actionHarness';
import { CLICKHOUSE, KEY, kinesisAccess, NEW_KEY, stream, writeInfraRepo } from './test-support/infraRepo';
import {
  finishedTask,
  type RecordedPullRequest,
  recordingGithubPullRequestModule,
  type ScaffolderBackend,
  startScaffolderBackend,
  type TemplateEntity,
} from './test-support/scaffolderBackend';

jest.setTimeout(120_000);

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const TEMPLATES = ['grant-clickpipes-kinesis-access', 'change-kinesis-access', 'revoke-kinesis-access'];
const REPO_URL = 'github.com?owner=example&repo=infra';
const TREE_URL = 'https://github.com/example/infra/tree/main';
const FAKE_PR_URL = 'https://github.com/example/infra/pull/';

const pullRequests: RecordedPullRequest[] = [];
const treeReads: string[] = [];

let remote: string;
let scratch: string;

/** The pull-request side of GitHub: record, answer like GitHub does. */
const recordingGithubModule = recordingGithubPullRequestModule((options: RecordedPullRequest) => {
  pullRequests.push(options);
  const number = pullRequests.length;
  return { html_url: `${FAKE_PR_URL}${number}`, number };
});

/** The reading side of GitHub: fetch:plain's readTree of the repository's main branch, from `remote`. */
const urlReaderStandIn = mockServices.urlReader.mock({
  readTree: async (url: string) => {
    treeReads.push(url);
    if (url !== TREE_URL) throw new NotFoundError(`stand-in: no repository tree at ${url}`);
    const snapshot = await readTree(remote);
    return {
      etag: String(Object.keys(snapshot).length),
      files: async () =>
        Object.entries(snapshot).map(([file, content]) => ({
          path: file,
          content: async () => Buffer.from(content),
        })),
      archive: async () => {
        throw new Error('stand-in: archive() is not used by fetch:plain');
      },
      dir: async (options?: { targetDir?: string }) => {
        const target = options?.targetDir ?? (await fs.mkdtemp(path.join(scratch, 'tree-')));
        await fs.cp(remote, target, { recursive: true });
        return target;
      },
    };
  },
});

let scaffolder: ScaffolderBackend;
const templates: Record<string, TemplateEntity> = {};

beforeAll(async () => {
  for (const name of TEMPLATES) {
    templates[name] = yaml.parse(
      await fs.readFile(path.join(REPO_ROOT, 'templates', name, 'template.yaml'), 'utf8'),
    );
  }
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ka-lifecycle-'));
  remote = path.join(scratch, 'remote');
  await writeInfraRepo(remote);
  scaffolder = await startScaffolderBackend({
    templates: Object.values(templates),
    features: [recordingGithubModule, urlReaderStandIn.factory],
    config: { scaffolder: { concurrentTasksLimit: 2 }, integrations: { github: [{ host: 'github.com' }] } },
  });
});

afterAll(async () => {
  await scaffolder?.stop();
  await fs.rm(scratch, { recursive: true, force: true });
});

type DirectoryContents = { path: string; base64Content: string }[];
const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

async function dryRun(template: string, values: Record<string, unknown>) {
  return await request(scaffolder.backend.server)
    .post('/api/scaffolder/v2/dry-run')
    .send({ template: templates[template], values, directoryContents: [] });
}

async function runTask(template: string, values: Record<string, unknown>) {
  const created = await request(scaffolder.backend.server)
    .post('/api/scaffolder/v2/tasks')
    .send({ templateRef: `template:default/${template}`, values });
  expect(created.status).toBe(201);
  const { status, events, log } = await finishedTask(scaffolder.backend.server, created.body.id, 600);
  return {
    status,
    log,
    output: events.find((e) => e.type === 'completion')?.body.output,
  };
}

/** "Merge" a recorded pull request into the remote repository: write its files, delete its deletions. */
async function merge(pr: RecordedPullRequest): Promise<{ written: string[]; deleted: string[] }> {
  const written: string[] = [];
  const deleted: string[] = [];
  for (const [file, change] of Object.entries(pr.changes[0]?.files ?? {})) {
    const target = path.join(remote, file);
    if (typeof change === 'symbol') {
      await fs.rm(target);
      deleted.push(file);
    } else {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, Buffer.from(change.content, change.encoding as BufferEncoding));
      written.push(file);
    }
  }
  return { written: written.sort(), deleted: deleted.sort() };
}

async function expectRemoteConsistent(): Promise<void> {
  expect(await kinesisAccess(['check', 'grants'], remote)).toMatchObject({ code: 0 });
  expect(await kinesisAccess(['verify', 'grants', '--out', 'generated'], remote)).toMatchObject({ code: 0 });
}

async function remoteGrant(file: string) {
  const parsed = parseGrantYaml(await fs.readFile(path.join(remote, file), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

async function currentGrant(query: Record<string, string>) {
  return await request(scaffolder.backend.server)
    .get('/api/scaffolder/kinesis-access/current-grant')
    .query(query);
}

describe('the current-grant route the change form reads (GET /api/scaffolder/kinesis-access/current-grant)', () => {
  it('answers the grant as the repository has it on the branch, read the way fetch:plain reads it', async () => {
    treeReads.length = 0;
    const res = await currentGrant({ repoUrl: REPO_URL, branch: 'main', name: 'orders-clickpipes' });
    expect(res.status).toBe(200);
    expect(treeReads).toEqual([TREE_URL]);
    expect(res.body.file).toBe('grants/orders-clickpipes.yaml');
    expect(res.body.grant).toEqual(await remoteGrant('grants/orders-clickpipes.yaml'));
  });

  it('refuses an unknown grant, a missing or malformed parameter and an unreadable branch, naming the parameter', async () => {
    const unknown = await currentGrant({ repoUrl: REPO_URL, name: 'no-such-grant' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ name: 'InputError' });
    expect(unknown.body.error.message).toMatch(
      /name: no grant named "no-such-grant" under github\.com\/example\/infra \(main\)\/grants, received "no-such-grant" \(grants there: .*orders-clickpipes/,
    );

    const noName = await currentGrant({ repoUrl: REPO_URL });
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toBe('kinesis-access current-grant: name: is required, received null');

    const badName = await currentGrant({ repoUrl: REPO_URL, name: 'Orders Grant' });
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toContain('name: is not a grant name');
    expect(badName.body.error.message).toContain('received "Orders Grant"');

    const badRepo = await currentGrant({ repoUrl: 'github.com?owner=example', name: 'orders-clickpipes' });
    expect(badRepo.status).toBe(400);
    expect(badRepo.body.error.message).toMatch(
      /^kinesis-access current-grant: repoUrl: .*received "github\.com\?owner=example"$/,
    );

    const badBranch = await currentGrant({
      repoUrl: REPO_URL,
      branch: 'main; rm',
      name: 'orders-clickpipes',
    });
    expect(badBranch.status).toBe(400);
    expect(badBranch.body.error.message).toContain('branch: is not a branch name');

    const otherBranch = await currentGrant({ repoUrl: REPO_URL, branch: 'gone', name: 'orders-clickpipes' });
    expect(otherBranch.status).toBe(404);
    expect(otherBranch.body.error).toMatchObject({ name: 'NotFoundError' });
    expect(otherBranch.body.error.message).toContain(
      'repoUrl: cannot read branch "gone" of github.com/example/infra: stand-in: no repository tree at https://github.com/example/infra/tree/gone',
    );
  });
});

describe('change and revoke templates on the real scaffolder', () => {
  it('change, dry-run: reads the grant from the repository and returns the changed files and the access diff', async () => {
    treeReads.length = 0;
    const res = await dryRun('change-kinesis-access', {
      repoUrl: REPO_URL,
      baseBranch: 'main',
      name: 'orders-clickpipes',
      addStreams: [{ arn: stream('orders-returns') }],
    });
    expect(res.status).toBe(200);
    expect(treeReads).toEqual([TREE_URL]);
    const contents = res.body.directoryContents as DirectoryContents;
    const changed = contents.filter((f) => f.path.startsWith('changes/')).map((f) => f.path);
    expect(changed.sort()).toEqual([
      'changes/generated/stacks/orders-clickpipes/cdk.tf.json',
      'changes/grants/orders-clickpipes.md',
      'changes/grants/orders-clickpipes.yaml',
    ]);
    const grant = parseGrantYaml(
      decode(contents.find((f) => f.path === 'changes/grants/orders-clickpipes.yaml')?.base64Content ?? ''),
    );
    if (!grant.ok) throw new Error(JSON.stringify(grant.problems));
    expect(grant.value.spec.streams.map((s) => s.arn)).toContain(stream('orders-returns'));
    const diff = res.body.output.text[0].content as string;
    expect(diff).toMatch(/^## Access changes: orders-clickpipes\n/);
    expect(diff).toContain(`\`${stream('orders-returns')}\`: \`kinesis:DescribeStream\``);
    expect(res.body.output.links[0]).toEqual({ title: 'Review the pull request', url: REPO_URL });
  });

  it('change, dry-run: an unknown grant and a stream of another account are refused, naming the field', async () => {
    const unknown = await dryRun('change-kinesis-access', {
      repoUrl: REPO_URL,
      name: 'no-such-grant',
      addStreams: [{ arn: stream('x') }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.name).toBe('InputError');
    expect(unknown.body.error.message).toMatch(/name: no grant named "no-such-grant" .*orders-clickpipes/);
    const foreign = await dryRun('change-kinesis-access', {
      repoUrl: REPO_URL,
      name: 'orders-clickpipes',
      addStreams: [{ arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/elsewhere' }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/addStreams\[0\]\.arn: .*999999999999/);
  });

  it('revoke, dry-run: lists the files to delete and describes everything the role loses', async () => {
    const res = await dryRun('revoke-kinesis-access', {
      repoUrl: REPO_URL,
      name: 'partner-metrics-shared',
      reason: 'contract ended',
    });
    expect(res.status).toBe(200);
    const log = JSON.stringify(res.body.log);
    expect(log).toContain('Revoking grant \\"partner-metrics-shared\\": 3 files to delete');
    expect(res.body.output.text[0].content).toContain(
      'The pipeline destroys role `arn:aws:iam::123456789012:role/kinesis-access-partner-metrics-shared`',
    );
  });

  it('grant → change → revoke as real tasks: each pull request, merged, leaves a repository that passes check and verify', async () => {
    pullRequests.length = 0;

    // 1. Grant a new ClickPipes role (the grant template writes into the workspace root).
    const granted = await runTask('grant-clickpipes-kinesis-access', {
      name: 'clicks-clickpipes',
      clickhouseRoleArn: CLICKHOUSE,
      streams: [{ arn: stream('clicks'), kmsKeyArn: KEY }],
      repoUrl: REPO_URL,
    });
    expect({ status: granted.status, log: granted.status === 'completed' ? '' : granted.log }).toEqual({
      status: 'completed',
      log: '',
    });
    expect((await merge(pullRequests[0] as RecordedPullRequest)).written).toEqual([
      'generated/stacks/clicks-clickpipes/cdk.tf.json',
      'grants/clicks-clickpipes.md',
      'grants/clicks-clickpipes.yaml',
    ]);
    await expectRemoteConsistent();

    // 2. Change it: one more stream, the key rotated, the ClickHouse role moved.
    const newService = 'arn:aws:iam::444455556666:role/CH-S3-new-service-Role';
    const changed = await runTask('change-kinesis-access', {
      repoUrl: REPO_URL,
      baseBranch: 'main',
      name: 'clicks-clickpipes',
      addStreams: [{ arn: stream('clicks-mobile') }],
      kmsKeys: [{ streamArn: stream('clicks'), kmsKeyArn: NEW_KEY }],
      clickhouseRoleArn: newService,
    });
    expect({ status: changed.status, log: changed.status === 'completed' ? '' : changed.log }).toEqual({
      status: 'completed',
      log: '',
    });
    const changePr = pullRequests[1] as RecordedPullRequest;
    expect(changePr).toMatchObject({
      owner: 'example',
      repo: 'infra',
      head: 'kinesis-access/change-clicks-clickpipes',
      base: 'main',
    });
    expect(changePr.body).toMatch(/^## Access changes: clicks-clickpipes\n/);
    expect(changePr.body).toContain(`- may now assume it: \`${newService}\``);
    expect(changePr.body).toContain(`- may no longer assume it: \`${CLICKHOUSE}\``);
    expect(changePr.body).toContain(`\`${stream('clicks-mobile')}\`: \`kinesis:DescribeStream\``);
    expect(changePr.body).toMatch(
      new RegExp(`Permissions lost\\*\\* \\(1 entry\\)\\n\\n- \`${KEY}\`: \`kms:Decrypt\``),
    );
    expect(changePr.body).toContain('\n---\n\n# Kinesis access grant `clicks-clickpipes`');
    expect(changed.output?.links[0]?.url).toBe(`${FAKE_PR_URL}2`);
    expect((await merge(changePr)).written).toEqual([
      'generated/stacks/clicks-clickpipes/cdk.tf.json',
      'grants/clicks-clickpipes.md',
      'grants/clicks-clickpipes.yaml',
    ]);
    const after = await remoteGrant('grants/clicks-clickpipes.yaml');
    expect(after.spec.principal.roleArn).toBe(newService);
    expect(after.spec.streams).toEqual([
      { arn: stream('clicks'), kmsKeyArn: NEW_KEY },
      { arn: stream('clicks-mobile') },
    ]);
    await expectRemoteConsistent();

    // 3. Revoke it: the pull request only deletes, and what remains is consistent.
    const revoked = await runTask('revoke-kinesis-access', {
      repoUrl: REPO_URL,
      name: 'clicks-clickpipes',
      reason: 'Clicks moved to another pipeline.',
    });
    expect({ status: revoked.status, log: revoked.status === 'completed' ? '' : revoked.log }).toEqual({
      status: 'completed',
      log: '',
    });
    const revokePr = pullRequests[2] as RecordedPullRequest;
    expect(revokePr.head).toBe('kinesis-access/revoke-clicks-clickpipes');
    expect(revokePr.body).toContain('Reason: Clicks moved to another pipeline.');
    expect(revokePr.body).toContain('## Access revoked: clicks-clickpipes');
    expect(await merge(revokePr)).toEqual({
      written: [],
      deleted: [
        'generated/stacks/clicks-clickpipes/cdk.tf.json',
        'grants/clicks-clickpipes.md',
        'grants/clicks-clickpipes.yaml',
      ],
    });
    await expectRemoteConsistent();
    expect(Object.keys(await readTree(remote)).filter((f) => f.includes('clicks-clickpipes'))).toEqual([]);
  });
});
