/**
 * Change and revoke end to end, in a real browser against the real app (the same setup as golden-path.e2e.test.ts):
 *
 * - the local GitHub API STAND-IN (src/githubStandIn.ts; GitHub itself cannot be reached) holds an infrastructure
 *   repository on its base branch: two grants and the Terraform `kinesis-access synth` writes for them;
 * - in Chromium: "Change Kinesis access" adds a stream to one grant and moves it to another ClickHouse service role.
 *   The form fields read the grant through the backend's current-grant route (the backend's UrlReader, reading the
 *   stand-in), check the new stream against it and preview the access diff; then the backend's own fetch:plain
 *   reads the repository from the stand-in (GitHub's commit-status and tarball calls), the action changes the
 *   grant, and publish:github:pull-request opens the pull request there. The test merges it;
 * - then "Revoke Kinesis access" removes the other grant: a pull request that only deletes files. Merged too.
 * After each merge the repository passes `kinesis-access check` and `verify` (the real CLI), and the pull request's
 * description is the access diff.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  appForTests,
  chooseTemplate as chooseCard,
  fillRepository as fillRepositoryOf,
  openCreate as openCreateOf,
  waitForTask,
} from './app';
import type { RunningBackend } from './backendProcess';
import { shot, typeInto, WAIT } from './browser';
import { kinesisAccess } from './cli';
import type { GithubStandIn } from './githubStandIn';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Chromium, the GitHub stand-in and the real backend: started in beforeAll, stopped after all. */
const app = appForTests(repoRoot, 'kinesis-access-e2e-lifecycle-');
const { workDir } = app;
const OWNER = 'acme';
const REPO = 'infrastructure';
const CHANGED = 'orders-clickpipes';
const REVOKED = 'partner-metrics-shared';
const OLD_SERVICE = 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role';
const NEW_SERVICE = 'arn:aws:iam::444455556666:role/CH-S3-new-service-Role';
const ORDERS = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
const RETURNS = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-returns';

let github: GithubStandIn;
let backend: RunningBackend;
let page: Page;

/** Every file under dir, relative path → content. */
function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, filesUnder(dir, rel));
    else out[rel] = readFileSync(path.join(dir, rel), 'utf8');
  }
  return out;
}

/** The stand-in's base branch checked out into a fresh directory. */
function checkout(name: string): string {
  const dir = path.join(workDir, name);
  for (const [file, content] of github.baseFiles()) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const openCreate = () => openCreateOf(page, backend);
const fillRepository = () => fillRepositoryOf(page, OWNER, REPO);

async function chooseTemplate(title: string, slug: string) {
  await openCreate();
  await chooseCard(page, title, slug);
}

/** Review, create, and wait for the finished task; returns the task id. */
async function createAndFinish(): Promise<string> {
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click(WAIT);
  return await waitForTask(page, backend);
}

beforeAll(async () => {
  // The repository: examples/infra-repo's two grants and the Terraform synth writes for them (local state, which
  // is what the local backend's action writes too).
  const seed = path.join(workDir, 'seed');
  mkdirSync(seed);
  for (const file of readdirSync(path.join(repoRoot, 'examples/infra-repo/grants'))) {
    mkdirSync(path.join(seed, 'grants'), { recursive: true });
    writeFileSync(
      path.join(seed, 'grants', file),
      readFileSync(path.join(repoRoot, 'examples/infra-repo/grants', file), 'utf8'),
    );
  }
  expect(await kinesisAccess(seed, 'synth', 'grants', '--out', 'generated')).toMatchObject({ code: 0 });
  ({ github, backend, page } = await app.start(filesUnder(seed)));
});

describe('change and revoke in the Backstage app (Chromium, real backend, GitHub stand-in)', () => {
  it('lists the change and revoke templates beside the grant template', async () => {
    await openCreate();
    for (const title of ['Grant ClickPipes Kinesis access', 'Change Kinesis access', 'Revoke Kinesis access'])
      await page.getByText(title).first().waitFor(WAIT);
  });

  it('changes a grant: reads it from the repository, opens a pull request whose description is the access diff', async () => {
    await chooseTemplate('Change Kinesis access', 'change-kinesis-access');
    await fillRepository();
    await typeInto(page, 'Grant name', CHANGED);
    await page.getByRole('button', { name: 'Next' }).click();
    // The streams field checks each row against the grant the backend read from the repository (the stand-in).
    await typeInto(page, /^Stream 1 ARN/, ORDERS);
    await page.getByText(`is already a stream of grant "${CHANGED}"`).first().waitFor(WAIT);
    // Correct it as a person does: select what is there, type the other stream over it.
    await page.getByLabel(/^Stream 1 ARN/).selectText();
    await page.keyboard.type(RETURNS);
    await typeInto(page, /New ClickHouse service role ARN/, NEW_SERVICE);
    await shot(page, 'change-form');
    await page.getByRole('button', { name: 'Next' }).click();
    // The preview page: the access diff against the current grant, as the pull request will carry it.
    const diff = page.getByTestId('preview-access-diff');
    await diff.getByText(`Access changes: ${CHANGED}`).waitFor(WAIT);
    const diffText = await diff.innerText();
    expect(diffText).toContain(`may now assume it: ${NEW_SERVICE}`);
    expect(diffText).toContain(`may no longer assume it: ${OLD_SERVICE}`);
    expect(diffText).toContain(RETURNS);
    await shot(page, 'change-preview');
    await createAndFinish();
    // The task page shows the access diff (the template's output text).
    await page.getByText(`may now assume it:`).first().waitFor(WAIT);
    await shot(page, 'change-task');

    expect(github.unexpected).toEqual([]);
    const pull = github.pullRequests.at(-1);
    expect(pull).toMatchObject({
      owner: OWNER,
      repo: REPO,
      head: `kinesis-access/change-${CHANGED}`,
      base: 'main',
    });
    expect(pull?.body).toMatch(new RegExp(`^## Access changes: ${CHANGED}\\n`));
    expect(pull?.body).toContain(`- may now assume it: \`${NEW_SERVICE}\``);
    expect(pull?.body).toContain(`- may no longer assume it: \`${OLD_SERVICE}\``);
    // The description is the diff the preview showed (its markdown source).
    expect(pull?.body).toContain(`\`${RETURNS}\`: \`kinesis:DescribeStream\``);
    // The pull request changes exactly the grant, its stack and its summary.
    const before = github.baseFiles();
    const after = github.branches.get(`kinesis-access/change-${CHANGED}`)?.files ?? new Map<string, string>();
    const changed = [...after]
      .filter(([file, content]) => before.get(file) !== content)
      .map(([file]) => file);
    expect(changed.sort()).toEqual(
      [
        `generated/stacks/${CHANGED}/cdk.tf.json`,
        `grants/${CHANGED}.md`,
        'grants/clickpipes-orders.yaml',
      ].sort(),
    );
    expect(after.get('grants/clickpipes-orders.yaml')).toContain(`roleArn: ${NEW_SERVICE}`);
    expect(after.get('grants/clickpipes-orders.yaml')).toContain(`- arn: ${RETURNS}`);

    github.merge(`kinesis-access/change-${CHANGED}`);
    const repo = checkout('after-change');
    expect(await kinesisAccess(repo, 'check', 'grants')).toMatchObject({ code: 0 });
    expect(await kinesisAccess(repo, 'verify', 'grants', '--out', 'generated')).toMatchObject({ code: 0 });
  });

  it('revokes a grant: the pull request deletes its grant file, summary and stack, and says what is lost', async () => {
    await chooseTemplate('Revoke Kinesis access', 'revoke-kinesis-access');
    await fillRepository();
    await typeInto(page, 'Grant name', REVOKED);
    await typeInto(page, 'Reason', 'The partner contract ended.');
    await shot(page, 'revoke-form');
    await createAndFinish();
    await page.getByText('The pipeline destroys role').first().waitFor(WAIT);
    await shot(page, 'revoke-task');

    expect(github.unexpected).toEqual([]);
    const pull = github.pullRequests.at(-1);
    expect(pull).toMatchObject({ head: `kinesis-access/revoke-${REVOKED}`, base: 'main' });
    expect(pull?.body).toContain('Reason: The partner contract ended.');
    expect(pull?.body).toContain(`## Access revoked: ${REVOKED}`);
    const before = github.baseFiles();
    const after = github.branches.get(`kinesis-access/revoke-${REVOKED}`)?.files ?? new Map<string, string>();
    const deleted = [...before.keys()].filter((file) => !after.has(file));
    expect(deleted.sort()).toEqual([
      `generated/stacks/${REVOKED}/cdk.tf.json`,
      'grants/read-partner-shared-metrics.yaml',
    ]);
    expect([...after].filter(([file, content]) => before.get(file) !== content)).toEqual([]);

    github.merge(`kinesis-access/revoke-${REVOKED}`);
    const repo = checkout('after-revoke');
    expect(await kinesisAccess(repo, 'check', 'grants')).toMatchObject({ code: 0 });
    expect(await kinesisAccess(repo, 'verify', 'grants', '--out', 'generated')).toMatchObject({ code: 0 });
    const diff = await kinesisAccess(workDir, 'diff', 'after-change/grants', 'after-revoke/grants');
    expect(diff.code).toBe(0);
    const grants = (
      JSON.parse(diff.output.slice(0, diff.output.lastIndexOf('}') + 1)) as {
        grants: { name: string; change: string }[];
      }
    ).grants;
    expect(grants.map((g) => [g.name, g.change])).toEqual([
      [CHANGED, 'unchanged'],
      [REVOKED, 'removed'],
    ]);
  });
});
