/**
 * The one place where search is configured. Imported by the build (to create the index) and by
 * the Worker (to load and query it): MiniSearch refuses, and answers wrongly, when the two differ.
 * Term processing comes from the index's analyzer (src/text/analyze.ts), made from the lexicon
 * the index carries, so the options are made per analyzer.
 */
import type { Options, SearchOptions } from 'minisearch';
import { ANALYZER_VERSION, type Analyzer } from '../text/analyze.ts';
import { tokenize } from '../text/tokenize.ts';

/** Layout of the generated index (src/search/compact/layout.ts); bumped on any change to what the build writes. */
export const INDEX_FORMAT_VERSION = 6;
export { ANALYZER_VERSION };

/** What MiniSearch indexes of an article. Everything else lives in the article store. */
export interface IndexedFields {
  id: string;
  title: string;
  body: string;
}

/** Fields with postings. */
export const SEARCH_FIELDS = ['title', 'body'] as const;

/** A title match weighs this much more than a body match (a headline names the topic). */
export const FIELD_BOOSTS: Readonly<Record<(typeof SEARCH_FIELDS)[number], number>> = {
  title: 2,
  body: 1,
};

/** Query-time defaults: OR of the terms (BM25 ranks documents with more of them first), exact terms. */
export function searchDefaults(analyzer: Analyzer): SearchOptions {
  return {
    boost: { ...FIELD_BOOSTS },
    combineWith: 'OR',
    prefix: false,
    fuzzy: false,
    processTerm: analyzer.queryTerms,
  };
}

export function minisearchOptions(analyzer: Analyzer): Options<IndexedFields> {
  return {
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    tokenize,
    processTerm: analyzer.indexTerm,
    searchOptions: searchDefaults(analyzer),
  };
}
