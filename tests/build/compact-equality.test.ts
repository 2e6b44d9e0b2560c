/**
 * The compact index answers exactly as plain MiniSearch does: same ids, same order, same
 * scores, for a fixed set of queries over a few thousand SaudiNewsNet articles, with the
 * options the Worker uses (minisearchOptions of the index's analyzer) and with
 * prefix, fuzzy, AND and AND_NOT on top.
 */
import { existsSync } from 'node:fs';
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { snnFixture } from './support/saudinewsnet.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAUDINEWSNET, titleQueries } from '../../bench/lib/scale-corpus.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { searchArticles } from '../../src/search/search-articles.ts';
import type { LoadedIndex } from '../../src/search/read-index.ts';
import { minisearchOptions, type IndexedFields } from '../../src/search/options.ts';

const QUERIES = 300;
const TOP = 10;

let articles: StoredArticle[] = [];
let plain: MiniSearch<IndexedFields>;
let compact: LoadedIndex;
let queries: string[] = [];

const top = (results: SearchResult[]): { id: unknown; score: number }[] => results.slice(0, TOP).map(({ id, score }) => ({ id, score }));

/** Every query whose top-10 differs, with both lists, so a failure shows what went wrong. */
function differences(options: SearchOptions, make: (q: string) => Query = (q) => q): unknown[] {
  const found: unknown[] = [];
  for (const q of queries) {
    const expected = plain.search(make(q), options);
    const actual = compact.miniSearch.search(make(q), options);
    if (actual.length !== expected.length || JSON.stringify(top(actual)) !== JSON.stringify(top(expected))) {
      found.push({ q, expected: top(expected), actual: top(actual), lengths: [expected.length, actual.length] });
    }
  }
  return found;
}

describe.skipIf(!existsSync(SAUDINEWSNET))('compact index (equality with plain MiniSearch)', () => {
  beforeAll(() => {
    ({ articles, index: compact } = snnFixture());
    // The analyzer of the lexicon read back from the file: the reference then also holds the
    // Worker's analysis to the build's (the build analyzed with the counts it wrote).
    plain = new MiniSearch<IndexedFields>(minisearchOptions(compact.analyzer));
    // The build adds articles in id order; so does the reference.
    const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { id, title, body } of sorted) plain.add({ id, title, body });
    queries = titleQueries(articles, QUERIES, 7);
  }, 120_000);

  it('has the same documents and terms', () => {
    expect(compact.miniSearch.documentCount).toBe(plain.documentCount);
    expect(compact.miniSearch.termCount).toBe(plain.termCount);
    expect(queries).toHaveLength(QUERIES);
  });

  it('serializes to the same JSON as MiniSearch itself (every term, posting and length)', () => {
    expect(JSON.stringify(compact.miniSearch)).toBe(JSON.stringify(plain));
  });

  it('returns the same results, scores and order with the Worker options', () => {
    expect(differences({})).toEqual([]);
    // Beyond the top 10: the whole result list, with the matched terms and fields.
    for (const q of queries) expect(compact.miniSearch.search(q)).toEqual(plain.search(q));
  });

  it.each([
    ['a repeated word', (q: string) => `${q} ${q}`],
    ['only function words', () => 'في من على'],
    ['a word not in the corpus', (q: string) => `${q} زززززز`],
    ['digits and Latin', (q: string) => `${q} 2015 FBI`],
    ['more than 32 different terms', (q: string) => [q, ...queries.slice(0, 40)].join(' ')],
  ])('returns the same whole result list for a query with %s', (_name, make) => {
    for (const q of queries.slice(0, 40)) expect(compact.miniSearch.search(make(q))).toEqual(plain.search(make(q)));
  });

  it.each<[string, SearchOptions]>([
    ['prefix search', { prefix: true }],
    ['fuzzy search', { fuzzy: 0.2 }],
    ['prefix and fuzzy search', { prefix: true, fuzzy: 0.3, maxFuzzy: 2 }],
    ['AND of the terms', { combineWith: 'AND' }],
    ['a field restriction and other boosts', { fields: ['title'], boost: { title: 3 } }],
  ])('returns the same top 10 with %s', (_name, options) => {
    expect(differences(options)).toEqual([]);
  });

  it('returns the same top 10 for AND_NOT query trees (the -word syntax)', () => {
    const tree = (q: string): Query => {
      const words = q.split(' ');
      const excluded = words.length > 1 ? words.pop()! : 'السعودية';
      return { combineWith: 'AND_NOT', queries: [words.join(' '), excluded] };
    };
    expect(differences({}, tree)).toEqual([]);
  });

  it('returns the same whole result list for an OR of strings with their own boosts (a query and its typo corrections)', () => {
    const corrected = (q: string): Query => {
      const words = q.split(' ');
      const other = queries[(queries.indexOf(q) + 1) % queries.length]!;
      return { combineWith: 'OR', queries: [words.join(' '), { combineWith: 'OR', queries: [other], boost: { title: 1, body: 0.5 } }] };
    };
    for (const q of queries.slice(0, 60)) expect(compact.miniSearch.search(corrected(q))).toEqual(plain.search(corrected(q)));
  });

  it("gives the search pass the matches and order of MiniSearch's AND_NOT for -word queries", () => {
    // Quotes and leading hyphens are query syntax of their own.
    for (const q of queries.filter((text) => !/["“”«»]|(^|\s)-/.test(text)).slice(0, 60)) {
      const words = q.split(' ');
      const excluded = words.length > 1 ? words.pop()! : 'السعودية';
      const tree: Query = {
        combineWith: 'AND_NOT',
        queries: [
          { combineWith: 'OR', queries: [words.join(' ')] },
          { combineWith: 'OR', queries: [excluded] },
        ],
      };
      const expected = plain.search(tree);
      const answer = searchArticles(compact, { q: `${words.join(' ')} -${excluded}`, limit: TOP, offset: 0, sources: [], sort: 'relevance' });
      expect(answer.total, q).toBe(expected.length);
      expect(
        answer.hits.map((hit) => hit.id),
        q,
      ).toEqual(expected.slice(0, TOP).map((result) => result.id));
    }
  });

  it('returns every document for the wildcard query', () => {
    expect(compact.miniSearch.search(MiniSearch.wildcard).length).toBe(plain.documentCount);
  });

  it('stores every article as given', () => {
    for (const article of articles) {
      const stored = compact.articles.get(article.id)!;
      const { id, title, body, source, date, url, author, tags } = stored;
      const copy = Object.fromEntries(Object.entries({ id, title, body, source, date, url, author, tags }).filter(([, value]) => value !== undefined));
      expect(copy).toEqual(article);
    }
    expect(compact.articles.get('no-such-id')).toBeUndefined();
  });
});
