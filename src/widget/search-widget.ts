/**
 * `<arabic-search endpoint="https://<worker>/api">`: search as you type, in a shadow root so
 * that the host page's CSS cannot reach it. The input is a WAI-ARIA combobox whose listbox holds
 * the results ("more results" last), then the query suggestions, or the recent searches while
 * the input is empty; focus stays in the input (aria-activedescendant). Filters (sources, dates,
 * sort) sit under the input behind a toggle. `mode="modal"` puts all of it in a dialog opened by
 * a button, Ctrl/⌘+K or `/`.
 *
 * Attributes: endpoint (required), result-url (`{id}`, `{q}`, `{url}`), limit, theme
 * (light | dark | auto), digits (latn | arab), placeholder, label, value, mode (inline | modal),
 * recent (on | off), sources (comma-separated, offered before the first answer).
 */
import { createClient, type SearchHit, type SearchResponse, type SuggestResponse } from './client.ts';
import { Filters } from './filters.ts';
import { isOpenShortcut, shortcutHint, trapTab } from './modal.ts';
import { readRecent, saveRecent } from './recent.ts';
import { el, resultHref, resultOption, textOption } from './render.ts';
import { countText, estimatedText, number, shownText, STRINGS, type Digits } from './strings.ts';
import { WIDGET_CSS } from './styles.ts';

/** Typing pause before a request: fewer requests, results still feel immediate. */
const DEBOUNCE_MS = 150;
const DEFAULT_LIMIT = 6;
const SUGGESTION_LIMIT = 4;
/** The API's largest `offset`: no "more results" past it. */
const MAX_OFFSET = 990;

let sheet: CSSStyleSheet | undefined;

function adoptStyles(shadow: ShadowRoot): void {
  // A constructed sheet works under a host page CSP without 'unsafe-inline' and is shared by
  // every instance.
  if ('adoptedStyleSheets' in shadow) {
    sheet ??= new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    (shadow as ShadowRoot).append(el('style', '', undefined, WIDGET_CSS));
  }
}

function button(className: string, part: string, text?: string): HTMLButtonElement {
  const node = el('button', `as-btn ${className}`, part, text);
  node.type = 'button';
  return node;
}

export class ArabicSearchElement extends HTMLElement {
  static observedAttributes = ['placeholder', 'label', 'sources'];

  #shadow = this.attachShadow({ mode: 'open' });
  #root = el('div', 'as-root', 'root');
  /** The form, the filters and the panel: in the root, or in the dialog in modal mode. */
  #box = el('div', 'as-box');
  #form = el('form', 'as-form', 'form');
  #input = el('input', 'as-input', 'input');
  #toggle = button('as-toggle', 'filters-toggle');
  #filters = new Filters(
    () => this.#filtersChanged(),
    () => this.#digits,
  );
  #panel = el('div', 'as-panel', 'panel');
  #message = el('p', 'as-msg', 'message');
  #hint = el('p', 'as-msg', 'did-you-mean');
  #list = el('div', 'as-list', 'listbox');
  #live = el('div', 'as-sr');
  #dialog: HTMLDialogElement | undefined;
  #trigger = button('as-trigger', 'trigger');
  #triggerLabel = el('span', '');
  /** The listbox's options in order; choosing one that is not a result link runs its action. */
  #options: HTMLElement[] = [];
  #actions = new WeakMap<Element, () => void>();
  /** Results shown so far (pages of "more results" included) and the completions under them. */
  #results: HTMLElement[] = [];
  #completions: HTMLElement[] = [];
  #active = -1;
  /** Incremented by every request; an answer for an older number is dropped. */
  #request = 0;
  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The query whose results are shown; '' for none (or the recent searches). */
  #shown = '';
  #offline = false;
  #onOnline = (): void => {
    if (this.#offline) this.#search();
  };
  #onShortcut = (event: KeyboardEvent): void => {
    if (!this.#dialog?.open && isOpenShortcut(event)) {
      event.preventDefault();
      this.open();
    }
  };

  constructor() {
    super();
    const shadow = this.#shadow;
    adoptStyles(shadow);
    const root = this.#root;
    root.dir = 'rtl';
    root.lang = 'ar';

    const form = this.#form;
    form.setAttribute('role', 'search');
    form.addEventListener('submit', (event) => event.preventDefault());
    const input = this.#input;
    input.type = 'search';
    input.id = 'as-input';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.enterKeyHint = 'search';
    const aria = { role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'as-list' };
    for (const [name, value] of Object.entries(aria)) input.setAttribute(name, value);
    input.addEventListener('input', () => this.#onInput());
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('focus', () => {
      // An empty input offers the recent searches; coming back to the input shows the list
      // again, if it still matches the query.
      if (this.#query === '') this.#showRecent();
      else if (this.#shown === this.#query) this.#open(true);
    });
    root.addEventListener('focusout', (event) => {
      if (!shadow.contains(event.relatedTarget as Node | null)) this.#open(false);
    });
    const field = el('div', 'as-q');
    field.append(input, el('span', 'as-spin', 'spinner'));
    const toggle = this.#toggle;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', 'as-filters');
    toggle.addEventListener('click', () => {
      const filters = this.#filters.element;
      filters.hidden = !filters.hidden;
      toggle.setAttribute('aria-expanded', String(!filters.hidden));
    });
    form.append(field, toggle);

    const list = this.#list;
    list.id = 'as-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', STRINGS.results);
    list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest('[role=option]');
      if (option instanceof HTMLAnchorElement) {
        // The link navigates; a result opened is a search worth remembering.
        this.#remember();
        this.close();
      } else if (option) {
        this.#actions.get(option)?.();
      }
    });
    const panel = this.#panel;
    panel.hidden = true;
    // Keep the focus in the input when the pointer goes down in the panel, so the click lands.
    panel.addEventListener('pointerdown', (event) => event.preventDefault());
    panel.append(this.#message, this.#hint, list);

    this.#live.setAttribute('role', 'status');
    this.#box.append(form, this.#filters.element, panel);
    root.append(this.#box, this.#live);
    shadow.append(root);
    this.#applyText();
    this.#filtersChanged();
  }

  connectedCallback(): void {
    // `value` pre-fills the query (the article page passes the one that led there); no request
    // is made until the reader acts.
    this.#input.value ||= this.getAttribute('value') ?? '';
    addEventListener('online', this.#onOnline);
    if (this.getAttribute('mode') === 'modal') {
      this.#dialog ??= this.#makeDialog();
      document.addEventListener('keydown', this.#onShortcut);
    }
  }

  disconnectedCallback(): void {
    removeEventListener('online', this.#onOnline);
    document.removeEventListener('keydown', this.#onShortcut);
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }

  attributeChangedCallback(name: string): void {
    if (name !== 'sources') this.#applyText();
    else
      this.#filters.known = (this.getAttribute('sources') ?? '')
        .split(',')
        .map((source) => source.trim())
        .filter(Boolean);
  }

  /** The input's current query. */
  get value(): string {
    return this.#input.value;
  }

  /** Opens the search dialog (mode="modal"); the focus goes to its input. */
  open(): void {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.#input.focus();
    this.#input.select();
    this.#emit('as-open');
  }

  /** Closes the search dialog; the focus goes back to the button that opens it. */
  close(): void {
    this.#dialog?.close();
  }

  #applyText(): void {
    this.#input.placeholder = this.getAttribute('placeholder') ?? STRINGS.placeholder;
    const label = this.getAttribute('label') ?? STRINGS.label;
    this.#input.setAttribute('aria-label', label);
    this.#dialog?.setAttribute('aria-label', label);
    this.#triggerLabel.textContent = label;
  }

  #makeDialog(): HTMLDialogElement {
    const dialog = el('dialog', 'as-dialog', 'dialog');
    // A click on the backdrop closes it too, where browsers support it (light dismiss).
    dialog.setAttribute('closedby', 'any');
    const trigger = this.#trigger;
    trigger.setAttribute('aria-haspopup', 'dialog');
    trigger.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
    const hint = el('kbd', 'as-kbd', undefined, shortcutHint());
    hint.setAttribute('aria-hidden', 'true');
    trigger.append(this.#triggerLabel, hint);
    trigger.addEventListener('click', () => this.open());
    const close = button('as-x', 'close', '×');
    close.setAttribute('aria-label', STRINGS.close);
    close.addEventListener('click', () => this.close());
    this.#form.append(close);
    dialog.addEventListener('keydown', (event) => trapTab(event, dialog, this.#shadow.activeElement));
    dialog.addEventListener('close', () => {
      this.#open(false);
      trigger.focus();
      this.#emit('as-close');
    });
    dialog.append(this.#box);
    this.#root.prepend(trigger, dialog);
    dialog.setAttribute('aria-label', this.#triggerLabel.textContent!);
    return dialog;
  }

  get #query(): string {
    return this.#input.value.trim();
  }

  get #digits(): Digits {
    return this.getAttribute('digits') === 'arab' ? 'arab' : 'latn';
  }

  /** The API's absolute base URL without a trailing slash; '' when the attribute is missing. */
  get #endpoint(): string {
    const endpoint = this.getAttribute('endpoint');
    return endpoint ? new URL(endpoint, document.baseURI).href.replace(/\/+$/, '') : '';
  }

  /** localStorage key of the recent searches ('' when they are off): one list per archive. */
  get #recentKey(): string {
    return this.getAttribute('recent') === 'off' ? '' : `arabic-search:recent:${this.#endpoint}`;
  }

  #emit(type: string, detail?: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #onInput(): void {
    clearTimeout(this.#timer);
    if (this.#query === '') {
      this.#reset();
      this.#showRecent();
      return;
    }
    // The recent searches give way as soon as the reader types.
    if (this.#shown === '' && this.#options.length > 0) this.#reset();
    this.#timer = setTimeout(() => this.#search(), DEBOUNCE_MS);
  }

  #onKey(event: KeyboardEvent): void {
    const count = this.#options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        this.#open(true);
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.#select(this.#active === -1 && step === -1 ? count - 1 : (this.#active + step + count) % count);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const option = this.#options[this.#active];
        if (option && !this.#panel.hidden) this.#activate(option);
        else {
          this.#remember();
          this.#search();
        }
        return;
      }
      case 'Escape':
        // In the dialog Escape closes it. Inline, the first Escape closes the list, the second
        // clears the query (and the native clear is ours).
        event.preventDefault();
        if (this.#dialog?.open) this.close();
        else if (!this.#panel.hidden) this.#open(false);
        else {
          this.#input.value = '';
          this.#reset();
        }
    }
  }

  #select(index: number): void {
    this.#options[this.#active]?.setAttribute('aria-selected', 'false');
    this.#active = index;
    const option = this.#options[index];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      option.scrollIntoView({ block: 'nearest' });
      this.#input.setAttribute('aria-activedescendant', option.id);
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }

  #activate(option: HTMLElement): void {
    if (option instanceof HTMLAnchorElement) option.click();
    else this.#actions.get(option)?.();
  }

  /** `node`, which runs `action` when chosen. */
  #option(node: HTMLElement, action: () => void): HTMLElement {
    this.#actions.set(node, action);
    return node;
  }

  /** Searches for `q` as if typed, and remembers it (a completion, a recent search, a correction). */
  #searchFor(q: string): void {
    this.#input.value = q;
    this.#remember();
    this.#search();
  }

  #remember(): void {
    if (this.#recentKey && this.#query) saveRecent(this.#recentKey, this.#query);
  }

  #showRecent(): void {
    const key = this.#recentKey;
    const recent = key ? readRecent(key) : [];
    if (recent.length === 0 || this.#query !== '') return;
    const options = recent.map((q, i) => this.#option(textOption(q, `as-p${i}`, 'recent'), () => this.#searchFor(q)));
    const clear = this.#option(textOption(STRINGS.clearRecent, 'as-pc', 'clear'), () => {
      saveRecent(key, '');
      this.#reset();
    });
    this.#message.replaceChildren();
    this.#hint.replaceChildren();
    this.#setList([this.#group(STRINGS.recent, [...options, clear], true)], [...options, clear]);
    this.#open(true);
  }

  #filtersChanged(): void {
    const active = this.#filters.active;
    this.#toggle.textContent = active ? `${STRINGS.filters} (${number(active, this.#digits)})` : STRINGS.filters;
    if (this.#query !== '') this.#search();
  }

  #open(open: boolean): void {
    if (!open) this.#select(-1);
    this.#panel.hidden = !open;
    this.#input.setAttribute('aria-expanded', String(open));
  }

  #setList(groups: HTMLElement[], options: HTMLElement[], active = -1): void {
    this.#select(-1);
    this.#list.replaceChildren(...groups);
    this.#options = options;
    this.#select(active);
  }

  #reset(): void {
    this.#request++;
    this.#controller?.abort();
    this.#busy(false);
    this.#shown = '';
    this.#results = [];
    this.#setList([], []);
    this.#hint.replaceChildren();
    this.#live.textContent = '';
    this.#open(false);
  }

  #busy(busy: boolean): void {
    this.#root.toggleAttribute('data-busy', busy);
    this.#list.setAttribute('aria-busy', String(busy));
  }

  /** Shows a message in the panel (and announces it), with a retry button for failures. */
  #say(text: string, retry = false): void {
    this.#message.replaceChildren(text);
    if (retry) {
      const retryButton = button('', 'retry', STRINGS.retry);
      retryButton.addEventListener('click', () => this.#search());
      this.#message.append(retryButton);
    }
    this.#live.textContent = text;
  }

  /** A search for the query with the filters; `more` asks for the page after the results shown. */
  async #search(more = false): Promise<void> {
    clearTimeout(this.#timer);
    const q = this.#query;
    if (q === '') return;
    const request = ++this.#request;
    this.#controller?.abort();
    const { signal } = (this.#controller = new AbortController());
    this.#busy(true);
    if (this.#results.length === 0) {
      this.#setList([], []);
      this.#message.replaceChildren(STRINGS.loading);
      this.#open(true);
    }
    const limit = Number(this.getAttribute('limit')) || DEFAULT_LIMIT;
    try {
      if (!this.#endpoint) throw new Error('arabic-search: the endpoint attribute is required');
      const client = createClient(this.#endpoint);
      const [results, suggestions] = await Promise.all([
        client.search({ q, limit, offset: more ? this.#results.length : 0, ...this.#filters.params }, { signal }),
        // Suggestions are a bonus: their failure must not hide results. Later pages keep them.
        more ? null : client.suggest(q, { limit: SUGGESTION_LIMIT, signal }).catch(() => null),
      ]);
      if (request !== this.#request) return;
      this.#offline = false;
      this.#render(q, results, suggestions, more);
    } catch (error) {
      if (request !== this.#request || (error as Error).name === 'AbortError') return;
      console.error(error);
      this.#offline = !navigator.onLine;
      this.#results = [];
      this.#setList([], []);
      this.#hint.replaceChildren();
      this.#say(this.#offline ? STRINGS.offline : STRINGS.error, true);
      this.#open(true);
    } finally {
      if (request === this.#request) this.#busy(false);
    }
  }

  #render(q: string, results: SearchResponse, suggestions: SuggestResponse | null, more: boolean): void {
    // The Worker's article page sits next to the API; a `{url}` template falls back to it.
    const articlePage = `${new URL('../articles/', `${this.#endpoint}/`).href}{id}?q={q}`;
    const template = this.getAttribute('result-url') ?? articlePage;
    const href = (hit: SearchHit): string => resultHref(template, hit, q) ?? resultHref(articlePage, hit, q)!;
    const digits = this.#digits;
    const first = more ? this.#results.length : 0;
    const found = results.hits.map((hit, i) => resultOption(hit, href(hit), `as-r${first + i}`, digits));
    this.#results = more ? [...this.#results, ...found] : found;
    let correction = '';
    if (!more) {
      this.#completions = (suggestions?.suggestions ?? [])
        .filter((suggestion) => suggestion.text.trim() !== q)
        .map((suggestion, i) => this.#option(textOption(suggestion.text, `as-s${i}`, 'suggestion'), () => this.#searchFor(suggestion.text)));
      this.#filters.counts = results.facets.source;
      correction = this.#didYouMean(q, results.didYouMean);
    }

    const shown = this.#results.length;
    const { total } = results;
    const resultOptions = [...this.#results];
    if (shown < total && shown <= MAX_OFFSET) resultOptions.push(this.#option(textOption(STRINGS.more, 'as-more', 'more'), () => this.#search(true)));
    const groups: HTMLElement[] = [];
    if (resultOptions.length > 0) groups.push(this.#group(STRINGS.results, resultOptions));
    if (this.#completions.length > 0) groups.push(this.#group(STRINGS.suggestions, this.#completions, true));
    // After "more results" the first new result is the active option: the screen reader reads
    // it next, and ↓ goes on from it. The focus stays in (or comes back to) the input.
    this.#setList(groups, [...resultOptions, ...this.#completions], more ? first : -1);
    if (more && this.#shadow.activeElement) this.#input.focus();
    this.#shown = q;
    const count =
      total === 0
        ? STRINGS.empty
        : results.estimated
          ? estimatedText(shown, total, digits)
          : shown < total
            ? shownText(shown, total, digits)
            : countText(total, digits);
    this.#say(results.partial ? `${count}. ${STRINGS.partial}` : count);
    if (correction) this.#live.append(` ${correction}`);
    this.#open(true);
    this.#emit('as-results', { query: q, total, shown, ...this.#filters.params });
  }

  /** Shows "هل تقصد: …؟" with the corrected query as a button that searches it; returns the text. */
  #didYouMean(q: string, corrected: string | undefined): string {
    this.#hint.replaceChildren();
    if (!corrected?.trim() || corrected.trim() === q) return '';
    const link = button('as-link', 'correction', corrected);
    link.addEventListener('click', () => this.#searchFor(corrected));
    this.#hint.append(`${STRINGS.didYouMean} `, link, '؟');
    return `${STRINGS.didYouMean} ${corrected}؟`;
  }

  #group(label: string, options: HTMLElement[], visibleLabel = false): HTMLElement {
    const group = el('div', 'as-group', 'group');
    group.setAttribute('role', 'group');
    if (visibleLabel) {
      const head = el('div', 'as-head', 'heading', label);
      head.id = `as-h-${options[0]!.id}`;
      group.setAttribute('aria-labelledby', head.id);
      group.append(head);
    } else {
      group.setAttribute('aria-label', label);
    }
    group.append(...options);
    return group;
  }
}
