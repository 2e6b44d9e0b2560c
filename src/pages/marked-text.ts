/**
 * Text with `<mark>` around highlighted ranges, for server-rendered pages. The text pieces go
 * through hono/html's escaping like any other interpolation; only the `<mark>` tags are ours.
 */
import { html } from 'hono/html';
import type { Range } from '../search/highlight.ts';

export function markedText(text: string, ranges: readonly Range[]): unknown[] {
  const parts: unknown[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    parts.push(text.slice(at, start), html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
