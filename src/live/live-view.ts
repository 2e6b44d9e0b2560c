/**
 * The embedded index and the live set as one corpus, for one version of the live set: the base
 * with its retracted and replaced articles hidden, the live articles as one more small shard,
 * and both scoring with the combined corpus's statistics (document count, average field
 * lengths, each term's document frequency per field), so that merging their pages
 * (src/search/merge-pages.ts) ranks as a rebuild of base + live would.
 */
import { matchTerms, type ScoringParts } from '../search/compact/match-terms.ts';
import type { CorpusStatistics } from '../search/compact/reweighted-terms.ts';
import type { IndexManifest, StoredArticle } from '../search/index-format.ts';
import type { CompletionSource } from '../search/suggest.ts';
import { SEARCH_FIELDS } from '../search/options.ts';
import type { LoadedIndex, OpenedIndex } from '../search/read-index.ts';
import type { SearchPageOptions } from '../search/search-articles.ts';
import type { AnalyzedArticle } from './analyze-article.ts';
import { LiveArticles } from './live-articles.ts';
import { LiveTermIndex } from './live-terms.ts';
import { LiveWordCounts, liveVocabulary } from './live-vocabulary.ts';
import { lowerBound } from '../search/sorted.ts';

export interface LiveArticle {
  article: StoredArticle;
  analysis: AnalyzedArticle;
}

export interface LiveViewParts {
  base: OpenedIndex;
  /** The live articles, sorted by id. */
  live: readonly LiveArticle[];
  /** Base ids no longer shown: retracted, or replaced by a live article. */
  hidden: ReadonlySet<string>;
  /** The suggestion counts of the live set's earlier versions, brought to this one (see LiveWordCounts); default fresh ones. */
  wordCounts?: LiveWordCounts;
}

export interface LiveView {
  /** The embedded index, reweighed; `baseOptions` hides what it must. */
  base: LoadedIndex;
  baseOptions: SearchPageOptions;
  live: LoadedIndex;
  liveOptions: SearchPageOptions;
  /** Articles of the combined corpus. */
  documentCount: number;
  article(id: string): StoredArticle | undefined;
  /** Suggestions of the combined corpus. */
  readonly vocabulary: CompletionSource;
}

/** Memoized per term: a query's terms are asked by the base and the live side, and news repeats its queries. */
const MAX_MEMOIZED_TERMS = 50_000;

export function createLiveView({ base, live, hidden, wordCounts }: LiveViewParts): LiveView {
  const fieldCount = Object.keys(base.fieldIds).length;
  const baseSize = base.ids.length;
  const mask = new Uint8Array(baseSize);
  const hiddenPositions: number[] = [];
  for (const id of hidden) {
    const at = lowerBound(base.ids, id);
    if (base.ids[at] === id) hiddenPositions.push(at);
  }
  hiddenPositions.sort((a, b) => a - b);
  for (const at of hiddenPositions) mask[at] = 1;
  const liveIds = live.map(({ article }) => article.id);
  const hiddenBefore = (position: number): number => lowerBound(hiddenPositions, position);
  const terms = new LiveTermIndex(
    live.map(({ analysis }) => analysis),
    fieldCount,
  );

  // MiniSearch keeps a running average as it adds documents in id order; replaying it over the
  // combined corpus in that order gives the rebuild's averages to the last bit.
  const averageFieldLength = new Array<number>(fieldCount).fill(0);
  let count = 0;
  const add = (lengths: ArrayLike<number>, offset: number): void => {
    for (let field = 0; field < fieldCount; field++) averageFieldLength[field] = (averageFieldLength[field]! * count + lengths[offset + field]!) / (count + 1);
    count++;
  };
  for (let p = 0, j = 0; p < baseSize || j < live.length;) {
    if (p < baseSize && mask[p] === 1) {
      p++;
    } else if (j < live.length && (p === baseSize || liveIds[j]! < base.ids[p]!)) {
      add(live[j]!.analysis.fieldLengths, 0);
      j++;
    } else {
      add(base.fieldLengths, p * fieldCount);
      p++;
    }
  }

  const frequencies = new Map<string, Int32Array>();
  const statistics: CorpusStatistics = {
    documentCount: count,
    averageFieldLength,
    documentFrequencies(term) {
      let known = frequencies.get(term);
      if (known !== undefined) return known;
      known = new Int32Array(fieldCount);
      const postings = base.termIndex.get(term);
      for (const [field, docs] of postings ?? []) {
        let shown = docs.size;
        if (hiddenPositions.length > 0) for (const doc of docs.docIds) shown -= mask[doc]!;
        known[field] = shown;
      }
      const own = terms.liveFrequencies(term);
      if (own !== undefined) for (let field = 0; field < fieldCount; field++) known[field] = known[field]! + own[field]!;
      if (frequencies.size >= MAX_MEMOIZED_TERMS) frequencies.clear();
      frequencies.set(term, known);
      return known;
    },
  };
  terms.score(statistics);

  const reweighted = base.reweighted(statistics);
  const articles = new LiveArticles(
    live.map(({ article }) => article),
    base.analyzer,
  );
  const liveFieldLengths = new Uint32Array(live.length * fieldCount);
  for (const [doc, { analysis }] of live.entries())
    for (let field = 0; field < fieldCount; field++) liveFieldLengths[doc * fieldCount + field] = analysis.fieldLengths[field]!;
  const liveScoring: ScoringParts = {
    termIndex: terms,
    ids: liveIds,
    fields: SEARCH_FIELDS,
    fieldIds: base.fieldIds,
    averageFieldLength,
    fieldLengths: liveFieldLengths,
    documentCount: count,
  };
  const manifest: IndexManifest = { ...base.manifest, articles: live.length };
  return {
    base: { ...base, ...reweighted },
    baseOptions: {
      hidden: mask,
      corpusPosition: (p) => p - hiddenBefore(p) + lowerBound(liveIds, base.ids[p]!),
    },
    // The live side corrects typos as the combined corpus would: from the base's words, into any article's terms.
    live: {
      manifest,
      match: (parts) => matchTerms(liveScoring, parts),
      articles,
      vocabulary: base.vocabulary,
      analyzer: base.analyzer,
      hasTerm: (term) => terms.has(term) || base.hasTerm(term),
    },
    liveOptions: {
      corpusPosition: (j) => {
        const before = lowerBound(base.ids, liveIds[j]!);
        return j + before - hiddenBefore(before);
      },
    },
    documentCount: count,
    article(id) {
      const own = articles.get(id);
      if (own !== undefined) return own;
      return hidden.has(id) ? undefined : base.articles.get(id);
    },
    vocabulary: liveVocabulary(
      base.vocabulary,
      wordCounts ?? new LiveWordCounts(base.analyzer),
      live.map(({ article }) => article),
      () => hiddenPositions.map((at) => base.articles.at(at)),
    ),
  };
}
