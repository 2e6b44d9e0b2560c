/**
 * Corpus round trip: every seed article and a 1,000-article SaudiNewsNet sample go through the
 * real build CLI and the real Worker app (bundled for Node around that build). Each article
 * comes back from /api/articles/:id with exactly the text it was given, and a search for its
 * title finds it.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readNews, writeCorpusFile } from '../../bench/lib/news-corpus.ts';
import { buildIndex, bundleWorker, ROOT } from '../../bench/lib/worker-bundle.ts';

interface Given {
  id: string;
  title: string;
  body: string;
}

interface WorkerApp {
  request(url: string, init: RequestInit, env: object, ctx: object): Response | Promise<Response>;
}

const NEWS_SAMPLE = 1000;
const MARKUP = {
  id: 'markup',
  title: 'عنوان <script>alert(1)</script> & "اقتباس"',
  body: 'فقرة أولى <img src=x onerror=alert(1)>.\n\nفقرة ثانية </p><p onclick="x">&amp; <b>عريض</b>',
};
const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };

/** A seed article as written: front matter between the first two `---` lines, then the body. */
function seed(file: string): Given {
  const text = readFileSync(join(ROOT, 'corpus', file), 'utf8');
  const [, frontMatter = '', ...rest] = text.split(/^---$/m);
  const { title } = parse(frontMatter) as { title: string };
  return { id: file.slice(0, -'.md'.length), title: title.trim(), body: rest.join('---') };
}

let app: WorkerApp;
let given: Given[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'round-trip-'));
  const corpus = join(dir, 'corpus');
  const seeds = readdirSync(join(ROOT, 'corpus')).filter((file) => file.endsWith('.md'));
  const news = readNews(NEWS_SAMPLE);
  writeCorpusFile(corpus, news);
  for (const file of seeds) copyFileSync(join(ROOT, 'corpus', file), join(corpus, file));
  given = [...seeds.map(seed), ...news];
  // Markup in the corpus is text: the API returns it as given, the HTML page escapes it.
  writeFileSync(join(corpus, 'markup.jsonl'), `${JSON.stringify(MARKUP)}\n`);

  const { module } = buildIndex(corpus, join(dir, 'out'));
  await bundleWorker('index.ts', module, join(dir, 'app.mjs'), { indexFile: 'inline' });
  // Node has no Cache API; the search route's edge cache becomes a cache that never hits.
  Object.assign(globalThis, { caches: { default: { match: async () => undefined, put: async () => undefined } } });
  app = ((await import(join(dir, 'app.mjs'))) as { default: WorkerApp }).default;
}, 120_000);

async function call(path: string): Promise<Response> {
  return app.request(`http://search.test${path}`, {}, {}, ctx);
}

describe('corpus round trip (seeds + 1,000 SaudiNewsNet articles)', () => {
  it('uses the whole sample', () => {
    expect(given.length).toBe(NEWS_SAMPLE + 5);
  });

  it('returns every article from /api/articles/:id with the body and title it was given', async () => {
    const different: string[] = [];
    for (const article of given) {
      const response = await call(`/api/articles/${encodeURIComponent(article.id)}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { id: string; title: string; body: string };
      // The store keeps the text as given, minus the whitespace around it.
      if (body.id !== article.id || body.title !== article.title || body.body !== article.body.trim()) different.push(article.id);
    }
    expect(different).toEqual([]);
  });

  it('returns markup in an article as text from the API and escaped on its HTML page', async () => {
    const api = (await (await call('/api/articles/markup')).json()) as { title: string; body: string };
    expect(api).toMatchObject({ title: MARKUP.title, body: MARKUP.body });
    const page = await (await call(`/articles/markup?q=${encodeURIComponent('عنوان')}`)).text();
    expect(page).not.toMatch(/<script>alert|<img src=x|<p onclick|<b>عريض/);
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('finds every article in the first page when searching its title', async () => {
    const missed: string[] = [];
    let first = 0;
    for (const article of given) {
      const response = await call(`/api/search?q=${encodeURIComponent(article.title.slice(0, 256))}&limit=10`);
      expect(response.status).toBe(200);
      const ids = ((await response.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
      if (ids[0] === article.id) first++;
      if (!ids.includes(article.id)) missed.push(`${article.id}: ${article.title}`);
    }
    console.log(`round-trip: ${first} of ${given.length} articles ranked first for their own title`);
    expect(missed).toEqual([]);
  }, 120_000);
});
