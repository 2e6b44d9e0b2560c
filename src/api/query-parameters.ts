/**
 * The kinds of query parameter the API takes, as valibot schemas. Each reads every value a request
 * gives for one name (URLSearchParams.getAll: none, one or several), refuses what the API does not
 * take with the sentence the 400 problem answers, and carries, as OpenAPI metadata, the JSON Schema
 * of what it takes, built from the same bounds as the check: the document cannot drift from the
 * validation (src/api/openapi-parameters.ts reads it).
 *
 * The messages are the API's own, word for word (clients and tests read them), so most checks are
 * `v.check` with a message rather than valibot's generic actions. This file imports valibot only:
 * the widget's client infers its request types from these schemas (src/widget/client.ts).
 */
import * as v from 'valibot';

/** What the document says of a parameter besides its name and description. */
export interface ParameterDocument {
  required?: true;
  /** JSON Schema 2020-12 of the parameter's value, as OpenAPI 3.1 reads it. */
  schema: Record<string, unknown>;
  /** A repeatable parameter: `?source=a&source=b`. */
  style?: 'form';
  explode?: true;
}

/** The metadata src/api/openapi-parameters.ts reads (generic like valibot's own actions, so that it fits any pipe). */
const openApi = <Input>(parameter: ParameterDocument) => v.metadata<Input, { openApi: ParameterDocument }>({ openApi: parameter });

/** The document of one entry of a route's schema; every entry must be a parameter kind of this file. */
export function parameterDocument(name: string, entry: v.GenericSchema): ParameterDocument {
  const { openApi } = v.getMetadata(entry as Parameters<typeof v.getMetadata>[0]) as { openApi?: ParameterDocument };
  if (openApi === undefined) throw new Error(`query parameter ${name} is not a parameter kind of src/api/query-parameters.ts`);
  return openApi;
}

/** A parameter that takes several values (`?source=a&source=b`). */
export function isRepeatable(name: string, entry: v.GenericSchema): boolean {
  return parameterDocument(name, entry).explode === true;
}

/** Inclusive bounds of an integer parameter, and its value when the request does not give it. */
export interface IntegerBounds {
  min: number;
  max: number;
  default: number;
}

/** Shows a bad value back in a message without making the message huge. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** A parameter given at most once: its value, or undefined when the request does not give it. */
function once(name: string) {
  return v.pipe(
    v.array(v.string()),
    v.check(
      (values) => values.length <= 1,
      (issue) => `${name} must be given once, got ${issue.input.length} values`,
    ),
    v.transform((values): string | undefined => values[0]),
  );
}

export interface TextOptions {
  maxChars: number;
  /** The missing-parameter problem's detail: what the parameter is for. */
  whenMissing: string;
  description: string;
}

/** Required text that is searched as a whole: trimmed, at least one character, at most `maxChars`. */
export function searchText(name: string, { maxChars, whenMissing, description }: TextOptions) {
  return v.pipe(
    once(name),
    v.string(whenMissing),
    v.trim(),
    v.nonEmpty(`${name} must not be empty`),
    v.maxLength(maxChars, (issue) => `${name} is ${issue.input.length} characters long; the limit is ${maxChars}`),
    v.description(description),
    openApi({ required: true, schema: { type: 'string', minLength: 1, maxLength: maxChars } }),
  );
}

/**
 * Required text being typed: like searchText, but only its start is trimmed, because a trailing
 * space says the last word is finished (src/search/suggest.ts completes no finished word).
 */
export function typedText(name: string, { maxChars, whenMissing, description }: TextOptions) {
  return v.pipe(
    once(name),
    v.string(whenMissing),
    v.check((raw) => raw.trim() !== '', `${name} must not be empty`),
    v.maxLength(maxChars, (issue) => `${name} is ${issue.input.length} characters long; the limit is ${maxChars}`),
    v.trimStart(),
    v.description(description),
    openApi({ required: true, schema: { type: 'string', minLength: 1, maxLength: maxChars } }),
  );
}

/** Decimal digits only: no sign, no exponent, no fraction, and short enough to stay an exact integer. */
const DIGITS = /^\d{1,6}$/;

/** An optional integer from `bounds.min` to `bounds.max`, `bounds.default` when not given. */
export function integer(name: string, bounds: IntegerBounds) {
  const { min, max } = bounds;
  return v.pipe(
    once(name),
    v.check(
      (raw) => raw === undefined || (DIGITS.test(raw) && Number(raw) >= min && Number(raw) <= max),
      (issue) => `${name} must be an integer from ${min} to ${max}, got ${quote(issue.input ?? '')}`,
    ),
    v.transform((raw) => (raw === undefined ? bounds.default : Number(raw))),
    openApi({ schema: { type: 'integer', minimum: min, maximum: max, default: bounds.default } }),
  );
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day that exists (not 2025-02-30). */
function isCalendarDate(raw: string): boolean {
  const m = CALENDAR_DATE.exec(raw);
  return m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === raw;
}

/** An optional calendar date, `YYYY-MM-DD`. */
export function calendarDate(name: string, description: string) {
  return v.pipe(
    once(name),
    v.check(
      (raw) => raw === undefined || isCalendarDate(raw),
      (issue) => `${name} must be a calendar date YYYY-MM-DD, got ${quote(issue.input ?? '')}`,
    ),
    v.description(description),
    openApi({ schema: { type: 'string', format: 'date' } }),
  );
}

/** One of `options`, the first when not given. */
export function oneOf<const Option extends string>(name: string, options: readonly [Option, ...Option[]]) {
  return v.pipe(
    once(name),
    v.transform((raw) => raw ?? options[0]),
    v.picklist(options, (issue) => `${name} must be one of ${options.join(', ')}, got ${quote(String(issue.input))}`),
    openApi({ schema: { type: 'string', enum: options, default: options[0] } }),
  );
}

/**
 * A repeatable parameter: at most `maxItems` values of 1 to `maxChars` characters once trimmed,
 * given back deduplicated and sorted (the same set in any order is the same request, one cache entry).
 */
export function textList(name: string, { maxItems, maxChars, description }: { maxItems: number; maxChars: number; description: string }) {
  return v.pipe(
    v.array(v.string()),
    v.transform((values) => values.map((value) => value.trim())),
    v.check(
      (values) => values.length <= maxItems,
      (issue) => `at most ${maxItems} ${name} values, got ${issue.input.length}`,
    ),
    v.check(
      (values) => values.every((value) => value !== '' && value.length <= maxChars),
      (issue) => `each ${name} must be 1 to ${maxChars} characters, got ${quote(issue.input.find((value) => value === '' || value.length > maxChars) ?? '')}`,
    ),
    v.transform((values) => [...new Set(values)].sort()),
    v.description(description),
    openApi({ schema: { type: 'array', items: { type: 'string' }, maxItems }, style: 'form', explode: true }),
  );
}
