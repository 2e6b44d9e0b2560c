/**
 * The HTML shell shared by the demo and article pages: one stylesheet, inlined and allowed by
 * its hash, and a Content-Security-Policy under which only same-origin scripts run (the
 * widget); no page needs an inline script.
 */
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1b1b1f;--bg:#fbfbfd;--muted:#55565f;--accent:#0b57d0;--mark:#ffe27a;--line:#d5d6de}
@media (prefers-color-scheme:dark){:root{--fg:#eceef2;--bg:#15171b;--muted:#a9adb8;--accent:#8ab4f8;--mark:#6b5500;--line:#3a3e48}}
body{margin:0;font:1.0625rem/1.8 system-ui,"Noto Naskh Arabic","Noto Sans Arabic",Tahoma,sans-serif;color:var(--fg);background:var(--bg)}
main,header,footer{max-inline-size:46rem;margin-inline:auto;padding-inline:1rem}
header{padding-block:1rem}
footer{padding-block:2rem;color:var(--muted);font-size:.875rem}
a{color:var(--accent)}
h1{line-height:1.4}
mark{background:var(--mark);color:inherit;border-radius:.2em;padding-inline:.1em}
.meta{color:var(--muted)}
pre{direction:ltr;text-align:left;overflow:auto;padding:1rem;border:1px solid var(--line);border-radius:.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dd{margin:0}
arabic-search{margin-block:1rem}
.home{font-weight:700;text-decoration:none}
`;

let styleSource: Promise<string> | undefined;

/** `'sha256-…'` of PAGE_CSS, computed once per isolate. */
function styleHash(): Promise<string> {
  styleSource ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(PAGE_CSS)).then((digest) => {
    const bytes = String.fromCharCode(...new Uint8Array(digest));
    return `'sha256-${btoa(bytes)}'`;
  });
  return styleSource;
}

export interface PageOptions {
  title: string;
  body: HtmlEscapedString | Promise<HtmlEscapedString>;
  status?: 200 | 404;
  /** Default `public, max-age=300`; pages that show live articles revalidate (src/http/cache.ts). */
  cacheControl?: string;
}

/** Renders a full page with its security and cache headers. */
export async function renderPage(c: Context, { title, body, status = 200, cacheControl = 'public, max-age=300' }: PageOptions): Promise<Response> {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "connect-src 'self'",
    `style-src ${await styleHash()}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  c.header('Content-Security-Policy', csp);
  c.header('Cache-Control', cacheControl);
  return c.html(
    html`<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>${raw(PAGE_CSS)}</style>
    <script type="module" src="/widget.js"></script>
  </head>
  <body>
    ${body}
  </body>
</html>`,
    status,
  );
}
