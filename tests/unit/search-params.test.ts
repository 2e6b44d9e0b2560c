/**
 * The schema of the query parameters (src/api/search-params.ts) against what it generates: the
 * bounds the OpenAPI document declares for each parameter are the bounds the validation keeps,
 * read from the generated document rather than restated here; and a request with several faults
 * is told of one, always the same one. The messages themselves are checked through the Worker in
 * tests/integration/errors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { openApiParameters, type QueryParameterObject } from '../../src/api/openapi-parameters.ts';
import { readQuery, readSearchRequest } from '../../src/api/read-query.ts';
import { searchParameters, searchQuery, suggestParameters } from '../../src/api/search-params.ts';
import { ProblemError } from '../../src/http/problem.ts';

type Schema = typeof searchQuery | typeof suggestParameters;

/** The problem a request is refused with (type and parameter), or undefined when it is valid. */
function refusal(schema: Schema, query: [string, string][] | string): { type: string; parameter: string | undefined } | undefined {
  try {
    readQuery(schema, new URLSearchParams(query));
    return undefined;
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return { type: error.problemType, parameter: error.parameter };
  }
}

const value = (schema: Schema, query: [string, string][], name: string): unknown =>
  (readQuery(schema, new URLSearchParams(query)) as Record<string, unknown>)[name];

/** A value every parameter takes, so that one parameter at a time is tried. */
const valid = (others: QueryParameterObject[], name: string): [string, string][] => (others.some((p) => p.name === 'q') && name !== 'q' ? [['q', 'x']] : []);

const ROUTES: [route: string, schema: Schema, parameters: QueryParameterObject[]][] = [
  ['/api/search', searchQuery, openApiParameters(searchParameters)],
  ['/api/suggest', suggestParameters, openApiParameters(suggestParameters)],
];

describe.each(ROUTES)('the parameters of %s', (_, schema, parameters) => {
  const ofType = (type: string) => parameters.filter((p) => p.schema['type'] === type && p.schema['format'] === undefined && p.schema['enum'] === undefined);

  it.each(ofType('integer').map((p) => [p.name, p] as const))('%s takes the documented range and default, and nothing past it', (name, p) => {
    const { minimum, maximum, default: fallback } = p.schema as { minimum: number; maximum: number; default: number };
    const base = valid(parameters, name);
    expect(value(schema, base, name)).toBe(fallback);
    expect(value(schema, [...base, [name, String(minimum)]], name)).toBe(minimum);
    expect(value(schema, [...base, [name, String(maximum)]], name)).toBe(maximum);
    for (const outside of [minimum - 1, maximum + 1]) {
      expect(refusal(schema, [...base, [name, String(outside)]])).toEqual({ type: 'invalid-parameter', parameter: name });
    }
  });

  it.each(ofType('string').map((p) => [p.name, p] as const))('%s takes the documented length, and is missing-parameter when required and absent', (name, p) => {
    const { minLength, maxLength } = p.schema as { minLength: number; maxLength: number };
    const base = valid(parameters, name);
    expect(value(schema, [...base, [name, 'ب'.repeat(maxLength)]], name)).toBe('ب'.repeat(maxLength));
    expect(refusal(schema, [...base, [name, 'ب'.repeat(maxLength + 1)]])).toEqual({ type: 'invalid-parameter', parameter: name });
    expect(refusal(schema, [...base, [name, ' '.repeat(minLength)]])).toEqual({ type: 'invalid-parameter', parameter: name });
    expect(refusal(schema, base)).toEqual(p.required ? { type: 'missing-parameter', parameter: name } : undefined);
  });

  it.each(parameters.filter((p) => p.schema['enum'] !== undefined).map((p) => [p.name, p] as const))(
    '%s takes each documented value, the default first',
    (name, p) => {
      const { enum: options, default: fallback } = p.schema as { enum: string[]; default: string };
      const base = valid(parameters, name);
      expect(value(schema, base, name)).toBe(fallback);
      for (const option of options) expect(value(schema, [...base, [name, option]], name)).toBe(option);
      expect(refusal(schema, [...base, [name, 'none-of-them']])).toEqual({ type: 'invalid-parameter', parameter: name });
    },
  );

  it.each(parameters.filter((p) => p.schema['format'] === 'date').map((p) => [p.name] as const))('%s takes a calendar date and no other day', (name) => {
    const base = valid(parameters, name);
    expect(value(schema, [...base, [name, '2024-02-29']], name)).toBe('2024-02-29');
    expect(refusal(schema, [...base, [name, '2025-02-29']])).toEqual({ type: 'invalid-parameter', parameter: name });
  });

  it.each(parameters.filter((p) => p.explode === true).map((p) => [p.name, p] as const))('%s takes up to the documented number of values', (name, p) => {
    const { maxItems } = p.schema as { maxItems: number };
    const many = (count: number): [string, string][] => [
      ...valid(parameters, name),
      ...Array.from({ length: count }, (_, i): [string, string] => [name, `v${i}`]),
    ];
    expect(value(schema, many(maxItems), name)).toHaveLength(maxItems);
    expect(refusal(schema, many(maxItems + 1))).toEqual({ type: 'invalid-parameter', parameter: name });
  });

  it.each(parameters.filter((p) => p.explode !== true).map((p) => [p.name] as const))('%s given twice is refused, naming it', (name) => {
    expect(refusal(schema, [...valid(parameters, name), [name, '1'], [name, '1']])).toEqual({ type: 'invalid-parameter', parameter: name });
  });
});

describe('a search with several faults', () => {
  it.each([
    ['q before everything', 'limit=0&sort=x', 'q'],
    ['limit before offset', 'q=x&offset=-1&limit=0', 'limit'],
    ['the dates before sort', 'q=x&sort=x&from=2025-02-30', 'from'],
    ['a date range ending before it starts, on to, before sort', 'q=x&sort=x&from=2025-02-01&to=2025-01-01', 'to'],
    ['source, repeatable, after every single parameter', `q=x&${'source=s&'.repeat(21)}sort=x`, 'sort'],
    ['source when it is the only fault', 'q=x&source=', 'source'],
  ])('reports %s', (_, query, parameter) => {
    expect(refusal(searchQuery, query)?.parameter).toBe(parameter);
  });
});

describe('the search request the engine is given', () => {
  it('has the sources trimmed, deduplicated and sorted, and no dates that were not given', () => {
    expect(readSearchRequest(new URLSearchParams('q=%20x%20&source=b&source=%20a%20&source=b'))).toEqual({
      q: 'x',
      limit: 10,
      offset: 0,
      sources: ['a', 'b'],
      sort: 'relevance',
    });
  });
});
