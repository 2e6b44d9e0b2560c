/**
 * A shortcut for the queries the Worker sends: a plain string, its terms OR-ed, or an OR of
 * such strings each with its own field boosts (a query with its typo corrections at a lower
 * weight); exact terms only (no prefix, no fuzzy, no per-document or per-term boost, no filter). It gives the
 * same results as MiniSearch's search() — ids, scores to the last bit, terms, match, order —
 * with scores summed in typed arrays instead of a Map of objects per term. Every other query
 * goes to MiniSearch (see compact-minisearch.ts); the equality suite holds both to plain
 * MiniSearch's answers.
 *
 * Floating point is not associative, so the sums follow MiniSearch's order exactly: per term,
 * the fields in boost order; then the terms in query order; then × the number of distinct
 * terms matched. Ties keep the order in which documents were first matched (its sort is stable).
 *
 * One difference a caller could see: results that matched the same terms in the same fields
 * share their `terms`, `queryTerms` and `match`, frozen, instead of owning copies.
 */
import type { Options, SearchOptions, SearchResult } from 'minisearch';
import type { TermIndex } from './term-index.ts';

export interface FastSearchContext {
  /** The MiniSearch options, with its search defaults merged in (MiniSearch's `_options`). */
  options: Required<Pick<Options, 'fields' | 'tokenize' | 'processTerm'>> & { searchOptions: SearchOptions };
  termIndex: Pick<TermIndex, 'get'>;
  ids: readonly string[];
  fieldIds: Record<string, number>;
  averageFieldLength: readonly number[];
  fieldLengths: Uint32Array;
  documentCount: number;
}

/** Distinct query terms the pass tracks (a count per document fits a byte); past it MiniSearch's search answers. */
const MAX_DISTINCT_TERMS = 255;

/** Options this shortcut answers exactly; anything else is MiniSearch's. */
function eligible(options: SearchOptions): boolean {
  return (
    !options.prefix &&
    !options.fuzzy &&
    options.boostDocument == null &&
    options.boostTerm == null &&
    options.filter == null &&
    (options.combineWith ?? 'OR').toLowerCase() === 'or'
  );
}

/**
 * The matches of an eligible query before any result object is made: the search's filter and
 * facet pass reads scores only, and results are made for the page it shows.
 */
export interface FastMatches {
  /** Matched documents (short ids) in the order they were first matched, which breaks score ties. */
  order: readonly number[];
  /** A matched document's score, to the last bit MiniSearch's. */
  score(doc: number): number;
  /** MiniSearch's result for a matched document. */
  result(doc: number): SearchResult;
}

const NO_MATCHES: FastMatches = {
  order: [],
  score: () => 0,
  result: (doc) => {
    throw new RangeError(`document ${doc} did not match`);
  },
};

/** MiniSearch's search(query, searchOptions) for eligible string queries; undefined for the rest. */
export function fastSearch(context: FastSearchContext, query: unknown, searchOptions: SearchOptions): SearchResult[] | undefined {
  const matches = fastMatches(context, query, searchOptions);
  if (matches === undefined) return undefined;
  const results = matches.order.map((doc) => matches.result(doc));
  // Stable: ties keep first-match order, as in MiniSearch.
  results.sort((x, y) => y.score - x.score);
  return results;
}

/** A string query with the options it is searched with: one part of an OR of strings. */
interface QueryGroup {
  text: string;
  options: SearchOptions;
}

/**
 * The strings of a query and the options each is searched with, as MiniSearch's executeQuery
 * merges them (a nested query's own options over its parent's): a string, or OR queries whose
 * parts are strings or such OR queries, each part eligible. Undefined for any other query.
 */
function groupsOf(query: unknown, options: SearchOptions): QueryGroup[] | undefined {
  if (!eligible(options)) return undefined;
  if (typeof query === 'string') return [{ text: query, options }];
  if (typeof query !== 'object' || query === null || !Array.isArray((query as { queries?: unknown }).queries)) return undefined;
  const { queries, ...own } = query as { queries: unknown[] } & SearchOptions;
  const merged: SearchOptions = { ...options, ...own };
  const groups: QueryGroup[] = [];
  for (const part of queries) {
    const inner = groupsOf(part, merged);
    if (inner === undefined) return undefined;
    groups.push(...inner);
  }
  return groups;
}

/** The matches of an eligible query (see FastMatches); undefined for the rest. */
export function fastMatches(context: FastSearchContext, query: unknown, searchOptions: SearchOptions): FastMatches | undefined {
  const { options: base } = context;
  const groups = groupsOf(query, { ...base.searchOptions, ...searchOptions });
  if (groups === undefined) return undefined;

  // As MiniSearch: the search options' tokenizer and term processing win over the index's.
  const termsOf = ({ text, options }: QueryGroup): string[] => {
    const tokenize = options.tokenize ?? base.tokenize;
    const processTerm = options.processTerm ?? base.processTerm;
    return tokenize(text)
      .flatMap((token) => processTerm(token) as string | string[] | null | undefined | false)
      .filter((term): term is string => !!term);
  };
  const groupTerms = groups.map(termsOf);
  const distinct = [...new Set(groupTerms.flat())];
  if (distinct.length > MAX_DISTINCT_TERMS) return undefined;
  if (distinct.length === 0) return NO_MATCHES;

  // The fields and their order are the same for every group (options only boost them).
  const fields = groups[0]!.options.fields ?? base.fields;
  if (groups.some(({ options }) => (options.fields ?? base.fields).join('\n') !== fields.join('\n'))) return undefined;
  const fieldIds = fields.map((field) => context.fieldIds[field]!);
  const fieldCount = Object.keys(context.fieldIds).length;
  const { documentCount, fieldLengths, averageFieldLength } = context;

  const size = context.ids.length;
  const total = new Float64Array(size);
  const groupScore = new Float64Array(size);
  const termScore = new Float64Array(size);
  // How many distinct query terms each document matched: MiniSearch multiplies its score by it.
  const termsMatched = new Uint8Array(size);
  // Which occurrence of a query term last touched each document (occurrence + 1), and which group.
  const stamp = new Int32Array(size);
  const groupStamp = new Int32Array(size);
  // Fields each distinct term matched in each document, as bits (field position in `fields`).
  const fieldMask = new Uint8Array(distinct.length * size);
  const order: number[] = [];
  const touched: number[] = [];
  const inGroup: number[] = [];
  let occurrence = 0;

  for (const [g, terms] of groupTerms.entries()) {
    const { options } = groups[g]!;
    const boosts = fields.map((field) => (Object.hasOwn(options.boost ?? {}, field) ? options.boost![field] : undefined) || 1);
    const { k, b, d } = options.bm25!;
    inGroup.length = 0;
    for (const term of terms) {
      occurrence++;
      const postings = context.termIndex.get(term);
      if (postings === undefined) continue;
      const t = distinct.indexOf(term);
      touched.length = 0;
      for (let f = 0; f < fields.length; f++) {
        const docs = postings.get(fieldIds[f]!);
        if (docs === undefined) continue;
        const matching = docs.size;
        const avgFieldLength = averageFieldLength[fieldIds[f]!]!;
        const boost = boosts[f]!;
        const docIds = docs.docIds;
        const frequencies = docs.frequencies;
        // calcBM25Score and the weighting, written as MiniSearch 7.2.0 writes them (the same
        // operations in the same order: the same doubles).
        const invDocFreq = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        for (let i = 0; i < docIds.length; i++) {
          const doc = docIds[i]!;
          const termFreq = frequencies[i]!;
          const fieldLength = fieldLengths[doc * fieldCount + fieldIds[f]!]!;
          const raw = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
          const weighted = 1 * 1 * boost * 1 * raw;
          if (stamp[doc] !== occurrence) {
            stamp[doc] = occurrence;
            touched.push(doc);
            termScore[doc] = weighted;
          } else {
            termScore[doc] = termScore[doc]! + weighted;
          }
          const cell = t * size + doc;
          if (fieldMask[cell] === 0) termsMatched[doc] = termsMatched[doc]! + 1;
          fieldMask[cell] = fieldMask[cell]! | (1 << f);
        }
      }
      // A string's terms are OR-ed: their scores summed in query order.
      for (const doc of touched) {
        if (groupStamp[doc] !== g + 1) {
          if (groupStamp[doc] === 0) order.push(doc);
          groupStamp[doc] = g + 1;
          inGroup.push(doc);
          groupScore[doc] = termScore[doc]!;
        } else {
          groupScore[doc] = groupScore[doc]! + termScore[doc]!;
        }
      }
    }
    // The OR of the strings adds each one's sum, in query order, as MiniSearch's combinator does.
    for (const doc of inGroup) total[doc] = total[doc]! + groupScore[doc]!;
  }

  // Documents that matched the same terms in the same fields share one frozen `terms`,
  // `queryTerms` and `match` (a search matches thousands of documents, in a handful of ways).
  const fieldBits = fields.length;
  const shareable = fieldBits * distinct.length <= 30;
  const shared = new Map<number, Pick<SearchResult, 'terms' | 'queryTerms' | 'match'>>();
  const describe = (doc: number): Pick<SearchResult, 'terms' | 'queryTerms' | 'match'> => {
    const queryTerms: string[] = [];
    const match: Record<string, string[]> = {};
    for (let t = 0; t < distinct.length; t++) {
      if (fieldMask[t * size + doc] === 0) continue;
      queryTerms.push(distinct[t]!);
      const mask = fieldMask[t * size + doc]!;
      match[distinct[t]!] = fields.filter((_, f) => (mask & (1 << f)) !== 0);
    }
    return { terms: Object.keys(match), queryTerms, match };
  };
  const result = (doc: number): SearchResult => {
    let matched: Pick<SearchResult, 'terms' | 'queryTerms' | 'match'>;
    if (shareable) {
      let key = 0;
      for (let t = 0; t < distinct.length; t++) key += fieldMask[t * size + doc]! * 2 ** (fieldBits * t);
      matched = shared.get(key) ?? deepFreeze(describe(doc));
      shared.set(key, matched);
    } else {
      matched = describe(doc);
    }
    const { terms: matchedTerms, queryTerms, match } = matched;
    return { id: context.ids[doc], score: total[doc]! * (queryTerms.length || 1), terms: matchedTerms, queryTerms, match };
  };
  // MiniSearch multiplies by the number of distinct query terms matched (queryTerms.length).
  const score = (doc: number): number => total[doc]! * (termsMatched[doc] || 1);
  return { order, score, result };
}

function deepFreeze<T extends Pick<SearchResult, 'terms' | 'queryTerms' | 'match'>>(matched: T): T {
  for (const fields of Object.values(matched.match)) Object.freeze(fields);
  Object.freeze(matched.match);
  Object.freeze(matched.terms);
  Object.freeze(matched.queryTerms);
  return matched;
}
