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

export const FILTERS_TOGGLE = 'arabic-search [part=filters-toggle]';
export const FILTERS = 'arabic-search [part=filters]';
export const MORE = 'arabic-search [role=option][part~=more]';
export const RECENT = 'arabic-search [role=option][part~=recent]';
export const CLEAR_RECENT = 'arabic-search [role=option][part~=clear]';
export const TRIGGER = 'arabic-search [part=trigger]';
export const DIALOG = 'arabic-search [part=dialog]';

/** Article id from a result link (`…/articles/<id>?q=…`). */
export const articleId = (href: string): string => decodeURIComponent(new URL(href).pathname.split('/').pop()!);

/** Ids of the articles the results link to, in order. */
export async function shownIds(page: Page): Promise<string[]> {
  return (await shownResults(page)).map((result) => articleId(result.href));
}

/**
 * Where the keyboard focus is, looking into the widget's shadow root: `part` and tag of the
 * focused element (`input` is the search box; others without a part are `tag.type`, e.g.
 * `input.checkbox`), prefixed with `dialog:` or `widget:`; `page:<tag>` outside the widget.
 */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('arabic-search')!;
    if (document.activeElement !== host) return `page:${document.activeElement?.tagName.toLowerCase()}`;
    const active = host.shadowRoot!.activeElement;
    if (!active) return 'widget:none';
    const where = active.closest('dialog') ? 'dialog' : 'widget';
    const type = active.getAttribute('type');
    return `${where}:${active.getAttribute('part') ?? `${active.tagName.toLowerCase()}${type ? `.${type}` : ''}`}`;
  });
}
