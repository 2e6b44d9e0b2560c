/**
 * Reads a request's query string against a schema of src/api/search-params.ts: the typed values,
 * or a 400 problem naming the parameter at fault and the reason, so handlers only see valid values.
 * The routes run it as Hono validator middleware (`c.req.valid('query')`); the shard Worker and
 * bench/query-cost.ts call readSearchRequest directly.
 */
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import * as v from 'valibot';
import { budgetExcess } from '../search/budget.ts';
import type { ParsedQuery } from '../search/query.ts';
import type { SearchRequest } from '../search/search-articles.ts';
import { invalidParameter, ProblemError } from '../http/problem.ts';
import { isRepeatable } from './query-parameters.ts';
import { searchQuery, suggestParameters, type SearchQuery, type SuggestQuery } from './search-params.ts';

/** A schema over named query parameters: an object schema, possibly with checks across them. */
type QuerySchema = v.GenericSchema<Record<string, string[]>, object> & { entries: v.ObjectEntries };

/**
 * The order in which a request's faults are reported: the schema's parameters, those given once
 * before the repeatable ones (as the API has always read them: `source` last). A check across
 * parameters counts as a fault of the one it names, `to` for the date range.
 */
function reportOrder(schema: QuerySchema): string[] {
  const names = Object.keys(schema.entries);
  const repeatable = (name: string) => isRepeatable(name, schema.entries[name]!);
  return [...names.filter((name) => !repeatable(name)), ...names.filter(repeatable)];
}

/** The fault the client is told of: the first in report order. */
function firstIssue(issues: readonly v.BaseIssue<unknown>[], order: readonly string[]): { name: string; issue: v.BaseIssue<unknown> } {
  const named = issues.map((issue) => ({ name: String(issue.path?.[0]?.key), issue }));
  return named.reduce((first, next) => (order.indexOf(next.name) < order.indexOf(first.name) ? next : first));
}

/** The typed values of `params`, or a ProblemError: missing-parameter when the request does not give the parameter at all. */
export function readQuery<Schema extends QuerySchema>(schema: Schema, params: URLSearchParams): v.InferOutput<Schema> {
  const names = Object.keys(schema.entries);
  const given = Object.fromEntries(names.map((name) => [name, params.getAll(name)]));
  const result = v.safeParse(schema, given);
  if (result.success) return result.output;
  const { name, issue } = firstIssue(result.issues, reportOrder(schema));
  if (given[name]?.length === 0) throw new ProblemError(400, 'missing-parameter', issue.message, name);
  throw invalidParameter(name, issue.message);
}

/**
 * Hono's validator, over the query as URLSearchParams reads it rather than Hono's own parsing:
 * that one leaves a run of percent-escapes that is not UTF-8 undecoded (`%D8%A8%FF` stays as
 * typed, where URLSearchParams reads `ب\uFFFD`), and the words searched, the ETag and the
 * messages that quote a value are all defined on the WHATWG reading.
 */
function queryValidator<Schema extends QuerySchema, Output extends object>(schema: Schema, shape: (query: v.InferOutput<Schema>) => Output) {
  return validator('query', (_parsedByHono, c: Context) => shape(readQuery(schema, new URL(c.req.url).searchParams)));
}

/** The engine's request: `sources` for the repeated `source`, no `from` or `to` when not given. */
function toSearchRequest({ q, limit, offset, from, to, sort, source }: SearchQuery): SearchRequest {
  const request: SearchRequest = { q, limit, offset, sources: source, sort };
  if (from !== undefined) request.from = from;
  if (to !== undefined) request.to = to;
  return request;
}

export function readSearchRequest(params: URLSearchParams): SearchRequest {
  return toSearchRequest(readQuery(searchQuery, params));
}

export const searchRequestValidator = queryValidator(searchQuery, toSearchRequest);
export const suggestRequestValidator = queryValidator(suggestParameters, (query: SuggestQuery) => query);

/** The work budget (src/search/budget.ts): a query over it is refused before any search, saying which part is over. */
export function assertWithinBudget(parsed: ParsedQuery): void {
  const excess = budgetExcess(parsed);
  if (excess !== undefined) throw invalidParameter('q', excess);
}
