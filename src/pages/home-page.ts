/** GET / : what this Worker is, with the corpus stats and example queries. */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { getIndex } from '../search/load-index.ts';

const EXAMPLES = ['بوتين', 'قمة هلسنكي', 'أمريكا'];

export function homePage(c: Context): Response | Promise<Response> {
  const { manifest } = getIndex();
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  c.header('Cache-Control', 'public, max-age=300');
  // hono/html escapes every interpolated value.
  return c.html(html`<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>بحث الأخبار العربية</title>
    <style>
      body { font-family: system-ui, sans-serif; max-inline-size: 42rem; margin-inline: auto; padding: 1rem; line-height: 1.6; }
      code { direction: ltr; unicode-bidi: embed; }
    </style>
  </head>
  <body>
    <h1>بحث الأخبار العربية</h1>
    <p>فهرس يضم ${manifest.articles} مقالة و${manifest.terms} مصطلحًا.</p>
    <ul>
      ${EXAMPLES.map((q) => html`<li><a href="/api/search?q=${encodeURIComponent(q)}">${q}</a></li>`)}
    </ul>
    <p><a href="/openapi.json">OpenAPI</a></p>
  </body>
</html>`);
}
