/**
 * Real browser: Debian's Chromium, driven by playwright-core, fills the scaffolder form of the real template
 * (served by ../harness with Vite): a bad ARN shows the model's error, the fixed form shows the preview with the
 * statements the model plans, and the submitted values compile to the same grant.
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH): `bash scripts/setup-chromium.sh`. It fails, never skips, without it.
 * `UPDATE_SCREENSHOTS=1` writes the screenshots into docs/images/ (otherwise into the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '@kinesis-access/fixtures/chromium';
import { type StartedProcess, startProcess, waitUntil } from '@kinesis-access/fixtures/processes';
import { canonicalJson, compileGrant, renderJson, validateGrant } from '@kinesis-access/policy-model';
import { type Browser, chromium, type Page } from 'playwright-core';
import { grantFromTemplateInput } from '../src/grantInput';

const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? join(__dirname, '../../../docs/images')
  : join(tmpdir(), 'kinesis-access-screenshots');
const WAIT = { timeout: 30_000 };

const values = {
  name: 'orders-clickpipes',
  clickhouseRoleArn: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
  streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
  repoUrl: 'github.com?owner=acme&repo=infrastructure',
};
const BAD_ROLE_ARN = 'arn:aws:iam::1111:user/ClickHouse';
const BAD_STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:orders';

/** The policy model's messages for one grant path, with the other fields valid. */
function modelMessages(override: Record<string, unknown>, path: string): string[] {
  const result = validateGrant(grantFromTemplateInput({ ...values, ...override }));
  return result.ok ? [] : result.problems.filter((p) => p.path === path).map((p) => p.message);
}

let server: StartedProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let harnessUrl: string;

/** Starts the Vite harness (serve-harness.mjs) and resolves with the URL it prints once it listens. */
async function startHarness(): Promise<string> {
  const harness = startProcess(process.execPath, [join(__dirname, 'serve-harness.mjs')]);
  server = harness;
  const url = await waitUntil(
    harness,
    'HARNESS_URL',
    async () => /HARNESS_URL=(\S+)/.exec(harness.output())?.[1],
    { deadline: Number.POSITIVE_INFINITY, name: 'harness server', intervalMs: 100 },
  ).catch((error: Error) => {
    throw new Error(`${error.message} (before listening):\n${harness.output()}`);
  });
  return url;
}

beforeAll(async () => {
  const options = chromiumLaunchOptions('The browser test');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  harnessUrl = await startHarness();
  browser = await chromium.launch(options);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(harnessUrl, { timeout: 60_000 });
  await page.getByLabel(/ClickHouse service role ARN/).waitFor({ timeout: 60_000 });
  if (pageErrors.length > 0)
    throw new Error(`page errors while loading the harness:\n${pageErrors.join('\n')}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the form in Chromium', () => {
  it('shows the model error for a bad ClickHouse role ARN and clears it when fixed', async () => {
    const expected = modelMessages({ clickhouseRoleArn: BAD_ROLE_ARN }, 'spec.principal.roleArn');
    expect(expected.length).toBeGreaterThan(0);

    await page.getByLabel('Grant name').fill(values.name);
    const roleArn = page.getByLabel(/ClickHouse service role ARN/);
    await roleArn.pressSequentially(BAD_ROLE_ARN);
    const errors = page.getByTestId('clickhouse-role-arn-errors');
    for (const message of expected) await errors.getByText(message, { exact: true }).waitFor(WAIT);
    expect(await roleArn.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'kinesis-access-form-error.png'),
      clip: { x: 0, y: 0, width: 1440, height: 520 },
    });

    await roleArn.fill(values.clickhouseRoleArn);
    await errors.getByText(expected[0] ?? '', { exact: true }).waitFor({ ...WAIT, state: 'detached' });
    expect(await errors.textContent()).toBe('');
    expect(await roleArn.getAttribute('aria-invalid')).toBe('false');
  });

  it('shows per-row stream errors from the model', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    const expected = modelMessages({ streams: [{ arn: BAD_STREAM_ARN }] }, 'spec.streams[0].arn');
    expect(expected.length).toBeGreaterThan(0);

    const streamArn = page.getByLabel('Stream 1 ARN');
    await streamArn.fill(BAD_STREAM_ARN);
    const row = page.getByTestId('stream-row-0');
    for (const message of expected) await row.getByText(message, { exact: true }).waitFor(WAIT);

    await streamArn.fill(values.streams[0]?.arn ?? '');
    await row.getByText(expected[0] ?? '', { exact: true }).waitFor({ ...WAIT, state: 'detached' });
  });

  it('previews the trust and permission policies the model plans, e.g. SubscribeToShard on consumer ARNs', async () => {
    const compiled = compileGrant(grantFromTemplateInput(values));
    if (!compiled.ok) throw new Error(`test grant does not compile: ${JSON.stringify(compiled.problems)}`);
    const rendered = renderJson(compiled.value);
    const subscribe = rendered.policies
      .flatMap((policy) => policy.document.Statement)
      .find((statement) => [statement.Action].flat().includes('kinesis:SubscribeToShard'));
    const subscribeResources = [subscribe?.Resource ?? []].flat();
    // Behaviour, not just equality with the model: SubscribeToShard is scoped to the stream's consumers.
    expect(subscribeResources.length).toBeGreaterThan(0);
    for (const resource of subscribeResources) expect(resource).toMatch(/:stream\/orders\/consumer\//);

    await page.getByRole('button', { name: 'Next' }).click();
    const preview = page.getByTestId('kinesis-access-preview');
    await preview.getByText('kinesis:SubscribeToShard').first().waitFor(WAIT);

    const trust = await preview.getByLabel('Trust policy', { exact: true }).textContent();
    expect(trust).toBe(canonicalJson(rendered.trustPolicy));
    expect(trust).toContain(values.clickhouseRoleArn);
    for (const policy of rendered.policies) {
      expect(
        await preview.getByLabel(`Permission policy ${policy.name}`, { exact: true }).textContent(),
      ).toBe(canonicalJson(policy.document));
    }
    const previewText = (await preview.textContent()) ?? '';
    for (const resource of subscribeResources) expect(previewText).toContain(resource);
    expect(previewText).toContain(compiled.value.role.arn);
    for (const quota of compiled.value.quotas) expect(previewText).toContain(quota.name);

    await page.getByLabel('Infrastructure repository').fill(values.repoUrl);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'kinesis-access-form-preview.png'), fullPage: true });
  });

  it('submits the values the action receives, and they compile to the previewed grant', async () => {
    expect(await page.getByLabel('Infrastructure repository').inputValue()).toBe(values.repoUrl);
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    const created = JSON.parse((await page.getByTestId('created-values').textContent()) ?? '{}');
    expect(created).toMatchObject(values);
    const compiled = compileGrant(grantFromTemplateInput(created));
    expect(compiled.ok && compiled.value.role.arn).toBeTruthy();
    expect(created.preview).toBe(compiled.ok ? compiled.value.role.arn : 'not ok');
    expect(await page.getByTestId('created-grant-status').textContent()).toBe(
      `grant ok: ${compiled.ok ? compiled.value.role.arn : ''}`,
    );
  });
});
