/**
 * The schema of the query parameters (src/api/search-params.ts): a request with several faults is
 * told of one, always the same one, and the engine gets the request it always has. The messages
 * themselves are checked through the Worker in tests/integration/errors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readQuery, readSearchRequest } from '../../src/api/read-query.ts';
import { searchQuery, suggestParameters } from '../../src/api/search-params.ts';
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
