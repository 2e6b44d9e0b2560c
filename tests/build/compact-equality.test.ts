/**
 * The engine's scoring pass (src/search/compact/match-terms.ts) answers exactly as plain
 * MiniSearch does for every query kind the API sends it: same ids, same order, same scores to
 * the last bit, same matched terms and fields, for a fixed set of queries over a few thousand
 * SaudiNewsNet articles, with the options the build uses (minisearchOptions of the index's
 * analyzer). MiniSearch makes the index at build time and is the oracle here.
 */
import { existsSync } from 'node:fs';
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { snnFixture } from './support/saudinewsnet.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAUDINEWSNET, titleQueries } from '../../bench/lib/scale-corpus.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import type { MatchList, QueryPart } from '../../src/search/match-list.ts';
import { searchArticles } from '../../src/search/search-articles.ts';
import type { LoadedIndex } from '../../src/search/read-index.ts';
import { FIELD_BOOSTS, minisearchOptions, type IndexedFields } from '../../src/search/options.ts';

const QUERIES = 300;
const TOP = 10;

let articles: StoredArticle[] = [];
let plain: MiniSearch<IndexedFields>;
let compact: LoadedIndex;
let queries: string[] = [];

/** A match list in rank order (score descending, ties in match order), as MiniSearch's results. */
function ranked(matches: MatchList): { id: string; score: number; terms: readonly string[]; match: Readonly<Record<string, readonly string[]>> }[] {
  const order = Array.from({ length: matches.length }, (_, i) => i).sort((a, b) => matches.score(b) - matches.score(a) || a - b);
  return order.map((i) => {
    const { id, score, terms, match } = matches.detail(i);
    return { id, score, terms, match };
  });
}

/** MiniSearch's results without its queryTerms (the engine reports terms and fields). */
const oracle = (query: Query): ReturnType<typeof ranked> =>
  plain.search(query).map(({ id, score, terms, match }: SearchResult) => ({ id, score, terms, match }));

/** The engine's part for a query string, analyzed as the search analyzes it. */
const part = (q: string, boost: Readonly<Record<string, number>> = FIELD_BOOSTS): QueryPart => ({ terms: compact.analyzer.searchTerms(q), boost });

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

  it('returns the same whole result lists, scores, terms and fields for the words of titles', () => {
    expect(queries).toHaveLength(QUERIES);
    for (const q of queries) expect(ranked(compact.match([part(q)])), q).toEqual(oracle(q));
  });

  it.each([
    ['a repeated word', (q: string) => `${q} ${q}`],
    ['a word repeated three times', (q: string) => `${q} ${q} ${q}`],
    ['only function words', () => 'في من على'],
    ['a word not in the corpus', (q: string) => `${q} زززززز`],
    ['digits and Latin', (q: string) => `${q} 2015 FBI`],
    ['more than 32 different terms', (q: string) => [q, ...queries.slice(0, 40)].join(' ')],
  ])('returns the same whole result list for a query with %s', (_name, make) => {
    for (const q of queries.slice(0, 40)) expect(ranked(compact.match([part(make(q))])), make(q)).toEqual(oracle(make(q)));
  });

  it('returns the same whole result list for an OR of strings with their own boosts (a query and its typo corrections)', () => {
    for (const q of queries.slice(0, 60)) {
      const other = queries[(queries.indexOf(q) + 1) % queries.length]!;
      const boost = { title: 1, body: 0.5 };
      const tree: Query = { combineWith: 'OR', queries: [q, { combineWith: 'OR', queries: [other], boost }] };
      expect(ranked(compact.match([part(q), part(other, boost)])), q).toEqual(oracle(tree));
    }
  });

  it("tells which matches matched every one of some terms, as their matched terms say (a phrase's first test)", () => {
    for (const q of queries.slice(0, 60)) {
      const terms = compact.analyzer.searchTerms(q);
      const matches = compact.match([part(q)]);
      // Every pair of the query's terms, one term alone, a term the query lacks.
      const sets = [...terms.flatMap((a, i) => terms.slice(i + 1).map((b) => [a, b])), terms.slice(0, 1), [...terms.slice(0, 1), 'زززززز']];
      for (const wanted of sets) {
        const test = matches.matchedAll(wanted);
        for (let i = 0; i < matches.length; i++) {
          const matched = matches.matched(i).terms;
          if (test(i) !== wanted.every((term) => matched.includes(term))) expect.fail(`${q}: match ${i}, terms ${wanted.join(' ')}`);
        }
      }
    }
  });

  it('matches nothing for a query without terms', () => {
    expect(compact.match([part('في من')]).length).toBe(0);
    expect(compact.match([]).length).toBe(0);
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
