/**
 * Query-string parsing for the API. Every rule lives here and every violation names the
 * parameter and the reason (a 400 problem), so handlers only see valid values.
 */
import { budgetExcess } from '../search/budget.ts';
import type { ParsedQuery } from '../search/query.ts';
import type { SearchRequest, SortOrder } from '../search/search-articles.ts';
import { invalidParameter, ProblemError } from '../http/problem.ts';

export const LIMITS = {
  qMaxChars: 256,
  limit: { min: 1, max: 50, default: 10 },
  offset: { min: 0, max: 990, default: 0 },
  suggestLimit: { min: 1, max: 20, default: 8 },
  maxSources: 20,
  sourceMaxChars: 100,
} as const;

const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest'];
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Shows a bad value back in a message without making the message huge. */
function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw invalidParameter(name, `${name} must be given once, got ${values.length} values`);
  return values[0];
}

export function readQuery(params: URLSearchParams): string {
  const q = single(params, 'q');
  if (q === undefined) throw new ProblemError(400, 'missing-parameter', 'q is required: the words to search for, e.g. ?q=بوتين', 'q');
  const trimmed = q.trim();
  if (trimmed === '') throw invalidParameter('q', 'q must not be empty');
  if (trimmed.length > LIMITS.qMaxChars) {
    throw invalidParameter('q', `q is ${trimmed.length} characters long; the limit is ${LIMITS.qMaxChars}`);
  }
  return trimmed;
}

/** The work budget (src/search/budget.ts): a query over it is refused before any search, saying which part is over. */
export function assertWithinBudget(parsed: ParsedQuery): void {
  const excess = budgetExcess(parsed);
  if (excess !== undefined) throw invalidParameter('q', excess);
}

function readInteger(params: URLSearchParams, name: string, range: { min: number; max: number; default: number }): number {
  const raw = single(params, name);
  if (raw === undefined) return range.default;
  const value = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    throw invalidParameter(name, `${name} must be an integer from ${range.min} to ${range.max}, got ${quote(raw)}`);
  }
  return value;
}

function readDate(params: URLSearchParams, name: string): string | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  const m = CALENDAR_DATE.exec(raw);
  const valid =
    m !== null &&
    (() => {
      const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return date.toISOString().slice(0, 10) === raw;
    })();
  if (!valid) throw invalidParameter(name, `${name} must be a calendar date YYYY-MM-DD, got ${quote(raw)}`);
  return raw;
}

function readSources(params: URLSearchParams): string[] {
  const sources = params.getAll('source').map((s) => s.trim());
  if (sources.length > LIMITS.maxSources) throw invalidParameter('source', `at most ${LIMITS.maxSources} source values, got ${sources.length}`);
  for (const source of sources) {
    if (source === '' || source.length > LIMITS.sourceMaxChars) {
      throw invalidParameter('source', `each source must be 1 to ${LIMITS.sourceMaxChars} characters, got ${quote(source)}`);
    }
  }
  return [...new Set(sources)].sort();
}

export function readSearchRequest(params: URLSearchParams): SearchRequest {
  const q = readQuery(params);
  const limit = readInteger(params, 'limit', LIMITS.limit);
  const offset = readInteger(params, 'offset', LIMITS.offset);
  const from = readDate(params, 'from');
  const to = readDate(params, 'to');
  if (from !== undefined && to !== undefined && from > to) throw invalidParameter('to', `to (${to}) is before from (${from})`);
  const sort = single(params, 'sort') ?? 'relevance';
  if (!(SORT_ORDERS as readonly string[]).includes(sort)) {
    throw invalidParameter('sort', `sort must be one of ${SORT_ORDERS.join(', ')}, got ${quote(sort)}`);
  }
  const request: SearchRequest = { q, limit, offset, sources: readSources(params), sort: sort as SortOrder };
  if (from !== undefined) request.from = from;
  if (to !== undefined) request.to = to;
  return request;
}

export function readSuggestRequest(params: URLSearchParams): { q: string; limit: number } {
  const raw = single(params, 'q');
  if (raw === undefined) throw new ProblemError(400, 'missing-parameter', 'q is required: the text typed so far', 'q');
  if (raw.trim() === '') throw invalidParameter('q', 'q must not be empty');
  if (raw.length > LIMITS.qMaxChars) throw invalidParameter('q', `q is ${raw.length} characters long; the limit is ${LIMITS.qMaxChars}`);
  return { q: raw.trimStart(), limit: readInteger(params, 'limit', LIMITS.suggestLimit) };
}
