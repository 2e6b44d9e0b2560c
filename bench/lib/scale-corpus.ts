/**
 * SaudiNewsNet subsets for the scale bench and the compact-index equality suite: the first N
 * lines of the gzip, mapped to the corpus format (docs/corpus-format.md).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { StoredArticle } from '../../src/search/index-format.ts';
import type { SearchRequest } from '../../src/search/search-articles.ts';

export const SAUDINEWSNET = new URL('../../../shared/data/saudinewsnet/saudinewsnet.jsonl.gz', import.meta.url);

interface SaudiNewsNetRecord {
  source?: string;
  url?: string;
  date_extracted?: string;
  title?: string;
  author?: string;
  content?: string;
}

/** Words a headline-less article gets as its title. */
const FALLBACK_TITLE_WORDS = 12;

export interface Subset {
  articles: StoredArticle[];
  /** Lines with no body, left out (the build would refuse them). */
  refused: number;
}

/** The first `count` lines (all when count ≥ 31,030); ids from line numbers, so they sort in line order. */
export function readSubset(count: number, url: URL = SAUDINEWSNET): Subset {
  const lines = gunzipSync(readFileSync(url)).toString('utf8').split('\n');
  const articles: StoredArticle[] = [];
  let refused = 0;
  for (const [i, line] of lines.slice(0, count).entries()) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as SaudiNewsNetRecord;
    const body = record.content?.trim() ?? '';
    if (body === '') {
      refused++;
      continue;
    }
    const title = record.title?.trim() || body.split(/\s+/).slice(0, FALLBACK_TITLE_WORDS).join(' ');
    articles.push({
      id: `snn-${String(i + 1).padStart(5, '0')}`,
      title,
      body,
      ...(record.source ? { source: record.source } : {}),
      ...(record.url ? { url: record.url } : {}),
      ...(record.date_extracted ? { date: record.date_extracted.replace(' ', 'T') } : {}),
      ...(record.author?.trim() ? { author: record.author.trim() } : {}),
    });
  }
  return { articles, refused };
}

/** A deterministic PRNG (mulberry32), so query sets are the same in every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` queries of one to three consecutive headline words, drawn from the articles' titles. */
export function titleQueries(articles: readonly StoredArticle[], count: number, seed = 42): string[] {
  const random = seededRandom(seed);
  const queries: string[] = [];
  while (queries.length < count) {
    const article = articles[Math.floor(random() * articles.length)]!;
    const words = article.title.split(/\s+/).filter((word) => word.length > 1);
    if (words.length === 0) continue;
    const length = 1 + Math.floor(random() * Math.min(3, words.length));
    const start = Math.floor(random() * (words.length - length + 1));
    queries.push(words.slice(start, start + length).join(' '));
  }
  return queries;
}

/**
 * `count` API requests over title queries (seeded), mixing what readers send: exclusions, a
 * second page, a source filter, a date bound and the newest-first order, each on a share of them.
 */
export function mixedRequests(articles: readonly StoredArticle[], count: number): SearchRequest[] {
  const random = seededRandom(5);
  const sources = [...new Set(articles.flatMap((article) => article.source ?? []))];
  return titleQueries(articles, count, 9).map((q, n) => ({
    q: n % 7 === 6 ? `${q} -${q.split(' ')[0]}` : q,
    limit: 10,
    offset: n % 5 === 4 ? 10 : 0,
    sources: n % 6 === 1 ? [sources[Math.floor(random() * sources.length)]!] : [],
    ...(n % 8 === 3 ? { from: '2015-06-01' } : {}),
    sort: n % 4 === 2 ? 'newest' : 'relevance',
  }));
}
