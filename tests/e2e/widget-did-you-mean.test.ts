/**
 * "هل تقصد": a misspelled query against the real Worker gets the corrected query as a hint the
 * reader can choose. The Worker sends `didYouMean` once typo tolerance is in; until then this
 * file fails, on purpose: it is the widget's half of that feature.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations, useWidgetSession, waitForResults } from './support/widget-session.ts';
import { focused, INPUT, LIVE, shownResults, typeQuery } from './support/widget-dom.ts';

const session = useWidgetSession();

/** هلسنكي (in two seed articles) with its last letter changed: it matches nothing as typed. */
const MISSPELLED = 'هلسنكل';
const CORRECTED = 'هلسنكي';
const HINT = 'arabic-search [part=did-you-mean]';

describe('did you mean', () => {
  it('offers the corrected query for a misspelled word, and searches it when chosen from the keyboard', async () => {
    const { page } = session;
    await page.goto(session.host.origin);
    await typeQuery(page, MISSPELLED);
    // The answer already holds the corrected word's articles, highlighted, and says what it searched.
    await expect.poll(() => page.locator(HINT).textContent(), { timeout: 5000 }).toBe(`هل تقصد: ${CORRECTED}؟`);
    const corrected = await shownResults(page);
    expect(corrected).toHaveLength(2);
    for (const result of corrected) expect(result.marks).toContain(CORRECTED);
    expect(await page.locator(LIVE).textContent()).toContain(`هل تقصد: ${CORRECTED}؟`);
    expect(await seriousViolations(page, 'arabic-search')).toEqual([]);

    // Tab from the input: the filter toggle, then the correction.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('widget:correction');
    await page.keyboard.press('Enter');
    expect(await page.locator(INPUT).inputValue()).toBe(CORRECTED);
    await waitForResults(session, CORRECTED);
    const results = await shownResults(page);
    expect(results).toHaveLength(2);
    for (const result of results) expect(result.marks).toContain(CORRECTED);
    await expect.poll(() => page.locator(HINT).textContent()).toBe('');
  });
});
