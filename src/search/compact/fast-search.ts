/**
 * A shortcut for the query the Worker sends most: a plain string, its terms OR-ed, exact
 * terms only (no prefix, no fuzzy, no per-document or per-term boost, no filter). It gives the
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

/** Distinct query terms a document's matches are tracked for, as bits of a 32-bit mask. */
const MAX_DISTINCT_TERMS = 32;

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

/** The matches of an eligible string query (see FastMatches); undefined for the rest. */
export function fastMatches(context: FastSearchContext, query: unknown, searchOptions: SearchOptions): FastMatches | undefined {
  if (typeof query !== 'string') return undefined;
  const { options: base } = context;
  const options: SearchOptions = { ...base.searchOptions, ...searchOptions };
  if (!eligible(options)) return undefined;

  // As MiniSearch: the search options' tokenizer and term processing win over the index's.
  const tokenize = options.tokenize ?? base.tokenize;
  const processTerm = options.processTerm ?? base.processTerm;
  const terms = tokenize(query)
    .flatMap((token) => processTerm(token) as string | string[] | null | undefined | false)
    .filter((term): term is string => !!term);
  const distinct = [...new Set(terms)];
  if (distinct.length > MAX_DISTINCT_TERMS) return undefined;
  if (terms.length === 0) return NO_MATCHES;

  const fields = options.fields ?? base.fields;
  const boosts = fields.map((field) => (Object.hasOwn(options.boost ?? {}, field) ? options.boost![field] : undefined) || 1);
  const fieldIds = fields.map((field) => context.fieldIds[field]!);
  const { k, b, d } = options.bm25!;
  const fieldCount = Object.keys(context.fieldIds).length;
  const { documentCount, fieldLengths, averageFieldLength } = context;

  const size = context.ids.length;
  const total = new Float64Array(size);
  const termScore = new Float64Array(size);
  const termMask = new Uint32Array(size);
  // Which occurrence of a query term last touched each document (occurrence + 1).
  const stamp = new Int32Array(size);
  // Fields each distinct term matched in each document, as bits (field position in `fields`).
  const fieldMask = new Uint8Array(distinct.length * size);
  const order: number[] = [];
  const touched: number[] = [];

  for (const [occurrence, term] of terms.entries()) {
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
      for (let i = 0; i < docIds.length; i++) {
        const doc = docIds[i]!;
        const termFreq = frequencies[i]!;
        const fieldLength = fieldLengths[doc * fieldCount + fieldIds[f]!]!;
        // calcBM25Score and the weighting, written as MiniSearch 7.2.0 writes them.
        const invDocFreq = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        const raw = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weighted = 1 * 1 * boost * 1 * raw;
        if (stamp[doc] !== occurrence + 1) {
          stamp[doc] = occurrence + 1;
          touched.push(doc);
          termScore[doc] = weighted;
        } else {
          termScore[doc] = termScore[doc]! + weighted;
        }
        fieldMask[t * size + doc] = fieldMask[t * size + doc]! | (1 << f);
      }
    }
    for (const doc of touched) {
      if (termMask[doc] === 0) {
        order.push(doc);
        total[doc] = termScore[doc]!;
      } else {
        total[doc] = total[doc]! + termScore[doc]!;
      }
      termMask[doc] = termMask[doc]! | (1 << t);
    }
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
      if ((termMask[doc]! & (1 << t)) === 0) continue;
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
  const score = (doc: number): number => total[doc]! * (bitCount(termMask[doc]!) || 1);
  return { order, score, result };
}

function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count++;
  return count;
}

function deepFreeze<T extends Pick<SearchResult, 'terms' | 'queryTerms' | 'match'>>(matched: T): T {
  for (const fields of Object.values(matched.match)) Object.freeze(fields);
  Object.freeze(matched.match);
  Object.freeze(matched.terms);
  Object.freeze(matched.queryTerms);
  return matched;
}
