/**
 * The golden path end to end, in a real browser against the real app:
 *
 * - the local Backstage backend (packages/backend, as `pnpm start:backstage` runs it) serving the BUILT app
 *   (packages/app/dist, through app-backend), with the real catalog, scaffolder and kinesis-access action;
 * - Debian's Chromium driven by playwright-core: guest sign-in, /create, the template, every field typed,
 *   the form-field module's errors and live preview, review, create, the task page;
 * - the pull request goes to a local GitHub API STAND-IN (src/githubStandIn.ts, started here; GitHub itself
 *   cannot be reached), which records the commit. The recorded files then pass `kinesis-access check`,
 *   `kinesis-access verify` and `terraform validate` (offline provider mirror).
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH; `bash scripts/setup-chromium.sh`) and terraform; it fails, never
 * skips, without them. `UPDATE_SCREENSHOTS=1` writes the screenshots into docs/images/ (else the OS temp dir).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  canonicalJson,
  compileGrant,
  grantFromTemplateInput,
  renderJson,
  validateGrant,
} from '@kinesis-access/policy-model';
import type { Page } from 'playwright-core';
import { appForTests, chooseTemplate, fillRepository, waitForTask } from './app';
import type { RunningBackend } from './backendProcess';
import { shot, typeInto, WAIT } from './browser';
import { kinesisAccess as runCli } from './cli';
import type { GithubStandIn } from './githubStandIn';
import { terraformValidate } from './terraform';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Chromium, the GitHub stand-in and the real backend: started in beforeAll, stopped after all. */
const app = appForTests(repoRoot, 'kinesis-access-e2e-');
const { workDir } = app;

const values = {
  name: 'orders-clickpipes',
  clickhouseRoleArn: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
  streams: [
    {
      arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    },
  ],
  roleName: 'ClickHouseAccessRole-orders-e2e',
  owner: 'acme',
  repo: 'infrastructure',
};
const templateInput = {
  name: values.name,
  clickhouseRoleArn: values.clickhouseRoleArn,
  streams: values.streams,
  roleName: values.roleName,
};
const BAD_ROLE_ARN = 'arn:aws:iam::1111:user/ClickHouse';

let github: GithubStandIn;
let backend: RunningBackend;
let page: Page;

beforeAll(async () => {
  ({ github, backend, page } = await app.start());
});

describe('the golden path in the Backstage app (Chromium, real backend, GitHub stand-in)', () => {
  it('signs in as guest and lists the template on /create', async () => {
    await page.goto(`${backend.baseUrl}/create`, WAIT);
    await page.getByRole('button', { name: 'Enter' }).click(WAIT);
    await page.getByText('Grant ClickPipes Kinesis access').first().waitFor(WAIT);
    await shot(page, 'create');
  });

  it('chooses "Grant ClickPipes Kinesis access" and shows the model error for a bad role ARN', async () => {
    await chooseTemplate(page, 'Grant ClickPipes Kinesis access', 'grant-clickpipes-kinesis-access');

    await typeInto(page, 'Grant name', values.name);
    const result = validateGrant(
      grantFromTemplateInput({ ...templateInput, clickhouseRoleArn: BAD_ROLE_ARN }),
    );
    const expected = result.ok ? [] : result.problems.filter((p) => p.path === 'spec.principal.roleArn');
    expect(expected.length).toBeGreaterThan(0);
    const roleArn = await typeInto(page, /ClickHouse service role ARN/, BAD_ROLE_ARN);
    const errors = page.getByTestId('clickhouse-role-arn-errors');
    for (const problem of expected) await errors.getByText(problem.message, { exact: true }).waitFor(WAIT);
    expect(await roleArn.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'form-error');

    await roleArn.fill('');
    await roleArn.pressSequentially(values.clickhouseRoleArn);
    await errors
      .getByText(expected[0]?.message ?? '', { exact: true })
      .waitFor({ ...WAIT, state: 'detached' });
    expect(await roleArn.getAttribute('aria-invalid')).toBe('false');
  });

  it('takes the streams and the role name', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    const stream = values.streams[0];
    await typeInto(page, 'Stream 1 ARN', stream?.arn ?? '');
    await typeInto(page, /Stream 1 KMS key ARN/, stream?.kmsKeyArn ?? '');
    await typeInto(page, /Role name/, values.roleName);
    await shot(page, 'form-streams');
  });

  it('fills the real RepoUrlPicker and previews exactly the policies the model plans', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await fillRepository(page, values.owner, values.repo);

    const compiled = compileGrant(grantFromTemplateInput(templateInput));
    if (!compiled.ok) throw new Error(`test grant does not compile: ${JSON.stringify(compiled.problems)}`);
    const rendered = renderJson(compiled.value);
    const actions = rendered.policies.flatMap((policy) =>
      policy.document.Statement.flatMap((statement) => [statement.Action].flat()),
    );
    // Behaviour, not just equality with the model: a ClickPipes reader of an encrypted stream.
    expect(actions).toEqual(expect.arrayContaining(['kinesis:SubscribeToShard', 'kms:Decrypt']));
    expect(actions).not.toContain('kinesis:PutRecord');

    const preview = page.getByTestId('kinesis-access-preview');
    await preview.getByText('kinesis:SubscribeToShard').first().waitFor(WAIT);
    expect(await preview.getByLabel('Trust policy', { exact: true }).textContent()).toBe(
      canonicalJson(rendered.trustPolicy),
    );
    for (const policy of rendered.policies) {
      expect(
        await preview.getByLabel(`Permission policy ${policy.name}`, { exact: true }).textContent(),
      ).toBe(canonicalJson(policy.document));
    }
    expect(await preview.textContent()).toContain(compiled.value.role.arn);
    await shot(page, 'form-preview');
  });

  it('reviews and creates; the task page shows each step finishing and the outputs', async () => {
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByText(values.clickhouseRoleArn).first().waitFor(WAIT);
    await shot(page, 'review');
    await page.getByRole('button', { name: 'Create' }).click();
    // The task page, its pull-request link, and the real task completed, as the backend reports it.
    const taskId = await waitForTask(page, backend);
    const link = page.getByRole('link', { name: /Review the pull request/i });
    // Each step shows as finished. Backstage's task stepper draws a spinner on a running step, and MUI marks the
    // finished ones before the last as completed: no spinner is left, and every step has the completed step's
    // icon (a check mark, not the error or skipped icon).
    const steps = ['Write the grant and its Terraform', 'Open the pull request'];
    const stepper = page.locator('.MuiStepLabel-root');
    for (const step of steps) await stepper.filter({ hasText: step }).waitFor(WAIT);
    await stepper
      .locator('.MuiCircularProgress-root')
      .first()
      .waitFor({ ...WAIT, state: 'detached' });
    const completedIcon = await page
      .locator('.MuiStepLabel-root:has(.MuiStepLabel-completed) .MuiStepLabel-iconContainer path')
      .first()
      .getAttribute('d');
    const icons = await stepper
      .locator('.MuiStepLabel-iconContainer path')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
    expect(icons).toEqual(steps.map(() => completedIcon));
    // …and so does the backend: every step of the task finished.
    const events = (await fetch(`${backend.baseUrl}/api/scaffolder/v2/tasks/${taskId}/events`, {
      headers: { authorization: `Bearer ${backend.token}` },
    }).then((res) => res.json())) as { body: { stepId?: string; status?: string } }[];
    for (const stepId of ['grant', 'pr']) {
      expect(events.some((event) => event.body.stepId === stepId && event.body.status === 'completed')).toBe(
        true,
      );
    }

    expect(github.unexpected).toEqual([]);
    expect(github.pullRequests).toHaveLength(1);
    const pull = github.pullRequests[0];
    expect(await link.getAttribute('href')).toBe(pull?.htmlUrl);

    const compiled = compileGrant(grantFromTemplateInput(templateInput));
    if (!compiled.ok) throw new Error('test grant does not compile');
    const roleArn = compiled.value.role.arn;
    expect(roleArn).toBe(`arn:aws:iam::123456789012:role/${values.roleName}`);
    await page.getByText(roleArn, { exact: true }).waitFor(WAIT);
    await page.getByText('Next steps in ClickPipes').waitFor(WAIT);
    await shot(page, 'task');
  });

  it('opened the pull request in the stand-in with the grant, its Terraform and the summary', () => {
    const pull = github.pullRequests[0];
    expect(pull).toMatchObject({
      owner: values.owner,
      repo: values.repo,
      head: `kinesis-access/${values.name}`,
      base: 'main',
      title: `Grant ClickPipes Kinesis access: ${values.name}`,
    });
    const commit = github.branches.get(`kinesis-access/${values.name}`);
    expect(commit?.message).toBe(`Grant ClickPipes Kinesis access: ${values.name} (${values.roleName})`);
    expect([...(commit?.files.keys() ?? [])].sort()).toEqual([
      `generated/stacks/${values.name}/cdk.tf.json`,
      `grants/${values.name}.md`,
      `grants/${values.name}.yaml`,
    ]);
    expect(pull?.body).toBe(commit?.files.get(`grants/${values.name}.md`));
    expect(pull?.body).toContain(values.roleName);
  });

  it('the recorded files pass kinesis-access check and verify, and terraform validate', async () => {
    const commit = github.branches.get(`kinesis-access/${values.name}`);
    const repo = path.join(workDir, 'repo');
    for (const [file, content] of commit?.files ?? []) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), content);
    }
    const kinesisAccess = (...args: string[]) => runCli(repo, ...args);
    expect(await kinesisAccess('check', 'grants')).toMatchObject({ code: 0 });
    expect(await kinesisAccess('verify', 'grants', '--out', 'generated')).toMatchObject({ code: 0 });

    const validation = await terraformValidate(
      path.join(repo, 'generated/stacks', values.name),
      path.join(workDir, 'terraform'),
    );
    expect(validation.valid).toBe(true);

    // verify is not a rubber stamp: a grant changed after the pull request no longer matches its Terraform.
    const grantFile = path.join(repo, `grants/${values.name}.yaml`);
    writeFileSync(
      grantFile,
      (commit?.files.get(`grants/${values.name}.yaml`) ?? '').replace('stream/orders', 'stream/payments'),
    );
    const stale = await kinesisAccess('verify', 'grants', '--out', 'generated');
    expect(stale.code).toBe(1);
    expect(stale.output).toContain(values.name);
  });
});
