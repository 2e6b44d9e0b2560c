import { describe, expectTypeOf, it } from 'vitest';
import type { SearchHit as WorkerHit } from '../../src/search/search-articles.ts';
import type { SearchHit as ClientHit } from '../../src/widget/client.ts';

// The widget's client keeps its own copy of the wire types so that it stays a dependency-free
// file users can copy; this holds the copy to the Worker's types. It fails in `npm run typecheck`.
describe('widget client types', () => {
  it('describe exactly the hits the Worker sends', () => {
    expectTypeOf<ClientHit>().toEqualTypeOf<WorkerHit>();
  });
});
