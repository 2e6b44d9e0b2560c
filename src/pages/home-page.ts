/** GET / : the demo: the widget, how to embed it, and what the index holds. */
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../app-env.ts';
import { formatDate } from './format-date.ts';
import { renderPage } from './page-shell.ts';

const EXAMPLES = ['بوتين', 'قمة هلسنكي', 'أمريكا'];
const NUMBER = new Intl.NumberFormat('ar-u-nu-latn');

export function homePage(c: Context<AppEnv>): Promise<Response> {
  const { manifest } = c.var.backend();
  const origin = new URL(c.req.url).origin;
  const snippet = `<script type="module" src="${origin}/widget.js"></script>\n<arabic-search endpoint="${origin}/api"></arabic-search>`;
  return renderPage(c, {
    title: 'بحث الأخبار العربية',
    body: html`<main>
      <h1>بحث الأخبار العربية</h1>
      <p>ابحث في الأخبار بالعربية: النتائج تظهر أثناء الكتابة، والتشكيل والهمزات لا تمنع المطابقة. جرّب: ${EXAMPLES.join('، ')}.</p>
      <arabic-search endpoint="/api" theme="auto"></arabic-search>

      <h2>ضعه في موقعك</h2>
      <p>سطران من HTML يضيفان البحث إلى أي صفحة، دون أي مكتبة:</p>
      <pre><code>${snippet}</code></pre>
      <p>الألوان والخطوط قابلة للتغيير بخصائص CSS مخصّصة، والواجهة متاحة برمجيًا عبر <code>createClient</code>. الواجهة البرمجية موصوفة في <a href="/openapi.json">OpenAPI</a>.</p>

      <h2>الفهرس</h2>
      <dl>
        <dt>المقالات</dt><dd>${NUMBER.format(manifest.articles)}</dd>
        <dt>المصطلحات</dt><dd>${NUMBER.format(manifest.terms)}</dd>
        <dt>تاريخ البناء</dt><dd><time datetime="${manifest.builtAt}">${formatDate(manifest.builtAt)}</time></dd>
        <dt>بصمة المجموعة</dt><dd><code>${manifest.corpusHash.slice(0, 16)}</code></dd>
      </dl>
    </main>`,
  });
}
