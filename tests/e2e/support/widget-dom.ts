/**
 * Reading the widget's state from the page. Playwright's CSS locators pierce open shadow roots,
 * so `arabic-search [role=option]` finds the options inside the widget.
 */
import type { Page } from 'playwright-core';

export const INPUT = 'arabic-search input[role=combobox]';
export const OPTION = 'arabic-search [role=option]';
export const RESULT = 'arabic-search [role=option][part~=result]';
export const MESSAGE = 'arabic-search [part=message]';
export const LIVE = 'arabic-search [role=status]';
export const PANEL = 'arabic-search [part=panel]';

export interface ShownResult {
  title: string;
  href: string;
  /** Text of every <mark> in the title and snippet. */
  marks: string[];
}

export function shownResults(page: Page): Promise<ShownResult[]> {
  return page.locator(RESULT).evaluateAll((options) =>
    options.map((option) => ({
      title: option.querySelector('[part=title]')?.textContent ?? '',
      href: (option as HTMLAnchorElement).href,
      marks: [...option.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
    })),
  );
}

/** Types like a person (one key at a time) so the widget debounces for real. */
export async function typeQuery(page: Page, query: string): Promise<void> {
  const input = page.locator(INPUT);
  await input.fill('');
  await input.pressSequentially(query, { delay: 30 });
}
