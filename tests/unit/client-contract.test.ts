import { describe, expectTypeOf, it } from 'vitest';
import type { SearchQuery } from '../../src/api/search-params.ts';
import type { SearchHit as WorkerHit, SearchRequest } from '../../src/search/search-articles.ts';
import type { SearchHit as ClientHit, SearchParams, SuggestOptions } from '../../src/widget/client.ts';

// The widget's client keeps its own copy of the wire types so that it stays a dependency-free
// file users can copy; this holds the copy to the Worker's types. It fails in `npm run typecheck`.
describe('widget client types', () => {
  it('describe exactly the hits the Worker sends', () => {
    expectTypeOf<ClientHit>().toEqualTypeOf<WorkerHit>();
  });

  // Its request types are inferred from the Worker's schema (src/api/search-params.ts); these hold
  // the inference to the shapes the client has always taken, and the schema to the engine's request.
  it('take q and, optionally, every other parameter of /api/search, by its name on the URL', () => {
    expectTypeOf<SearchParams>().toEqualTypeOf<{
      q: string;
      limit?: number;
      offset?: number;
      source?: string[];
      from?: string | undefined;
      to?: string | undefined;
      sort?: 'relevance' | 'newest';
    }>();
    expectTypeOf<SuggestOptions>().toEqualTypeOf<{ limit?: number }>();
  });

  it('are the values the engine searches with', () => {
    expectTypeOf<SearchQuery['sort']>().toEqualTypeOf<SearchRequest['sort']>();
    expectTypeOf<SearchQuery['source']>().toExtend<SearchRequest['sources']>();
  });
});
