/**
 * One browser test file's world: `wrangler dev` serving the Worker with the repository's index,
 * a host page of another origin, Chromium, and a fresh browser context and page for each test
 * (so localStorage starts empty). Registers the vitest hooks; the returned object is filled in
 * as they run. The Worker listens on a free port: files run in parallel.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { buildWidget } from '../../../scripts/build-widget.ts';
import { launchChromium } from './browser.ts';
import { startHostPage, type HostPage } from './host-page.ts';
import { MESSAGE, RESULT, typeQuery } from './widget-dom.ts';
import { ROOT } from '../../../scripts/worker-set.ts';
import { startWranglerDev, type WranglerDev as DevServer } from '../../../scripts/wrangler-dev.ts';

const STARTUP_MS = 90_000;
const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');

export interface WidgetSession {
  worker: DevServer;
  host: HostPage;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pageErrors: Error[];
  /** The page's console errors (the widget logs why a search failed), for failure messages. */
  consoleErrors: string[];
}

export function useWidgetSession(contextOptions: BrowserContextOptions = { viewport: { width: 800, height: 640 } }): WidgetSession {
  const session = {} as WidgetSession;
  beforeAll(async () => {
    await buildWidget();
    session.worker = await startWranglerDev();
    session.host = await startHostPage(session.worker.origin);
    session.browser = await launchChromium();
  }, STARTUP_MS);

  afterAll(async () => {
    await session.browser?.close();
    await session.host?.stop();
    await session.worker?.stop();
  });

  beforeEach(async () => {
    session.context = await session.browser.newContext(contextOptions);
    session.page = await session.context.newPage();
    // A locator that finds nothing fails the test within this, saying which, rather than at the test timeout.
    session.page.setDefaultTimeout(10_000);
    session.pageErrors = [];
    session.consoleErrors = [];
    session.page.on('pageerror', (error) => session.pageErrors.push(error));
    session.page.on('console', (message) => message.type() === 'error' && session.consoleErrors.push(message.text()));
  });

  afterEach(async () => {
    await session.context.close();
    expect(session.pageErrors).toEqual([]);
  });
  return session;
}

/** Opens the host page (`params` such as `?limit=2`), types `query` and waits for its results. */
export async function searchOnHost(session: WidgetSession, query: string, params = ''): Promise<void> {
  const { page } = session;
  await page.goto(`${session.host.origin}/${params}`);
  await typeQuery(page, query);
  await waitForResults(session, query);
}

/** Waits for results, or fails at once on the error state and says why instead of timing out. */
export async function waitForResults(session: WidgetSession, query: string): Promise<void> {
  const { page } = session;
  await page.locator(`${RESULT}, arabic-search [part=retry]`).first().waitFor();
  if ((await page.locator(RESULT).count()) === 0)
    throw new Error(`no results for ${query}: ${await page.locator(MESSAGE).textContent()} ${session.consoleErrors.join('\n')}`);
}

/** Serious and critical axe violations inside `include` (ids and the nodes they hit). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

/**
 * Saves a screenshot of the page to tests/e2e/artifacts/widget-<name>.png, and to docs/ with
 * UPDATE_DOCS_SCREENSHOTS=1: the README's pictures are refreshed on demand, not by every run.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `widget-${name}.png`);
  await page.screenshot({ path });
  if (process.env['UPDATE_DOCS_SCREENSHOTS'] === '1') await copyFile(path, join(ROOT, `docs/widget-${name}.png`));
}
