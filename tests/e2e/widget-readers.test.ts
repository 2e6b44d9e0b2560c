/**
 * The widget's reader features in Chromium against the real Worker and the seed corpus:
 * filters (sources, dates, sort), more results, the modal mode, recent searches. The seed
 * corpus has five articles matching بوتين; two have a source (one each) and one a date.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot, searchOnHost, seriousViolations, useWidgetSession, waitForResults } from './support/widget-session.ts';
import {
  CLEAR_RECENT,
  DIALOG,
  FILTERS,
  FILTERS_TOGGLE,
  focused,
  INPUT,
  LIVE,
  MESSAGE,
  MORE,
  PANEL,
  RECENT,
  RESULT,
  shownIds,
  TRIGGER,
  typeQuery,
} from './support/widget-dom.ts';

const session = useWidgetSession();

/** The seed articles that have a source or a date. */
const RASD = { id: '001_1e7204591e24c5fd', source: 'شبكة رصد الإخبارية' };
const MUSTAQILLA = { id: '004_982c28391604204f', source: 'وكالة الصحافة المستقلة', date: '2025-01-26' };
const ALL_PUTIN = 5;

/** Waits until the results are `ids`, in that order. */
const expectIds = (ids: string[] | number): Promise<void> =>
  expect.poll(async () => (typeof ids === 'number' ? (await shownIds(session.page)).length : shownIds(session.page)), { timeout: 5000 }).toEqual(ids);

const sourceLabels = (): Promise<string[]> => session.page.locator(`${FILTERS} label:has(input[type=checkbox])`).allTextContents();
/** A filter control by its label (a source's label ends with its count). */
const filter = (role: 'checkbox' | 'combobox', name: string) => session.page.locator(FILTERS).getByRole(role, { name, exact: role === 'combobox' });
const dateInput = (name: 'من' | 'إلى') => session.page.locator(FILTERS).getByLabel(name, { exact: true });

async function openFilters(): Promise<void> {
  await session.page.locator(FILTERS_TOGGLE).click();
  expect(await session.page.locator(FILTERS_TOGGLE).getAttribute('aria-expanded')).toBe('true');
  await session.page.locator(FILTERS).waitFor();
}

describe('filters', () => {
  it('lists the sources of the results with their counts, and narrows the results to the one checked', async () => {
    const { page } = session;
    await page.goto(session.host.origin);
    await openFilters();
    expect(await page.locator(`${FILTERS} .as-note`).textContent()).toBe('تظهر المصادر بعد البحث.');
    await page.locator(INPUT).focus();
    await typeQuery(page, 'بوتين');
    await expectIds(ALL_PUTIN);
    expect(await sourceLabels()).toEqual([`${RASD.source} (1)`, `${MUSTAQILLA.source} (1)`]);
    expect(await page.locator(`${FILTERS} .as-note`).isHidden()).toBe(true);

    await filter('checkbox', RASD.source).check();
    await expectIds([RASD.id]);
    expect(await page.locator(LIVE).textContent()).toBe('نتيجة واحدة');
    // Counts are taken before the source filter, so the other source stays on offer.
    expect(await sourceLabels()).toEqual([`${RASD.source} (1)`, `${MUSTAQILLA.source} (1)`]);
    expect(await page.locator(FILTERS_TOGGLE).textContent()).toBe('تصفية (1)');
    expect(await seriousViolations(page, 'arabic-search')).toEqual([]);

    await filter('checkbox', RASD.source).uncheck();
    await expectIds(ALL_PUTIN);
    expect(await page.locator(FILTERS_TOGGLE).textContent()).toBe('تصفية');
  });

  it('offers the sources listed in the sources attribute before anything is typed, and the first search uses the one checked', async () => {
    const { page } = session;
    await page.goto(`${session.host.origin}/?sources=${encodeURIComponent(`${RASD.source}, ${MUSTAQILLA.source}`)}`);
    await openFilters();
    expect(await sourceLabels()).toEqual([RASD.source, MUSTAQILLA.source]);
    await filter('checkbox', MUSTAQILLA.source).check();
    expect(await page.locator(PANEL).isHidden()).toBe(true);
    await page.locator(INPUT).focus();
    await typeQuery(page, 'بوتين');
    await expectIds([MUSTAQILLA.id]);
    expect(await sourceLabels()).toEqual([`${RASD.source} (1)`, `${MUSTAQILLA.source} (1)`]);
  });

  it('narrows the results to the dates typed in, and says when none fall in the range', async () => {
    const { page } = session;
    await searchOnHost(session, 'بوتين');
    await openFilters();
    await dateInput('من').fill('2025-01-01');
    await dateInput('إلى').fill('2025-01-31');
    await expectIds([MUSTAQILLA.id]);
    expect(await filter('combobox', 'التاريخ').inputValue()).toBe('c'); // "custom range"
    expect(await page.locator(FILTERS_TOGGLE).textContent()).toBe('تصفية (1)');

    // A start after the end moves the end along instead of asking the API for an empty range.
    await dateInput('من').fill('2025-02-01');
    expect(await dateInput('إلى').inputValue()).toBe('2025-02-01');
    await expect.poll(() => page.locator(MESSAGE).textContent(), { timeout: 5000 }).toBe('لا توجد نتائج');
    expect(await page.locator(RESULT).count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('counts a date preset back from today, chosen before typing', async () => {
    const { page } = session;
    await page.clock.setFixedTime(new Date('2025-02-01T10:00:00'));
    await page.goto(session.host.origin);
    await openFilters();
    await filter('combobox', 'التاريخ').selectOption({ label: 'آخر أسبوع' });
    expect(await dateInput('من').inputValue()).toBe('2025-01-25');
    expect(await dateInput('إلى').inputValue()).toBe('');
    await page.locator(INPUT).focus();
    await typeQuery(page, 'بوتين');
    await expectIds([MUSTAQILLA.id]);

    await filter('combobox', 'التاريخ').selectOption({ label: 'آخر يوم' });
    expect(await dateInput('من').inputValue()).toBe('2025-01-31');
    await expect.poll(() => page.locator(MESSAGE).textContent(), { timeout: 5000 }).toBe('لا توجد نتائج');

    await filter('combobox', 'التاريخ').selectOption({ label: 'أي وقت' });
    expect(await dateInput('من').inputValue()).toBe('');
    await expectIds(ALL_PUTIN);
  });

  it('sorts the newest first, and back by relevance', async () => {
    const { page } = session;
    await searchOnHost(session, 'بوتين');
    const relevance = await shownIds(page);
    // Only one seed article has a date; the test means something only if relevance ranks it lower.
    expect(relevance[0]).not.toBe(MUSTAQILLA.id);
    const sorts = page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.querySelector('arabic-search')!.addEventListener('as-results', (event) => {
            seen.push((event as CustomEvent<{ sort: string }>).detail.sort);
            if (seen.length === 2) resolve(seen);
          });
        }),
    );
    await openFilters();
    await filter('combobox', 'الترتيب').selectOption({ label: 'الأحدث' });
    await expectIds([MUSTAQILLA.id, ...relevance.filter((id) => id !== MUSTAQILLA.id)]);
    await filter('combobox', 'الترتيب').selectOption({ label: 'الأكثر صلة' });
    await expectIds(relevance);
    expect(await sorts).toEqual(['newest', 'relevance']);
  });
});

describe('more results', () => {
  it('loads the next page from the keyboard, keeping the focus in the input on the first new result', async () => {
    const { page } = session;
    await searchOnHost(session, 'بوتين', '?limit=2');
    const firstPage = await shownIds(page);
    expect(firstPage).toHaveLength(2);
    expect(await page.locator(MESSAGE).textContent()).toBe('2 من 5 نتائج');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator(INPUT).getAttribute('aria-activedescendant')).toBe(await page.locator(MORE).getAttribute('id'));
    await page.keyboard.press('Enter');

    await expectIds(4);
    expect((await shownIds(page)).slice(0, 2)).toEqual(firstPage);
    expect(await focused(page)).toBe('widget:input');
    const third = page.locator(RESULT).nth(2);
    expect(await page.locator(INPUT).getAttribute('aria-activedescendant')).toBe(await third.getAttribute('id'));
    expect(await third.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(LIVE).textContent()).toBe('4 من 5 نتائج');

    // ↓ goes on from the new result: the fourth, then "more" again, which a click also loads.
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(INPUT).getAttribute('aria-activedescendant')).toBe(await page.locator(RESULT).nth(3).getAttribute('id'));
    await page.locator(MORE).click();
    await expectIds(5);
    expect(new Set(await shownIds(page)).size).toBe(5);
    expect(await page.locator(MORE).count()).toBe(0);
    expect(await focused(page)).toBe('widget:input');
    expect(await page.locator(LIVE).textContent()).toBe('5 نتائج');
    const ids = await page.locator('arabic-search [role=option]').evaluateAll((options) => options.map((option) => option.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts in Arabic with the dual after من: ١ من نتيجتين', async () => {
    const { page } = session;
    await searchOnHost(session, 'هلسنكي', '?limit=1&digits=arab');
    expect(await page.locator(MESSAGE).textContent()).toBe('١ من نتيجتين');
    await page.locator(MORE).click();
    await expectIds(2);
    expect(await page.locator(MESSAGE).textContent()).toBe('نتيجتان');
  });
});

describe('modal mode', () => {
  /** Presses `key` `times` times and checks after each press that the focus is in the dialog. */
  async function tabAround(key: 'Tab' | 'Shift+Tab', times: number): Promise<Set<string>> {
    const seen = new Set<string>();
    for (let i = 0; i < times; i++) {
      await session.page.keyboard.press(key);
      const where = await focused(session.page);
      expect(where, `after ${i + 1} × ${key}`).toMatch(/^dialog:/);
      seen.add(where);
    }
    return seen;
  }

  it('opens with Ctrl+K, keeps Tab inside, closes with Escape and gives the focus back to the trigger', async () => {
    const { page } = session;
    await page.goto(`${session.host.origin}/?mode=modal`);
    const events: string[] = [];
    await page.exposeFunction('recordEvent', (type: string) => events.push(type));
    await page.evaluate(() => {
      for (const type of ['as-open', 'as-close'])
        document.querySelector('arabic-search')!.addEventListener(type, () => (window as unknown as { recordEvent(type: string): void }).recordEvent(type));
    });
    expect(await page.locator(TRIGGER).isVisible()).toBe(true);
    expect(await page.locator(DIALOG).isVisible()).toBe(false);
    expect(await page.locator(TRIGGER).getAttribute('aria-keyshortcuts')).toBe('Control+K Meta+K /');

    await page.keyboard.press('Control+k');
    await page.locator(DIALOG).waitFor();
    expect(await focused(page)).toBe('dialog:input');
    await typeQuery(page, 'بوتين');
    await waitForResults(session, 'بوتين');
    await openFilters();
    expect(await seriousViolations(page, 'arabic-search')).toEqual([]);

    await page.locator(INPUT).focus();
    // Enough presses to go round more than once (a date field takes one per part of the date).
    const forward = await tabAround('Tab', 30);
    const backward = await tabAround('Shift+Tab', 30);
    // It went round: the input, the filter controls and the close button were all reached.
    for (const seen of [forward, backward])
      expect([...seen]).toEqual(expect.arrayContaining(['dialog:input', 'dialog:filters-toggle', 'dialog:close', 'dialog:input.checkbox']));

    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'hidden' });
    await expect.poll(() => focused(page)).toBe('widget:trigger');
    await expect.poll(() => events).toEqual(['as-open', 'as-close']);
  });

  it('closes on a click outside it, on the backdrop', async () => {
    const { page } = session;
    await page.goto(`${session.host.origin}/?mode=modal`);
    await page.locator(TRIGGER).click();
    await page.locator(DIALOG).waitFor();
    const dialog = (await page.locator(DIALOG).boundingBox())!;
    expect(dialog.y).toBeGreaterThan(20);
    await page.mouse.click(10, 10);
    await page.locator(DIALOG).waitFor({ state: 'hidden' });
    await expect.poll(() => focused(page)).toBe('widget:trigger');
  });

  it('opens with / from the page but not while the reader types in a field of the page', async () => {
    const { page } = session;
    await page.goto(`${session.host.origin}/?mode=modal&field=1`);
    const field = page.locator('#host-field');
    await field.click();
    await page.keyboard.type('a/b');
    await page.keyboard.press('Control+k');
    expect(await field.inputValue()).toBe('a/b');
    expect(await page.locator(DIALOG).isVisible()).toBe(false);

    await page.locator('h1').click();
    await page.keyboard.press('/');
    await page.locator(DIALOG).waitFor();
    expect(await focused(page)).toBe('dialog:input');
    expect(await page.locator(INPUT).inputValue()).toBe('');
    await page.locator('arabic-search [part=close]').click();
    await page.locator(DIALOG).waitFor({ state: 'hidden' });
    await expect.poll(() => focused(page)).toBe('widget:trigger');
  });

  it('is saved as a screenshot with results, wide with the filters open and on a narrow screen', async () => {
    const { page } = session;
    for (const [name, width, height] of [
      ['modal', 800, 640],
      ['narrow', 390, 760],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${session.host.origin}/?dir=rtl&plain=1&mode=modal`);
      await page.keyboard.press('Control+k');
      await typeQuery(page, 'بوتين');
      await waitForResults(session, 'بوتين');
      if (name === 'modal') {
        await openFilters();
        await page.locator(INPUT).focus();
      }
      await page.keyboard.press('ArrowDown');
      await saveScreenshot(page, name);
    }
  });

  it('fills a narrow screen, and opens from its button', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 760 });
    await page.goto(`${session.host.origin}/?mode=modal`);
    await page.locator(TRIGGER).click();
    await page.locator(DIALOG).waitFor();
    expect(await page.locator(DIALOG).boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 760 });
    await typeQuery(page, 'بوتين');
    await waitForResults(session, 'بوتين');
    // The results scroll inside the dialog, under the input.
    const panel = (await page.locator(PANEL).boundingBox())!;
    expect(panel.y).toBeGreaterThan((await page.locator(INPUT).boundingBox())!.y);
    expect(panel.y + panel.height).toBeLessThanOrEqual(760);
  });
});

describe('recent searches', () => {
  it('remembers searches, offers them newest first when the input is empty and focused, and searches one chosen with the keyboard', async () => {
    const { page } = session;
    await searchOnHost(session, 'بوتين');
    await page.keyboard.press('Enter'); // a search the reader commits to
    await typeQuery(page, 'هلسنكي');
    await waitForResults(session, 'هلسنكي');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter'); // opens the article: remembered too
    await page.waitForURL(/\/articles\//);

    await page.goto(session.host.origin);
    await page.locator(INPUT).focus();
    await page.locator(RECENT).first().waitFor();
    expect(await page.locator(RECENT).allTextContents()).toEqual(['هلسنكي', 'بوتين']);
    expect(await page.locator('arabic-search [part=heading]').allTextContents()).toEqual(['عمليات البحث الأخيرة']);
    expect(await page.locator(INPUT).getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(page, 'arabic-search')).toEqual([]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.locator(INPUT).inputValue()).toBe('بوتين');
    await waitForResults(session, 'بوتين');
    expect(await shownIds(page)).toHaveLength(ALL_PUTIN);
  });

  it('clears the recent searches from the list', async () => {
    const { page } = session;
    await searchOnHost(session, 'بوتين');
    await page.keyboard.press('Enter');
    await page.locator(INPUT).fill('');
    await page.locator(RECENT).first().waitFor();
    await page.keyboard.press('ArrowUp'); // the last option: clear
    expect(await page.locator(INPUT).getAttribute('aria-activedescendant')).toBe(await page.locator(CLEAR_RECENT).getAttribute('id'));
    await page.keyboard.press('Enter');
    expect(await page.locator(PANEL).isHidden()).toBe(true);

    await page.reload();
    await page.locator(INPUT).focus();
    await page.waitForTimeout(200);
    expect(await page.locator(PANEL).isHidden()).toBe(true);
    expect(await page.locator(RECENT).count()).toBe(0);
  });

  it('neither shows nor stores recent searches with recent="off"', async () => {
    const { page } = session;
    await searchOnHost(session, 'بوتين');
    await page.keyboard.press('Enter');
    const stored = (): Promise<Record<string, string>> => page.evaluate(() => ({ ...localStorage }));
    const before = await stored();
    expect(Object.values(before)).toEqual([JSON.stringify(['بوتين'])]);

    await page.goto(`${session.host.origin}/?recent=off`);
    await page.locator(INPUT).focus();
    await page.waitForTimeout(200);
    expect(await page.locator(PANEL).isHidden()).toBe(true);
    await typeQuery(page, 'هلسنكي');
    await waitForResults(session, 'هلسنكي');
    await page.keyboard.press('Enter');
    await page.locator(INPUT).fill('');
    expect(await page.locator(RECENT).count()).toBe(0);
    expect(await stored()).toEqual(before);
  });
});
