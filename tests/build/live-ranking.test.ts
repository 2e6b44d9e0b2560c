/**
 * The embedded index with a live set ranks as a rebuild of the same articles: 2,000 SaudiNewsNet
 * articles as the base, 150 new and 50 corrected ones live, 50 retracted; 300 queries with
 * filters, sorting, paging and exclusions. The live side scores with the combined corpus's
 * statistics and the pages merge as shards' do (src/live/live-view.ts). Live articles are
 * analyzed with the base's lexicon until the next build: a rebuild with that lexicon gives the
 * same scores to the last bit; a plain rebuild (its own counts) may stem a few words otherwise.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexData } from '../../build-index/build-index-data.ts';
import { corpusLexicon } from '../../build-index/lexicon.ts';
import { mixedRequests, readSubset, SAUDINEWSNET, seededRandom, titleQueries } from '../../bench/lib/scale-corpus.ts';
import { analyzeArticle } from '../../src/live/analyze-article.ts';
import { liveBackend } from '../../src/live/live-backend.ts';
import { createLiveView, type LiveViewParts } from '../../src/live/live-view.ts';
import { LiveWordCounts } from '../../src/live/live-vocabulary.ts';
import type { SearchBackend } from '../../src/search/backend.ts';
import type { StoredArticle, Vocabulary } from '../../src/search/index-format.ts';
import { foldLetters } from '../../src/text/normalize.ts';
import { loadIndex, type LoadedIndex } from '../../src/search/read-index.ts';
import { searchArticles, type SearchRequest } from '../../src/search/search-articles.ts';
import { suggest, type CompletionSource } from '../../src/search/suggest.ts';

const BASE = 2000;
const NEW = 150;
const CORRECTED = 50;
const RETRACTED = 50;
const QUERIES = 300;
const BUILT_AT = '2026-01-01T00:00:00.000Z';

let rebuilt: LoadedIndex;
let rebuiltWithBaseLexicon: LoadedIndex;
let combined: SearchBackend;
let all: StoredArticle[];
/** The parts of the combined view, for views of other versions of the live set. */
let parts: Omit<LiveViewParts, 'wordCounts'>;

const byId = (a: StoredArticle, b: StoredArticle): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe.skipIf(!existsSync(SAUDINEWSNET))('base + live ranking', () => {
  beforeAll(() => {
    const articles = readSubset(BASE + NEW + 400).articles.slice(0, BASE + NEW + 10);
    const base = articles.slice(0, BASE);
    // New articles take ids that sort among the base's (the live shard interleaves with it).
    const fresh = articles.slice(BASE, BASE + NEW).map((article, i) => ({ ...article, id: `${base[(i * 13) % BASE]!.id}-live` }));
    const random = seededRandom(12);
    const picked = new Set<number>();
    while (picked.size < CORRECTED + RETRACTED) picked.add(Math.floor(random() * BASE));
    const [correctedAt, retractedAt] = [[...picked].slice(0, CORRECTED), [...picked].slice(CORRECTED)];
    // A correction: the same id with another headline and a longer body.
    const corrected = correctedAt.map((at, i) => ({
      ...base[at]!,
      title: articles[BASE + NEW + (i % 10)]!.title,
      body: `${base[at]!.body}\n\n${articles[(at + 7) % BASE]!.body}`,
    }));
    const retracted = new Set(retractedAt.map((at) => base[at]!.id));
    const live = [...fresh, ...corrected].sort(byId);
    const replaced = new Set(corrected.map((article) => article.id));
    all = [...base.filter((article) => !retracted.has(article.id) && !replaced.has(article.id)), ...live].sort(byId);

    const data = buildIndexData(base, { builtAt: BUILT_AT });
    const baseIndex = loadIndex({ manifest: data.manifest, indexBlob: data.blob });
    parts = {
      base: baseIndex,
      live: live.map((article) => ({ article, analysis: analyzeArticle(article, baseIndex.fieldIds, baseIndex.analyzer) })),
      hidden: new Set([...retracted, ...replaced]),
    };
    const view = createLiveView(parts);
    combined = liveBackend(view, baseIndex.manifest);
    const whole = buildIndexData(all, { builtAt: BUILT_AT });
    rebuilt = loadIndex({ manifest: whole.manifest, indexBlob: whole.blob });
    const same = buildIndexData(all, { builtAt: BUILT_AT, lexicon: corpusLexicon(base) });
    rebuiltWithBaseLexicon = loadIndex({ manifest: same.manifest, indexBlob: same.blob });
  }, 180_000);

  /** The requests whose total, top 10 or facets differ from `oracle`'s. */
  async function differencesFrom(oracle: LoadedIndex): Promise<unknown[]> {
    const differences: unknown[] = [];
    for (const request of mixedRequests(all, QUERIES)) {
      const expected = searchArticles(oracle, request);
      const actual = await combined.search(request);
      const wanted = { total: expected.total, ids: expected.hits.map((hit) => hit.id), facets: expected.facets.source };
      const got = { total: actual.total, ids: actual.hits.map((hit) => hit.id), facets: actual.facets.source };
      if (JSON.stringify(wanted) !== JSON.stringify(got)) differences.push({ request, wanted, got });
    }
    return differences;
  }

  it("gives a full rebuild's top 10 on at least 295 of 300 queries, with totals and facets", async () => {
    const differences = await differencesFrom(rebuilt);
    expect(differences.length, JSON.stringify(differences.slice(0, 3), null, 1)).toBeLessThanOrEqual(QUERIES - 295);
  });

  it("gives exactly the top 10, totals and facets of a rebuild analyzed with the base's lexicon", async () => {
    // Held tighter than the goal: scoring is that rebuild's to the last bit, so nothing differs.
    expect(await differencesFrom(rebuiltWithBaseLexicon)).toEqual([]);
  });

  it("gives the same hits, snippets and scores as a rebuild with the base's lexicon", async () => {
    for (const q of titleQueries(all, 30, 3)) {
      const request: SearchRequest = { q, limit: 10, offset: 0, sources: [], sort: 'relevance' };
      expect((await combined.search(request)).hits).toEqual(searchArticles(rebuiltWithBaseLexicon, request).hits);
    }
  });

  it("suggests the rebuild's words for prefixes of the live articles' words, most frequent first", () => {
    // The written form shown may differ: a word the base already had keeps the base's most frequent spelling.
    const completions = (vocabulary: Vocabulary | CompletionSource, prefix: string) => suggest(vocabulary, prefix, 8).map(({ text }) => foldLetters(text));
    const words = all
      .filter((article) => article.id.endsWith('-live'))
      .slice(0, 40)
      .map((article) =>
        article.title
          .split(/\s+/)
          .find((word) => word.length > 4)!
          .slice(0, 4),
      );
    for (const prefix of words) expect(completions(combined.vocabulary, prefix)).toEqual(completions(rebuilt.vocabulary, prefix));
  });

  it('suggests for each version of the live set what a fresh count of its articles suggests, when the counts are carried from version to version', () => {
    const completions = (vocabulary: Vocabulary | CompletionSource, prefix: string) => suggest(vocabulary, prefix, 8).map(({ text }) => text);
    // Earlier versions: fewer live articles and fewer hidden ones; then the whole set, and back.
    const half = { ...parts, live: parts.live.filter((_, i) => i % 2 === 0), hidden: new Set([...parts.hidden].filter((_, i) => i % 2 === 0)) };
    const none = { ...parts, live: [], hidden: new Set<string>() };
    const shared = new LiveWordCounts(parts.base.analyzer);
    const prefixes = [
      'ال',
      'وز',
      ...parts.live.slice(0, 20).map(({ article }) =>
        article.title
          .split(/\s+/)
          .find((word) => word.length > 4)!
          .slice(0, 3),
      ),
    ];
    for (const version of [half, parts, none, half, parts]) {
      const carried = createLiveView({ ...version, wordCounts: shared }).vocabulary;
      const fresh = createLiveView(version).vocabulary;
      for (const prefix of prefixes) expect(completions(carried, prefix), prefix).toEqual(completions(fresh, prefix));
    }
  });
});
