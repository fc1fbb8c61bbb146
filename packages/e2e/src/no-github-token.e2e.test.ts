/**
 * The local backend without GITHUB_TOKEN (as `pnpm start:backstage` runs it by default):
 * - a dry-run returns the grant and its Terraform, through the API and from the template editor in the app
 *   (Chromium; the template directory is a real browser directory handle in the origin-private file system,
 *   handed to the editor in place of the OS folder dialog, which a headless browser cannot show);
 * - a real task fails at the pull-request step and says that a GitHub token is missing, and how to give one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileGrant, grantFromTemplateInput } from '@kinesis-access/policy-model';
import type { Browser } from 'playwright-core';
import yaml from 'yaml';
import { type RunningBackend, startBackend } from './backendProcess';
import { launchBrowser, SCREENSHOT_DIR, WAIT } from './browser';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const TEMPLATE = 'templates/grant-clickpipes-kinesis-access/template.yaml';

const values = {
  name: 'dry-run-orders',
  clickhouseRoleArn: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
  streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
  repoUrl: 'github.com?owner=acme&repo=infrastructure',
};

let backend: RunningBackend;
let browser: Browser | undefined;
const templateText = readFileSync(path.join(repoRoot, TEMPLATE), 'utf8');

async function api(route: string, init: RequestInit = {}) {
  const res = await fetch(`${backend.baseUrl}${route}`, {
    ...init,
    headers: { authorization: `Bearer ${backend.token}`, 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  backend = await startBackend(repoRoot, { GITHUB_TOKEN: undefined, GITHUB_API_BASE_URL: undefined });
});

afterAll(async () => {
  await browser?.close();
  await backend?.stop();
});

describe('the local backend without a GitHub token', () => {
  it('returns the grant and its Terraform from a dry-run through the API', async () => {
    const { status, body } = await api('/api/scaffolder/v2/dry-run', {
      method: 'POST',
      body: JSON.stringify({ template: yaml.parse(templateText), values, directoryContents: [] }),
    });
    expect(status).toBe(200);
    const files = (body.directoryContents as { path: string; base64Content: string }[]).map(
      (file) => file.path,
    );
    expect(files.sort()).toEqual([
      `generated/stacks/${values.name}/cdk.tf.json`,
      `grants/${values.name}.md`,
      `grants/${values.name}.yaml`,
    ]);
    const compiled = compileGrant(grantFromTemplateInput(values));
    if (!compiled.ok) throw new Error('test grant does not compile');
    expect(JSON.stringify(body.output)).toContain(compiled.value.role.arn);
  });

  it('fails a real task at the pull request, saying that GITHUB_TOKEN is missing', async () => {
    const created = await api('/api/scaffolder/v2/tasks', {
      method: 'POST',
      body: JSON.stringify({ templateRef: 'template:default/grant-clickpipes-kinesis-access', values }),
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    let status = '';
    for (let i = 0; i < 240 && !['completed', 'failed', 'cancelled'].includes(status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = String((await api(`/api/scaffolder/v2/tasks/${id}`)).body.status);
    }
    expect(status).toBe('failed');
    const events = (await fetch(`${backend.baseUrl}/api/scaffolder/v2/tasks/${id}/events`, {
      headers: { authorization: `Bearer ${backend.token}` },
    }).then((res) => res.json())) as { body: { stepId?: string; status?: string; message?: string } }[];
    expect(events.some((e) => e.body.stepId === 'grant' && e.body.status === 'completed')).toBe(true);
    expect(events.some((e) => e.body.stepId === 'pr' && e.body.status === 'failed')).toBe(true);
    const log = events.map((e) => e.body.message ?? '').join('\n');
    expect(log).toContain('the GitHub integration for github.com has no token');
    expect(log).toContain('GITHUB_TOKEN');
  });

  it('runs a dry-run from the template editor in the app', async () => {
    const launched = await launchBrowser({ width: 1440, height: 1000 });
    browser = launched.browser;
    const { page, pageErrors } = launched;
    // The editor asks the browser for a directory (File System Access API). The directory is a real one, in
    // the origin-private file system, holding the real template.yaml; only the OS dialog is skipped.
    await page.addInitScript((template: string) => {
      Object.assign(window, {
        showDirectoryPicker: async () => {
          const root = await navigator.storage.getDirectory();
          const dir = await root.getDirectoryHandle('grant-clickpipes-kinesis-access', { create: true });
          const file = await dir.getFileHandle('template.yaml', { create: true });
          const writable = await file.createWritable();
          await writable.write(template);
          await writable.close();
          return dir;
        },
      });
    }, templateText);

    await page.goto(`${backend.baseUrl}/create/edit`, WAIT);
    await page.getByRole('button', { name: 'Enter' }).click(WAIT);
    await page.getByText('Load Template Directory').click(WAIT);
    await page.getByLabel('Grant name').pressSequentially(values.name, WAIT);
    await page.getByLabel(/ClickHouse service role ARN/).pressSequentially(values.clickhouseRoleArn);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Stream 1 ARN').pressSequentially(values.streams[0]?.arn ?? '');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/^Owner/).pressSequentially('acme');
    await page.keyboard.press('Tab');
    await page.getByLabel(/^Repository/).pressSequentially('infrastructure');
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    // The dry-run result holds the files the template would commit: the grant, its Terraform, the summary.
    const results = page
      .locator('text=Dry-run results')
      .locator('xpath=ancestor::*[.//text()[.="Files"]][1]');
    // A folder of the result tree opens on click; the panel may still re-render (and close it) while the
    // dry-run's last events arrive, so click again until the child shows.
    const open = async (folder: string, child: string) => {
      const target = results.getByText(child, { exact: true });
      for (let attempt = 0; attempt < 6 && !(await target.isVisible()); attempt++) {
        await results.getByText(folder, { exact: true }).click(WAIT);
        await target.waitFor({ timeout: 5_000 }).catch(() => undefined);
      }
      await target.waitFor(WAIT);
      return target;
    };
    await (await open('grants', `${values.name}.yaml`)).click();
    await results.getByText('apiVersion: kinesis-access/v1').first().waitFor(WAIT);
    await results.getByText(`${values.name}.md`, { exact: true }).waitFor(WAIT);
    await open('generated', 'stacks');
    await open('stacks', values.name);
    await open(values.name, 'cdk.tf.json');
    const terraformFile = results.getByText('cdk.tf.json', { exact: true });
    await terraformFile.scrollIntoViewIfNeeded(WAIT);
    await terraformFile.click(WAIT);
    await results.getByText('"aws_iam_role"').first().waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'backstage-template-editor-dry-run.png') });
    expect(pageErrors).toEqual([]);
  });
});
