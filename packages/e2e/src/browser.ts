/** Debian's Chromium driven by playwright-core, shared by the browser end-to-end tests. */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from '@kinesis-access/fixtures/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** `UPDATE_SCREENSHOTS=1` writes the screenshots into docs/images/ (else the OS temp dir). */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'docs/images')
  : path.join(tmpdir(), 'kinesis-access-e2e-screenshots');
/** How long a page may take to show what a step waits for. */
export const WAIT = { timeout: 60_000 };

export interface BrowserPage {
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught errors of the page, as they happen. */
  readonly pageErrors: string[];
}

/**
 * Launches Chromium headless (failing, never skipping, when it is missing) with one page of the given size, and
 * makes the screenshot directory.
 */
export async function launchBrowser(viewport: { width: number; height: number }): Promise<BrowserPage> {
  const options = chromiumLaunchOptions('The end-to-end test');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await chromium.launch(options);
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { browser, page, pageErrors };
}

/** A full-page screenshot, `backstage-<name>.png` in {@link SCREENSHOT_DIR}. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `backstage-${name}.png`), fullPage: true });
}

/** Clicks the field labelled `label` and types `text` key by key, like a person; returns the field. */
export async function typeInto(page: Page, label: string | RegExp, text: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.pressSequentially(text);
  return input;
}
