/**
 * The filter controls: sources (with the counts of the last answer's `facets.source`), a date
 * range with presets, and the sort order. They hold their own state and call `onChange` when
 * the reader changes one; `params` is what a search request sends.
 */
import type { SearchParams } from './client.ts';
import { el } from './render.ts';
import { CUSTOM_RANGE, DATE_PRESETS, number, SORTS, STRINGS, type Digits } from './strings.ts';

type FilterParams = Required<Pick<SearchParams, 'source' | 'sort'>> & Pick<SearchParams, 'from' | 'to'>;

/** The local calendar date `days` before today, `YYYY-MM-DD`. */
export function daysAgo(days: number, now = new Date()): string {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() - days)).toISOString().slice(0, 10);
}

function labelled(text: string, control: HTMLElement, className = 'as-lbl'): HTMLLabelElement {
  const label = el('label', className, undefined, text);
  label.append(control);
  return label;
}

function select(entries: [value: string, text: string][]): HTMLSelectElement {
  const node = el('select', 'as-ctl');
  for (const [value, text] of entries) node.append(new Option(text, value));
  return node;
}

export class Filters {
  readonly element = el('div', 'as-filters', 'filters');
  #sources = el('div', 'as-srcs');
  #note = el('p', 'as-note', undefined, STRINGS.noSources);
  /** Checkbox and count element of each source shown, in the order they first appeared. */
  #boxes = new Map<string, [HTMLInputElement, HTMLElement]>();
  #known: string[] = [];
  #counts: Record<string, number> | null = null;
  #period = select([...DATE_PRESETS.map(([text], i): [string, string] => [String(i), text]), ['c', CUSTOM_RANGE]]);
  #from = el('input', 'as-ctl');
  #to = el('input', 'as-ctl');
  #sort = select(Object.entries(SORTS));
  #onChange: () => void;
  #digits: () => Digits;

  constructor(onChange: () => void, digits: () => Digits) {
    this.#onChange = onChange;
    this.#digits = digits;
    const root = this.element;
    root.id = 'as-filters';
    root.hidden = true;
    root.setAttribute('role', 'group');
    root.setAttribute('aria-label', STRINGS.filtersLabel);

    const sources = el('fieldset', 'as-fs');
    sources.append(el('legend', '', undefined, STRINGS.source), this.#sources);
    this.#sources.append(this.#note);

    const dates = el('fieldset', 'as-fs');
    this.#period.setAttribute('aria-label', STRINGS.date);
    for (const input of [this.#from, this.#to]) input.type = 'date';
    dates.append(el('legend', '', undefined, STRINGS.date), this.#period, labelled(STRINGS.from, this.#from), labelled(STRINGS.to, this.#to));
    this.#period.addEventListener('change', () => {
      const preset = DATE_PRESETS[Number(this.#period.value)];
      if (!preset) return; // "custom range": the reader picks the dates next.
      this.#from.value = preset[1] ? daysAgo(preset[1]) : '';
      this.#to.value = '';
      this.#onChange();
    });
    // A range the wrong way round follows the date just picked instead of being refused.
    this.#from.addEventListener('change', () => this.#dateChanged(this.#from, this.#to));
    this.#to.addEventListener('change', () => this.#dateChanged(this.#to, this.#from));
    this.#sort.addEventListener('change', onChange);

    root.append(sources, dates, labelled(STRINGS.sort, this.#sort, 'as-lbl as-fs'));
  }

  /** What a search sends: the checked sources, the date range and the sort order. */
  get params(): FilterParams {
    const params: FilterParams = {
      source: [...this.#boxes].filter(([, [box]]) => box.checked).map(([name]) => name),
      sort: this.#sort.value as FilterParams['sort'],
    };
    if (this.#from.value) params.from = this.#from.value;
    if (this.#to.value) params.to = this.#to.value;
    return params;
  }

  /** How many filters narrow the results (shown on the toggle). */
  get active(): number {
    const { source, from, to } = this.params;
    return source.length + (from || to ? 1 : 0);
  }

  /** Sources the site lists in advance (the `sources` attribute), offered before any search. */
  set known(names: string[]) {
    this.#known = names;
    this.counts = this.#counts;
  }

  /**
   * The last answer's `facets.source` (matches per source before the source filter), or null
   * before any answer. Sources it lacks keep their box while checked or listed in advance.
   * Boxes are updated in place, never rebuilt: one may have the focus.
   */
  set counts(counts: Record<string, number> | null) {
    this.#counts = counts;
    const names = new Set([...Object.keys(counts ?? {}), ...this.#known]);
    const focused = (this.element.getRootNode() as ShadowRoot | Document).activeElement;
    for (const [name, [box]] of this.#boxes) {
      if (!names.has(name) && !box.checked && box !== focused) {
        box.parentElement!.remove();
        this.#boxes.delete(name);
      }
    }
    for (const name of names) {
      if (this.#boxes.has(name)) continue;
      const box = el('input', 'as-chk');
      box.type = 'checkbox';
      box.addEventListener('change', this.#onChange);
      const count = el('span', 'as-n');
      const label = el('label', 'as-src');
      label.append(box, name, count);
      this.#sources.append(label);
      this.#boxes.set(name, [box, count]);
    }
    for (const [name, [, count]] of this.#boxes) count.textContent = counts ? ` (${number(counts[name] ?? 0, this.#digits())})` : '';
    this.#note.hidden = this.#boxes.size > 0;
  }

  #dateChanged(changed: HTMLInputElement, other: HTMLInputElement): void {
    const [from, to] = [this.#from.value, this.#to.value];
    if (from && to && from > to) other.value = changed.value;
    this.#period.value = from || to ? 'c' : '0';
    this.#onChange();
  }
}
