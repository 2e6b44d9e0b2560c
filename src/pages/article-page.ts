/**
 * GET /articles/:id[?q=…]: the article as HTML, rendered on the server with every corpus string
 * escaped. Arriving from a result (`?q=`), the words of the query are highlighted as the API
 * highlights them: same analysis, so `بوتين` marks `وبوتين` and `بُوتِين`; excluded words
 * (`-word`) are not marked.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { html } from 'hono/html';
import { findArticle } from '../http/find-article.ts';
import { cacheControlFor } from '../http/cache.ts';
import { ProblemError } from '../http/problem.ts';
import { highlightRanges } from '../search/highlight.ts';
import type { StoredArticle } from '../search/index-format.ts';
import { parseQuery } from '../search/query.ts';
import type { Analyzer } from '../text/analyze.ts';
import { formatDate } from './format-date.ts';
import { markedText } from './marked-text.ts';
import { renderPage } from './page-shell.ts';

/** Longer queries are cut: highlighting is a courtesy, not a search. */
const MAX_QUERY_LENGTH = 200;

function queryTerms(q: string, analyzer: Analyzer): Set<string> {
  return new Set(analyzer.textTerms(parseQuery(q.slice(0, MAX_QUERY_LENGTH), analyzer).words.join(' ')));
}

function header(q: string): unknown {
  return html`<header>
    <a class="home" href="/">بحث الأخبار العربية</a>
    <arabic-search endpoint="/api" theme="auto" value="${q}"></arabic-search>
  </header>`;
}

function articleBody(article: StoredArticle, terms: ReadonlySet<string>, analyzer: Analyzer): unknown {
  const mark = (text: string): unknown[] => markedText(text, terms.size > 0 ? highlightRanges(text, terms, analyzer) : []);
  const meta: unknown[] = [article.source, article.author].filter(Boolean);
  if (article.date) meta.push(html`<time datetime="${article.date}">${formatDate(article.date)}</time>`);
  const paragraphs = article.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const original = article.url && /^https?:\/\//i.test(article.url) ? article.url : undefined;
  return html`<main>
    <article>
      <h1>${mark(article.title)}</h1>
      ${meta.length > 0 ? html`<p class="meta">${meta.flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}</p>` : ''}
      ${paragraphs.map((paragraph) => html`<p>${mark(paragraph)}</p>`)}
      ${original ? html`<p><a href="${original}" rel="noopener noreferrer nofollow">المقال في موقعه الأصلي</a></p>` : ''}
    </article>
  </main>`;
}

export async function articlePage(c: Context<AppEnv>): Promise<Response> {
  const q = c.req.query('q') ?? '';
  const backend = c.var.backend();
  let article: StoredArticle;
  const cacheControl = cacheControlFor(backend.manifest);
  try {
    article = await findArticle(backend, c.req.param('id') ?? '');
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return renderPage(c, {
      title: 'مقال غير موجود',
      status: 404,
      cacheControl,
      body: html`${header(q)}<main><h1>مقال غير موجود</h1><p>لا يوجد مقال بهذا المعرّف. <a href="/">عودة إلى البحث</a></p></main>`,
    });
  }
  return renderPage(c, {
    title: `${article.title} · بحث الأخبار العربية`,
    cacheControl,
    body: html`${header(q)}${articleBody(article, queryTerms(q, backend.analyzer), backend.analyzer)}`,
  });
}
