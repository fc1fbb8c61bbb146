/**
 * The app under test and the steps a person takes in it, shared by the browser end-to-end tests: Chromium with one
 * page, the GitHub API stand-in, and the real backend (serving the built app) pointed at the stand-in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type RunningBackend, startBackend } from './backendProcess';
import { type BrowserPage, launchBrowser, typeInto, WAIT } from './browser';
import { type GithubStandIn, startGithubStandIn } from './githubStandIn';

export interface RunningApp extends BrowserPage {
  readonly github: GithubStandIn;
  readonly backend: RunningBackend;
  /** Closes the browser, stops the backend and closes the stand-in. */
  close(): Promise<void>;
}

/**
 * Launches Chromium (1280×900), starts the GitHub stand-in with `seed` on its base branch (empty without it), and
 * the backend with `GITHUB_TOKEN` and `GITHUB_API_BASE_URL` pointing at the stand-in. What started is stopped again
 * when a later part fails.
 */
export async function startApp(
  repoRoot: string,
  seed?: Readonly<Record<string, string>>,
): Promise<RunningApp> {
  const { browser, page, pageErrors } = await launchBrowser({ width: 1280, height: 900 });
  let github: GithubStandIn | undefined;
  try {
    github = await startGithubStandIn();
    if (seed) github.seed(seed);
    const backend = await startBackend(repoRoot, {
      GITHUB_TOKEN: github.token,
      GITHUB_API_BASE_URL: github.apiBaseUrl,
    });
    const started = github;
    const close = async () => {
      await browser.close();
      await backend.stop();
      await started.close();
    };
    return { browser, page, pageErrors, github, backend, close };
  } catch (error) {
    await browser.close();
    await github?.close();
    throw error;
  }
}

/**
 * The app for one test file, and a fresh temporary `workDir` (named after `prefix`). Registers its jest hooks: after
 * each test, the page threw no uncaught error; after all, the app is closed and `workDir` removed. The file's
 * `beforeAll` calls `start`.
 */
export function appForTests(
  repoRoot: string,
  prefix: string,
): { workDir: string; start(seed?: Readonly<Record<string, string>>): Promise<RunningApp> } {
  const workDir = mkdtempSync(path.join(tmpdir(), prefix));
  let app: RunningApp | undefined;
  afterAll(async () => {
    await app?.close();
    rmSync(workDir, { recursive: true, force: true });
  });
  afterEach(() => {
    const pageErrors = app?.pageErrors ?? [];
    expect(pageErrors).toEqual([]);
  });
  return {
    workDir,
    async start(seed) {
      app = await startApp(repoRoot, seed);
      return app;
    },
  };
}

/** /create, signing in as guest again when a fresh page load asks for it. */
export async function openCreate(page: Page, backend: RunningBackend): Promise<void> {
  await page.goto(`${backend.baseUrl}/create`, WAIT);
  const enter = page.getByRole('button', { name: 'Enter' });
  const listed = page.getByText('Grant ClickPipes Kinesis access').first();
  await enter.or(listed).first().waitFor(WAIT);
  if (await enter.isVisible()) {
    await enter.click();
    await listed.waitFor(WAIT);
  }
}

/** On /create: chooses the template card titled `title` and waits for its form (`slug` is its name). */
export async function chooseTemplate(page: Page, title: string, slug: string): Promise<void> {
  const card = page
    .locator('article, [class*="Card"]', { hasText: title })
    .filter({ has: page.getByRole('button', { name: 'Choose' }) })
    .last();
  await card.getByRole('button', { name: 'Choose' }).click(WAIT);
  await page.waitForURL(new RegExp(`/create/templates/default/${slug}`), WAIT);
}

/** Types owner and repository into the RepoUrlPicker. */
export async function fillRepository(page: Page, owner: string, repo: string): Promise<void> {
  // The repository box is a free-text autocomplete: like a person, leave it (Tab) to commit the typed name.
  await typeInto(page, /^Owner/, owner);
  await page.keyboard.press('Tab');
  await typeInto(page, /^Repository/, repo);
  await page.keyboard.press('Tab');
}

/**
 * After Create: waits for the task page and its pull-request link, and checks that the backend reports the task
 * completed. Returns the task id.
 */
export async function waitForTask(page: Page, backend: RunningBackend): Promise<string> {
  await page.waitForURL(/\/create\/tasks\/[^/]+$/, WAIT);
  const taskId = new URL(page.url()).pathname.split('/').pop() as string;
  await page.getByRole('link', { name: /Review the pull request/i }).waitFor({ timeout: 120_000 });
  // The real task, as the backend reports it.
  const task = (await fetch(`${backend.baseUrl}/api/scaffolder/v2/tasks/${taskId}`, {
    headers: { authorization: `Bearer ${backend.token}` },
  }).then((res) => res.json())) as { status: string };
  expect(task.status).toBe('completed');
  return taskId;
}
