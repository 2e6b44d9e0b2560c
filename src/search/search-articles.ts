/**
 * Runs a search over the loaded index: query syntax, filters, facets, sorting, pagination,
 * snippets. Pure given the index; no HTTP here.
 */
import { makeSnippet, highlightRanges, type Range } from './highlight.ts';
import type { LoadedIndex } from './read-index.ts';
import type { MatchDetail, QueryPart } from './match-list.ts';
import type { StoredArticle } from './index-format.ts';
import type { Analyzer } from '../text/analyze.ts';
import { containsRun, parseQuery } from './query.ts';
import { selectTop } from './select-top.ts';
import { FIELD_BOOSTS, SEARCH_FIELDS } from './options.ts';
import { QUERY_BUDGET } from './budget.ts';
import { closestWord } from './typo.ts';

export type SortOrder = 'relevance' | 'newest';

export interface SearchRequest {
  q: string;
  limit: number;
  offset: number;
  sources: readonly string[];
  /** Inclusive calendar dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  sort: SortOrder;
}

export interface SearchHit {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
  url: string | null;
  score: number;
  snippet: string;
  highlights: Range[];
  titleHighlights: Range[];
}

export interface SearchResponse {
  total: number;
  hits: SearchHit[];
  facets: { source: Record<string, number> };
  /** The query as the reader meant it, when a word of it matched nothing and a close corpus word was searched instead (typo.ts). */
  didYouMean?: string;
  /**
   * More articles held the phrase's words than the work budget verifies: the hits are the best
   * of those checked, and total and facets count only the ones that hold the phrase; the true
   * numbers are at least these.
   */
  estimated?: true;
  /** Sharded corpora only: some shards did not answer, so their matches are missing from this answer. */
  partial?: true;
  /** Which shards did not answer (with `partial`). */
  unavailableShards?: string[];
  /** Sharded corpora: the slowest shard's own ranking time (its Server-Timing), for the public Worker's Server-Timing. */
  slowestShardMs?: number;
}

/** Whether a stored date ('' for none) falls in the inclusive calendar range. */
function inDateRange(date: string, from?: string, to?: string): boolean {
  if (date === '') return false;
  const day = date.slice(0, 10);
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}

/** Whether every term of the phrase matched in `field`: only then can that field hold the phrase. */
function matchedIn(phrase: readonly string[], match: MatchDetail['match'], field: string): boolean {
  return phrase.every((term) => match[term]?.includes(field) === true);
}

/** The phrases the article's title does not hold; the title is read only when it matched all of a phrase's terms. */
function phrasesBeyondTitle(article: StoredArticle, phrases: readonly string[][], match: MatchDetail['match'], analyzer: Analyzer): string[][] {
  const possible = phrases.filter((phrase) => matchedIn(phrase, match, 'title'));
  if (possible.length === 0) return [...phrases];
  const title = analyzer.textTerms(article.title);
  return phrases.filter((phrase) => !possible.includes(phrase) || !containsRun(title, phrase));
}

function bodyHoldsPhrases(article: StoredArticle, phrases: readonly string[][], analyzer: Analyzer): boolean {
  if (article.bodyContainsRuns !== undefined) return article.bodyContainsRuns(phrases);
  const body = analyzer.textTerms(article.body);
  return phrases.every((phrase) => containsRun(body, phrase));
}

/** What reading the body for a phrase costs, in words (a plain string has at most one word per two characters). */
function bodyWords(article: StoredArticle): number {
  return article.bodyWords?.() ?? Math.ceil(article.body.length / 2);
}

/** What making a hit needs besides the article: the index terms it matched, whether any in the body, its score. */
export interface HitRequest {
  id: string;
  terms: readonly string[];
  inBody: boolean;
  score: number;
}

function toHit(article: StoredArticle, { terms: matched, inBody, score }: HitRequest, analyzer: Analyzer): SearchHit {
  const terms = new Set(matched);
  const body = article.bodyPrefix !== undefined ? (maxChars: number) => article.bodyPrefix!(maxChars) : article.body;
  const findMatches = article.bodyMatches?.(terms);
  const snippet = makeSnippet(body, terms, { analyzer, textMatched: inBody, ...(findMatches === undefined ? {} : { findMatches }) });
  return {
    id: article.id,
    title: article.title,
    source: article.source ?? null,
    date: article.date ?? null,
    url: article.url ?? null,
    score: Math.round(score * 1000) / 1000,
    snippet: snippet.text,
    highlights: snippet.highlights,
    titleHighlights: highlightRanges(article.title, terms, analyzer),
  };
}

/** The hits of articles by id (a shard makes those the merge picked); unknown ids are left out. */
export function makeHits(index: LoadedIndex, requests: readonly HitRequest[]): SearchHit[] {
  return requests.flatMap((request) => {
    const article = index.articles.get(request.id);
    return article === undefined ? [] : [toHit(article, request, index.analyzer)];
  });
}

/** A match with what it is ranked by, exactly: how shards' pages merge into the unsharded order. */
export interface RankedHit extends HitRequest {
  /** Made only for the ranks asked for (making a hit means a snippet). */
  hit?: SearchHit;
  /** For sort=newest: the article's date ('' when none). */
  date: string;
  /** The unrounded score. */
  score: number;
  /**
   * Where the unsharded index first matched the article, which breaks score ties: the first
   * query term it has (position in the analyzed query), the first field it has it in, and its
   * position among all articles in id order. Sorting by it is MiniSearch's insertion order.
   */
  firstMatch: number;
}

export interface SearchPage {
  total: number;
  /** The first `offset + limit` hits in order (a shard's candidates for the merged page). */
  ranked: RankedHit[];
  /** Matches per source, before the source filter. */
  sourceCounts: Record<string, number>;
  didYouMean?: string;
  /** The work budget cut phrase verification short: total and sourceCounts count the articles checked (see SearchResponse.estimated). */
  estimated?: true;
}

/** Field positions and articles fit these many bits of `firstMatch`. */
const ARTICLE_BITS = 2 ** 32;

function firstMatchKey(result: MatchDetail, queryTerms: readonly string[], corpusPosition: number): number {
  let occurrence = queryTerms.length;
  for (const term of result.terms) {
    const at = queryTerms.indexOf(term);
    if (at !== -1 && at < occurrence) occurrence = at;
  }
  const fields = result.match[queryTerms[occurrence] ?? ''] ?? [];
  const field = Math.min(...fields.map((name) => SEARCH_FIELDS.indexOf(name as (typeof SEARCH_FIELDS)[number])), SEARCH_FIELDS.length);
  return (occurrence * (SEARCH_FIELDS.length + 1) + field) * ARTICLE_BITS + corpusPosition;
}

export function searchArticles(index: LoadedIndex, request: SearchRequest): SearchResponse {
  const page = searchPage(index, request, request.offset, request.offset + request.limit);
  return {
    total: page.total,
    hits: page.ranked.slice(request.offset).map(({ hit }) => hit!),
    facets: { source: sortedFacet(page.sourceCounts) },
    ...(page.didYouMean === undefined ? {} : { didYouMean: page.didYouMean }),
    ...(page.estimated ? { estimated: page.estimated } : {}),
  };
}

/** The facet object most frequent first (then by name, for a stable answer). */
export function sortedFacet(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

/** How a search over one part of a larger corpus (a shard, the embedded index under a live set) reads its matches. */
export interface SearchPageOptions {
  /** By position, 1 for articles no longer in the corpus (retracted, or replaced by a live version): never matched. */
  hidden?: Uint8Array;
  /** A position's place among all the corpus's articles in id order, which breaks score ties (default: the shard's first + position). */
  corpusPosition?: (position: number) => number;
  /** The whole corpus's corrections of the query's words (see correctWords), when this index is one part of it. */
  corrections?: readonly Correction[];
}

/** The search: the first `offset + limit` matches with what they rank by, and hits for ranks [hitsFrom, hitsTo). */
export function searchPage(index: LoadedIndex, request: SearchRequest, hitsFrom: number, hitsTo: number, options: SearchPageOptions = {}): SearchPage {
  const { analyzer } = index;
  const parsed = parseQuery(request.q, analyzer);
  const queryTerms = analyzer.searchTerms(parsed.words.join(' '));
  const corrections = options.corrections ?? correctWords(parsed.words, index);
  // Corrected words are searched beside the typed ones, at a lower weight: below exact matches.
  const searched: QueryPart[] = [{ terms: queryTerms, boost: FIELD_BOOSTS }];
  if (corrections.length > 0) searched.push({ terms: analyzer.searchTerms(corrections.map((c) => c.to).join(' ')), boost: CORRECTED_BOOST });
  const store = index.articles;
  const matches = index.match(searched);
  // Exclusions as MiniSearch's AND_NOT reads them (the matches of any excluded word leave, the
  // others keep their scores), from one match pass of the excluded words.
  const excluded = parsed.excluded.length === 0 ? undefined : excludedPositions(index, analyzer.searchTerms(parsed.excluded.join(' ')));
  const dated = request.from !== undefined || request.to !== undefined;
  const allowed = request.sources.length === 0 ? undefined : new Set(request.sources);

  // One pass over every match reading typed columns only (no article or result object per
  // match, but for phrases). Facets count every source among the matches that pass the other
  // filters, so a reader can see what picking another source would give (disjunctive faceting).
  const { hidden } = options;
  const phrased = parsed.phrases.length > 0;
  // An article can hold a phrase only if it matched every term of it: the cheap test before reading any text.
  const holdsPhraseTerms = phrased ? matches.matchedAll(parsed.phrases.flat()) : undefined;
  let candidates: number[] = [];
  for (let i = 0; i < matches.length; i++) {
    const at = matches.position(i);
    if (hidden !== undefined && hidden[at] === 1) continue;
    if (excluded !== undefined && excluded.has(at)) continue;
    if (dated && !inDateRange(store.dateAt(at), request.from, request.to)) continue;
    if (holdsPhraseTerms !== undefined && !holdsPhraseTerms(i)) continue;
    candidates.push(i);
  }

  // Relevance: score descending, ties in match order. Newest: date descending, then relevance.
  let compare = (a: number, b: number): number => matches.score(b) - matches.score(a) || a - b;
  if (request.sort === 'newest') {
    const dates = new Map(candidates.map((i) => [i, store.dateAt(matches.position(i))]));
    const byRelevance = compare;
    compare = (a, b) => {
      const da = dates.get(a)!;
      const db = dates.get(b)!;
      return da !== db ? (da < db ? 1 : -1) : byRelevance(a, b);
    };
  }

  // Phrases are verified against the text, the costly part of a search, best ranked first and
  // within the work budget: at most so many articles, and so many words of their bodies. Past it
  // the answer is an estimate: the page is the best of the articles checked, and total and
  // facets count those alone. A field is read only if it matched every term of a phrase.
  let estimated = false;
  if (phrased) {
    if (candidates.length > QUERY_BUDGET.phraseChecks) estimated = true;
    const verified: number[] = [];
    let words = 0;
    for (const i of selectTop(candidates, QUERY_BUDGET.phraseChecks, compare)) {
      const article = store.at(matches.position(i));
      const { match } = matches.matched(i);
      const inBody = phrasesBeyondTitle(article, parsed.phrases, match, analyzer);
      if (inBody.length === 0) {
        verified.push(i);
        continue;
      }
      if (!inBody.every((phrase) => matchedIn(phrase, match, 'body'))) continue;
      const cost = bodyWords(article);
      if (words + cost > QUERY_BUDGET.phraseCheckWords) {
        estimated = true;
        continue;
      }
      words += cost;
      if (bodyHoldsPhrases(article, inBody, analyzer)) verified.push(i);
    }
    candidates = verified;
  }
  const counts = new Uint32Array(store.sources.length + 1);
  const kept: number[] = [];
  for (const i of candidates) {
    const code = store.sourceCode(matches.position(i));
    counts[code]!++;
    if (allowed !== undefined && (code === 0 || !allowed.has(store.sources[code - 1]!))) continue;
    kept.push(i);
  }

  const top = selectTop(kept, request.offset + request.limit, compare);
  const shardFirst = index.manifest.shard?.first ?? 0;
  const corpusPosition = options.corpusPosition ?? ((position: number) => shardFirst + position);
  const sourceCounts: Record<string, number> = {};
  for (let code = 1; code < counts.length; code++) if (counts[code]! > 0) sourceCounts[store.sources[code - 1]!] = counts[code]!;
  return {
    total: kept.length,
    ranked: top.map((i, rank) => {
      const result = matches.detail(i);
      const position = matches.position(i);
      const request: HitRequest = {
        id: result.id,
        terms: result.terms,
        inBody: Object.values(result.match).some((fields) => fields.includes('body')),
        score: result.score,
      };
      const hit = rank >= hitsFrom && rank < hitsTo ? toHit(store.at(position), request, analyzer) : undefined;
      const date = store.dateAt(position);
      return { ...request, ...(hit === undefined ? {} : { hit }), date, firstMatch: firstMatchKey(result, queryTerms, corpusPosition(position)) };
    }),
    sourceCounts,
    ...(corrections.length === 0 ? {} : { didYouMean: meant(request.q, corrections) }),
    ...(estimated ? { estimated } : {}),
  };
}

function excludedPositions(index: LoadedIndex, terms: readonly string[]): Set<number> {
  const matches = index.match([{ terms, boost: FIELD_BOOSTS }]);
  const positions = new Set<number>();
  for (let i = 0; i < matches.length; i++) positions.add(matches.position(i));
  return positions;
}

/** A corrected word weighs this share of a typed one. */
const CORRECTED_WEIGHT = 0.5;
const CORRECTED_BOOST = Object.fromEntries(SEARCH_FIELDS.map((field) => [field, FIELD_BOOSTS[field] * CORRECTED_WEIGHT]));

export interface Correction {
  from: string;
  to: string;
}

/** Words of the query whose terms match no article, each with the closest corpus word that does. */
export function correctWords(words: readonly string[], index: Pick<LoadedIndex, 'analyzer' | 'vocabulary' | 'hasTerm'>): Correction[] {
  const corrections: Correction[] = [];
  let looked = 0;
  for (const word of new Set(words)) {
    const terms = index.analyzer.wordTerms(word);
    if (terms.length === 0 || terms.some(index.hasTerm)) continue;
    // The work budget: a query of many unknown words (a flood, another language) is searched as typed past the first few.
    if (looked++ === QUERY_BUDGET.correctedWords) break;
    const close = closestWord(index.vocabulary, word);
    if (close !== undefined && index.analyzer.wordTerms(close.word).some(index.hasTerm)) corrections.push({ from: word, to: close.word });
  }
  return corrections;
}

/** The query with each corrected word replaced, the rest as typed. */
function meant(q: string, corrections: readonly Correction[]): string {
  return corrections.reduce((text, { from, to }) => text.replace(from, to), q);
}
