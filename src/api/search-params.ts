/**
 * The query parameters of GET /api/search and GET /api/suggest: one schema per route, the single
 * source of (1) the validation the routes run (src/api/read-query.ts), (2) the `parameters` of
 * both routes in /openapi.json (src/api/openapi-parameters.ts) and (3) the request types of the
 * widget's client (src/widget/client.ts imports the types below, never this code).
 *
 * Each schema reads a record of every value given for each of its names (read-query.ts builds it
 * from URLSearchParams) and gives back typed values, defaults filled in. Its entries are in the
 * order the document lists them; of a request's faults, the client is told the first, single
 * parameters before repeatable ones (read-query.ts).
 */
import * as v from 'valibot';
import { calendarDate, integer, oneOf, searchText, textList, typedText } from './query-parameters.ts';

/** The bounds of the parameters: change one here and the validation and the document follow. */
const LIMITS = {
  qMaxChars: 256,
  limit: { min: 1, max: 50, default: 10 },
  offset: { min: 0, max: 990, default: 0 },
  suggestLimit: { min: 1, max: 20, default: 8 },
  maxSources: 20,
  sourceMaxChars: 100,
} as const;

/** Ranking by relevance, the default, or newest first. */
export const SORT_ORDERS = ['relevance', 'newest'] as const;

export const searchParameters = v.object({
  /** Words, `"phrases"` and `-exclusions`. */
  q: searchText('q', {
    maxChars: LIMITS.qMaxChars,
    whenMissing: 'q is required: the words to search for, e.g. ?q=بوتين',
    description: 'Words to search for. "quoted words" must appear in that order; -word excludes articles containing word.',
  }),
  limit: integer('limit', LIMITS.limit),
  offset: integer('offset', LIMITS.offset),
  /** Only these sources. */
  source: textList('source', { maxItems: LIMITS.maxSources, maxChars: LIMITS.sourceMaxChars, description: 'Only these sources (repeatable).' }),
  /** `YYYY-MM-DD`, inclusive. */
  from: calendarDate('from', 'Only articles dated on or after this day.'),
  /** `YYYY-MM-DD`, inclusive. */
  to: calendarDate('to', 'Only articles dated on or before this day.'),
  sort: oneOf('sort', SORT_ORDERS),
});

/** The search parameters, and what holds between them: a date range that ends before it starts is refused, on `to`. */
export const searchQuery = v.pipe(
  searchParameters,
  v.forward(
    v.partialCheck(
      [['from'], ['to']],
      ({ from, to }) => from === undefined || to === undefined || from <= to,
      (issue) => `to (${issue.input.to}) is before from (${issue.input.from})`,
    ),
    ['to'],
  ),
);

export const suggestParameters = v.object({
  /** The text typed so far; its last word is completed. */
  q: typedText('q', {
    maxChars: LIMITS.qMaxChars,
    whenMissing: 'q is required: the text typed so far',
    description: 'The text typed so far; the last word is completed.',
  }),
  limit: integer('limit', LIMITS.suggestLimit),
});

/** A valid search, as the route reads it: every parameter, defaults filled in. */
export type SearchQuery = v.InferOutput<typeof searchQuery>;
export type SuggestQuery = v.InferOutput<typeof suggestParameters>;

/** One object type rather than an intersection: what an editor shows a client's author. */
type Flat<T> = { [K in keyof T]: T[K] };
/** What a client sends: `q`, and whichever others it sets (the Worker fills in the defaults). */
type ClientParameters<Query extends { q: string }> = Flat<Pick<Query, 'q'> & Partial<Omit<Query, 'q'>>>;
export type SearchParameters = ClientParameters<SearchQuery>;
export type SuggestParameters = ClientParameters<SuggestQuery>;
