/**
 * DOM building for results. Text from the API is only ever put in text nodes; highlights are
 * `<mark>` elements cut from the offsets the API sent, so no API text is parsed as HTML.
 */
import type { Range, SearchHit } from './client.ts';
import { dateText, type Digits } from './strings.ts';

/** `document.createElement` with a class name and, optionally, a part name and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, part?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (part) node.setAttribute('part', part);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `text` with each `[start, end)` of `ranges` wrapped in `<mark part="mark">`. */
export function highlighted(text: string, ranges: readonly Range[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    // Ranges that overlap one already drawn or fall outside the text are skipped, not trusted.
    if (start < at || end <= start || end > text.length) continue;
    fragment.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.setAttribute('part', 'mark');
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    at = end;
  }
  fragment.append(text.slice(at));
  return fragment;
}

/** One result: a link holding the title, "source · date" and the snippet. */
export function resultOption(hit: SearchHit, href: string, id: string, digits: Digits): HTMLAnchorElement {
  const option = el('a', 'as-opt', 'option result');
  option.id = id;
  option.href = href;
  option.tabIndex = -1;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  const title = el('span', 'as-title', 'title');
  title.append(highlighted(hit.title, hit.titleHighlights));
  const meta = [hit.source, hit.date && dateText(hit.date, digits)].filter(Boolean).join(' · ');
  const snippet = el('span', 'as-snip', 'snippet');
  snippet.append(highlighted(hit.snippet, hit.highlights));
  option.append(title);
  if (meta) option.append(el('span', 'as-meta', 'meta', meta));
  option.append(snippet);
  return option;
}

/** An option that is not a result: a completion, a recent search, "more results"… (`kind` is its part). */
export function textOption(text: string, id: string, kind: string): HTMLDivElement {
  const option = el('div', `as-opt as-${kind}`, `option ${kind}`, text);
  option.id = id;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  return option;
}

/** `template` with `{id}`, `{q}` (URL-encoded) and `{url}` (the original article, http(s) only). */
export function resultHref(template: string, hit: SearchHit, q: string): string | null {
  const url = hit.url && /^https?:\/\//i.test(hit.url) ? hit.url : null;
  if (template.includes('{url}') && url === null) return null;
  return template
    .replaceAll('{id}', encodeURIComponent(hit.id))
    .replaceAll('{q}', encodeURIComponent(q))
    .replaceAll('{url}', url ?? '');
}
