/**
 * The widget in headless Chromium, embedded in a page of another origin, against `wrangler dev`
 * serving the Worker with the repository's index (npm run build-index).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { type HostPage } from './support/host-page.ts';
import type { WranglerDev as DevServer } from '../../scripts/wrangler-dev.ts';
import { articleId, INPUT, LIVE, MESSAGE, OPTION, PANEL, RESULT, shownResults, typeQuery } from './support/widget-dom.ts';
import { saveScreenshot, searchOnHost as search, seriousViolations as axeViolations, useWidgetSession } from './support/widget-session.ts';

const session = useWidgetSession();
let worker: DevServer;
let host: HostPage;
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ worker, host, context, page } = session);
});

const searchOnHost = (query: string, params = ''): Promise<void> => search(session, query, params);
const seriousViolations = (include?: string): Promise<string[]> => axeViolations(page, include);

describe('<arabic-search> on a page of another origin', () => {
  it('shows results with the matched words highlighted while typing بوتين', async () => {
    await searchOnHost('بوتين');
    const results = await shownResults(page);
    expect(results.length).toBeGreaterThan(1);
    for (const result of results) {
      expect(result.marks.length, result.title).toBeGreaterThan(0);
      for (const mark of result.marks) expect(mark).toContain('بوتين');
    }
    expect(new URL(results[0]!.href).origin).toBe(worker.origin);
    expect(await page.locator('arabic-search form[role=search]').count()).toBe(1);
    expect(await page.locator(INPUT).getAttribute('aria-controls')).toBe(await page.locator('arabic-search [role=listbox]').getAttribute('id'));
    await expect.poll(() => page.locator(INPUT).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator(LIVE).textContent()).toMatch(/نتيجة|نتائج|نتيجتان/);
  });

  it("opens the second result's article with ↓ ↓ Enter", async () => {
    await searchOnHost('بوتين');
    const [, second] = await shownResults(page);
    expect(second).toBeDefined();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const activeId = await page.locator(INPUT).getAttribute('aria-activedescendant');
    expect(await page.locator(`arabic-search [id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(RESULT).nth(1).getAttribute('id')).toBe(activeId);

    await page.keyboard.press('Enter');
    await page.waitForURL(second!.href);
    expect(await page.locator('h1').textContent()).toBe(second!.title);
    expect(await page.locator('article mark').count()).toBeGreaterThan(0);
  });

  it('closes the list with Escape, and clears the query with a second Escape', async () => {
    await searchOnHost('بوتين');
    await page.keyboard.press('Escape');
    expect(await page.locator(INPUT).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(PANEL).isHidden()).toBe(true);
    expect(await page.locator(INPUT).inputValue()).toBe('بوتين');
    await page.keyboard.press('Escape');
    expect(await page.locator(INPUT).inputValue()).toBe('');
  });

  it('offers completions of the word being typed, and searches for the one chosen', async () => {
    await page.goto(host.origin);
    await typeQuery(page, 'قمة هلس');
    const suggestion = page.locator('arabic-search [part~=suggestion]', { hasText: 'قمة هلسنكي' });
    await suggestion.waitFor();
    await suggestion.click();
    expect(await page.locator(INPUT).inputValue()).toBe('قمة هلسنكي');
    await expect.poll(async () => (await shownResults(page)).map((result) => new URL(result.href).searchParams.get('q'))[0]).toBe('قمة هلسنكي');
  });

  it('says لا توجد نتائج when nothing matches', async () => {
    await page.goto(host.origin);
    await typeQuery(page, 'زقزقزقة');
    await expect.poll(() => page.locator(LIVE).textContent()).toBe('لا توجد نتائج');
    expect(await page.locator(MESSAGE).textContent()).toBe('لا توجد نتائج');
    expect(await page.locator(RESULT).count()).toBe(0);
  });

  it('finds the same results for a diacritized query', async () => {
    await searchOnHost('بوتين');
    const plain = (await shownResults(page)).map((result) => articleId(result.href));
    await typeQuery(page, 'بُوتِين');
    await expect.poll(async () => (await shownResults(page)).map((result) => new URL(result.href).searchParams.get('q'))[0]).toBe('بُوتِين');
    const diacritized = (await shownResults(page)).map((result) => articleId(result.href));
    expect(plain.length).toBeGreaterThan(0);
    expect(diacritized).toEqual(plain);
  });

  it('shows the loading state while the API is slow, without moving the page', async () => {
    await page.goto(host.origin);
    const below = page.locator('h2');
    const before = await below.boundingBox();
    await page.route('**/api/search?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => undefined);
    });
    await typeQuery(page, 'بوتين');
    await expect.poll(() => page.locator(MESSAGE).textContent()).toBe('جارٍ البحث…');
    expect(await page.locator('arabic-search [part=root]').getAttribute('data-busy')).toBe('');
    expect(await page.locator('arabic-search [role=listbox]').getAttribute('aria-busy')).toBe('true');
    expect(await below.boundingBox()).toEqual(before);

    await page.locator(RESULT).first().waitFor();
    expect(await page.locator('arabic-search [part=root]').getAttribute('data-busy')).toBeNull();
    expect(await below.boundingBox()).toEqual(before);
  });

  it('shows the error state when the API fails, and recovers on retry', async () => {
    await page.goto(host.origin);
    await page.route('**/api/search?**', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: '/docs/problems#internal-error', status: 500, detail: 'boom' }),
      }),
    );
    await typeQuery(page, 'بوتين');
    await expect.poll(() => page.locator(LIVE).textContent()).toBe('تعذّر البحث. حاول مرة أخرى.');
    expect(await page.locator(MESSAGE).textContent()).toContain('تعذّر البحث');
    expect(await page.locator(OPTION).count()).toBe(0);

    await page.unroute('**/api/search?**');
    await page.locator('arabic-search [part=retry]').click();
    await page.locator(RESULT).first().waitFor();
  });

  it('says when a sharded archive answered without some of its parts', async () => {
    await page.goto(host.origin);
    await page.route('**/api/search?**', async (route) => {
      const response = await route.fetch();
      const body = { ...((await response.json()) as object), partial: true, unavailableShards: ['shard-1'] };
      await route.fulfill({ response, json: body });
    });
    await typeQuery(page, 'بوتين');
    await page.locator(RESULT).first().waitFor();
    await expect.poll(() => page.locator(MESSAGE).textContent()).toContain('جزء من الأرشيف لم يستجب');
    await page.unroute('**/api/search?**');
  });

  it('shows the offline state and searches again when the connection is back', async () => {
    await page.goto(host.origin);
    await context.setOffline(true);
    await typeQuery(page, 'بوتين');
    await expect.poll(() => page.locator(MESSAGE).textContent()).toContain('لا يوجد اتصال بالإنترنت');
    await context.setOffline(false);
    await page.locator(RESULT).first().waitFor();
  });

  it('never shows an older answer that arrives after a newer one', async () => {
    await page.goto(host.origin);
    await page.route('**/api/search?**', async (route) => {
      if (new URL(route.request().url()).searchParams.get('q') === 'بوتين') await new Promise((resolve) => setTimeout(resolve, 1200));
      await route.continue().catch(() => undefined);
    });
    await typeQuery(page, 'بوتين');
    await page.waitForTimeout(400); // past the debounce: the slow request is in flight
    await page.locator(INPUT).pressSequentially(' ترامب', { delay: 30 });
    await page.locator(RESULT).first().waitFor();
    await page.waitForTimeout(1500); // the slow answer, had it not been dropped, would be shown by now
    const results = await shownResults(page);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(new URL(result.href).searchParams.get('q')).toBe('بوتين ترامب');
  });

  it('stays right-to-left and untouched by the CSS of an LTR host page', async () => {
    await searchOnHost('بوتين');
    const style = await page.locator(INPUT).evaluate((input) => {
      const computed = getComputedStyle(input);
      return { direction: computed.direction, letterSpacing: computed.letterSpacing, textTransform: computed.textTransform, display: computed.display };
    });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(style).toEqual({ direction: 'rtl', letterSpacing: 'normal', textTransform: 'none', display: 'block' });
    // Keyboard focus is visible.
    expect(await page.locator(INPUT).evaluate((input) => getComputedStyle(input).outlineStyle)).toBe('solid');
    expect(await page.locator('arabic-search [part=root]').getAttribute('lang')).toBe('ar');
    // The panel hangs from the input's inline start: its right edge lines up with the input's.
    const input = (await page.locator(INPUT).boundingBox())!;
    const panel = (await page.locator(PANEL).boundingBox())!;
    expect(Math.abs(panel.x + panel.width - (input.x + input.width))).toBeLessThan(2);
  });

  it('writes numbers in Arabic-Indic digits when digits="arab"', async () => {
    await searchOnHost('بوتين', '?digits=arab');
    const live = await page.locator(LIVE).textContent();
    const meta = await page.locator('arabic-search [part=meta]').allTextContents();
    expect(`${live} ${meta.join(' ')}`).not.toMatch(/[0-9]/);
    expect(`${live} ${meta.join(' ')}`).toMatch(/[٠-٩]/);
  });

  it('can be themed by the host page with custom properties and ::part()', async () => {
    await searchOnHost('بوتين', '?plain=1&themed=1');
    const mark = page.locator('arabic-search mark').first();
    expect(await mark.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(0, 128, 0)');
    expect(
      await page
        .locator('arabic-search [part~=title]')
        .first()
        .evaluate((element) => getComputedStyle(element).color),
    ).toBe('rgb(128, 0, 128)');
  });

  it('has no serious or critical accessibility violations with results open', async () => {
    await searchOnHost('بوتين');
    await page.keyboard.press('ArrowDown');
    expect(await seriousViolations('arabic-search')).toEqual([]);
  });

  it('is saved as a screenshot with results, light with the filters open and dark, right-to-left', async () => {
    for (const theme of ['light', 'dark']) {
      await searchOnHost('بوتين', `?dir=rtl&plain=1&theme=${theme}`);
      if (theme === 'light') {
        await page.locator('arabic-search [part=filters-toggle]').click();
        await page.locator(INPUT).focus();
      }
      await page.keyboard.press('ArrowDown');
      await saveScreenshot(page, theme);
    }
  });
});

describe('pages of the Worker', () => {
  it('GET / embeds the widget, which searches under the page CSP', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(worker.origin);
    await typeQuery(page, 'بوتين');
    await page.locator(RESULT).first().waitFor();
    // The widget's stylesheet applied (a constructed sheet, which the page CSP allows).
    expect(await page.locator(INPUT).evaluate((input) => getComputedStyle(input).borderRadius)).not.toBe('0px');
    expect(violations).toEqual([]);
    expect(await page.locator('pre code').textContent()).toContain(`<arabic-search endpoint="${worker.origin}/api">`);
    expect(await seriousViolations()).toEqual([]);
  });

  it('GET /articles/:id?q= highlights the searched words, diacritics or not', async () => {
    const search = (await (await fetch(`${worker.origin}/api/search?q=${encodeURIComponent('بوتين')}`)).json()) as { hits: { id: string }[] };
    const id = search.hits[0]!.id;
    await page.goto(`${worker.origin}/articles/${encodeURIComponent(id)}?q=${encodeURIComponent('بُوتِين')}`);
    const marks = await page.locator('article mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toContain('بوتين');
    expect(await page.locator(INPUT).inputValue()).toBe('بُوتِين');
    expect(await seriousViolations()).toEqual([]);
  });

  it('GET /articles/:id of an unknown id is an HTML 404 page', async () => {
    const response = await page.goto(`${worker.origin}/articles/no-such-article`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('مقال غير موجود');
  });

  it('GET /widget.js is a module script other origins may load and cache', async () => {
    const response = await fetch(`${worker.origin}/widget.js`, { headers: { Origin: host.origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/);
    const etag = response.headers.get('ETag')!;
    expect((await fetch(`${worker.origin}/widget.js`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});
