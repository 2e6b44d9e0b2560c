/**
 * Corpus text is untrusted: an article whose title, source and body are markup must show as
 * text in the widget and on the article page, and run nothing. The Worker under test is a copy
 * of src/ with its own index built from a one-article corpus, so the shared index is untouched.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget } from '../../scripts/build-widget.ts';
import { launchChromium } from './support/browser.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import { ROOT } from '../../scripts/worker-set.ts';
import { startWranglerDev, type WranglerDev } from '../../scripts/wrangler-dev.ts';
import { RESULT, typeQuery } from './support/widget-dom.ts';

const TITLE = '<img src=x onerror=alert(1)>';
const SOURCE = '<svg onload=alert(2)>';
const ID = 'untrusted-markup';
const ARTICLE = `---
title: ${JSON.stringify(TITLE)}
source: ${JSON.stringify(SOURCE)}
date: 2025-01-26
---

قال بوتين <script>alert(3)</script> إن القمة <b onmouseover=alert(4)>ناجحة</b>.

فقرة ثانية عن بوتين و"<iframe src=javascript:alert(5)>".
`;

let dir: string;
let worker: WranglerDev;
let host: HostPage;
let browser: Browser;

/** A copy of the Worker whose index holds only the article above. */
async function prepareWorker(): Promise<string> {
  await buildWidget();
  await mkdir(join(ROOT, '.wrangler'), { recursive: true });
  dir = await mkdtemp(join(ROOT, '.wrangler', 'e2e-untrusted-'));
  // Inside the repository so that the copy resolves hono and minisearch from node_modules.
  await cp(join(ROOT, 'src'), join(dir, 'src'), { recursive: true, filter: (path) => !/index-data\.(js|bin)$/.test(path) });
  await mkdir(join(dir, 'corpus'));
  await writeFile(join(dir, 'corpus', `${ID}.md`), ARTICLE);
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'build-index/cli.ts'), '--corpus', join(dir, 'corpus'), '--out', join(dir, 'src/generated/index-data.js')],
    { encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`build-index failed:\n${build.stderr}`);
  await cp(join(ROOT, 'wrangler.toml'), join(dir, 'wrangler.toml'));
  return join(dir, 'wrangler.toml');
}

beforeAll(async () => {
  worker = await startWranglerDev({ configs: [await prepareWorker()] });
  host = await startHostPage(worker.origin);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await worker?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A page that records every dialog (alert) instead of blocking on it. */
async function watchedPage(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

describe('an article whose title is markup', () => {
  it('shows as text in the widget and runs no script', async () => {
    const { page, dialogs } = await watchedPage();
    await page.goto(`${host.origin}/?csp=0`);
    await typeQuery(page, 'بوتين');
    const result = page.locator(RESULT).first();
    await result.waitFor();
    expect(await result.locator('[part=title]').textContent()).toBe(TITLE);
    expect(await result.locator('[part=meta]').textContent()).toContain(SOURCE);
    expect(await page.locator('arabic-search img, arabic-search svg, arabic-search script, arabic-search b').count()).toBe(0);
    await page.waitForTimeout(300); // an injected onerror would have fired by now
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('renders as text on the article page and runs no script', async () => {
    const { page, dialogs } = await watchedPage();
    await page.goto(`${worker.origin}/articles/${ID}?q=${encodeURIComponent('بوتين')}`);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    expect(await page.locator('.meta').textContent()).toContain(SOURCE);
    expect(await page.locator('article').textContent()).toContain('<script>alert(3)</script>');
    expect(await page.locator('img, svg, iframe, b, article script').count()).toBe(0);
    // The only script is the widget, from the Worker's own origin.
    expect(await page.locator('script').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')))).toEqual(['/widget.js']);
    expect(await page.locator('article mark').count()).toBe(2);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
