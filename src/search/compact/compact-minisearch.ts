/**
 * A MiniSearch whose index is the compact file, read in place. MiniSearch's own `search()`
 * runs unchanged over stand-ins for the private members it reads, so BM25 scores, prefix and
 * fuzzy expansion and query trees are MiniSearch's, not a reimplementation; only plain OR
 * queries of exact terms take an exact shortcut (fast-search.ts). The equality suite in
 * tests/build/compact-equality.test.ts holds both to plain MiniSearch's results.
 *
 * Read-only: adding or removing documents is not supported (the corpus changes by redeploying).
 * `JSON.stringify` of it gives MiniSearch's own serialization, byte for byte (tested), which is
 * how the scale bench makes the plain-MiniSearch baseline without indexing twice.
 * Tied to minisearch 7.2.0's internals, which package.json pins.
 */
import MiniSearch, { type Options, type Query, type SearchOptions } from 'minisearch';
import { matchListOf, type MatchList } from '../match-list.ts';
import { fastMatches, fastSearch, type FastSearchContext } from './fast-search.ts';
import type { TermIndex } from './term-index.ts';

/** The private members of MiniSearch 7.2.0 that search() and documentCount/termCount/has read. */
interface MiniSearchInternals {
  _options: FastSearchContext['options'];
  _index: unknown;
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
  _documentIds: unknown;
  _idToShortId: unknown;
  _fieldLength: unknown;
  _storedFields: unknown;
}

/** Short id → external id (`has`, `get`, iteration for wildcard queries). */
class DocumentIds {
  readonly #ids: readonly string[];

  constructor(ids: readonly string[]) {
    this.#ids = ids;
  }

  get size(): number {
    return this.#ids.length;
  }

  has(shortId: number): boolean {
    return shortId >= 0 && shortId < this.#ids.length;
  }

  get(shortId: number): string | undefined {
    return this.#ids[shortId];
  }

  *[Symbol.iterator](): Generator<[number, string]> {
    for (let shortId = 0; shortId < this.#ids.length; shortId++) yield [shortId, this.#ids[shortId]!];
  }
}

/** External id → short id, by binary search over the sorted id column. */
class IdToShortId {
  readonly #ids: SortedIds;

  constructor(ids: SortedIds) {
    this.#ids = ids;
  }

  get(id: string): number | undefined {
    const at = this.#ids.indexOf(String(id));
    return at === -1 ? undefined : at;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/**
 * Short id → field lengths. The scorer reads `get(doc)[fieldId]` once per posting and keeps
 * nothing, so one scratch array is refilled instead of allocating an array per posting.
 */
class FieldLengths {
  readonly #lengths: Uint32Array;
  readonly #scratch: number[];

  constructor(lengths: Uint32Array, fieldCount: number) {
    this.#lengths = lengths;
    this.#scratch = new Array<number>(fieldCount).fill(0);
  }

  get(shortId: number): number[] {
    const scratch = this.#scratch;
    const base = shortId * scratch.length;
    for (let field = 0; field < scratch.length; field++) scratch[field] = this.#lengths[base + field]!;
    return scratch;
  }

  /** (short id, lengths) pairs with fresh arrays, for toJSON(). */
  *[Symbol.iterator](): Generator<[number, number[]]> {
    const fields = this.#scratch.length;
    for (let shortId = 0; shortId * fields < this.#lengths.length; shortId++) {
      yield [shortId, Array.from(this.#lengths.subarray(shortId * fields, (shortId + 1) * fields))];
    }
  }
}

/** Ids in code-unit order, found by search (the compact id column, or a live set's ids). */
export interface SortedIds {
  indexOf(id: string): number;
}

export interface CompactMiniSearchParts<T> {
  options: Options<T>;
  termIndex: TermIndex;
  /** Article ids by short id, and the same as a sorted column for lookups by id. */
  ids: readonly string[];
  idColumn: SortedIds;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  fieldLengths: Uint32Array;
  documentCount: number;
  nextId: number;
  /** External id → short id, for results that come from MiniSearch's own search. */
  positionOf(id: string): number;
}

export interface CompactMiniSearch<T> {
  miniSearch: MiniSearch<T>;
  /** The matches of a query with the default search options, as `miniSearch.search(query)` ranks them. */
  match(query: Query): MatchList;
}

export function createCompactMiniSearch<T>(parts: CompactMiniSearchParts<T>): CompactMiniSearch<T> {
  const fieldCount = Object.keys(parts.fieldIds).length;
  const miniSearch = new MiniSearch<T>(parts.options);
  const internals = miniSearch as unknown as MiniSearchInternals;
  internals._index = parts.termIndex;
  internals._documentCount = parts.documentCount;
  internals._nextId = parts.nextId;
  internals._fieldIds = parts.fieldIds;
  internals._avgFieldLength = parts.averageFieldLength;
  internals._dirtCount = 0;
  internals._documentIds = new DocumentIds(parts.ids);
  internals._idToShortId = new IdToShortId(parts.idColumn);
  internals._fieldLength = new FieldLengths(parts.fieldLengths, fieldCount);
  internals._storedFields = new Map(); // none: the article store answers for display

  // Plain OR queries of exact terms take the typed-array shortcut; the rest is MiniSearch's own search.
  const context: FastSearchContext = {
    options: internals._options,
    termIndex: parts.termIndex,
    ids: parts.ids,
    fieldIds: parts.fieldIds,
    averageFieldLength: parts.averageFieldLength,
    fieldLengths: parts.fieldLengths,
    documentCount: parts.documentCount,
  };
  const search = miniSearch.search.bind(miniSearch);
  miniSearch.search = ((query: Parameters<typeof search>[0], searchOptions: SearchOptions = {}) =>
    fastSearch(context, query, searchOptions) ?? search(query, searchOptions)) as typeof miniSearch.search;

  const match = (query: Query): MatchList => {
    const fast = fastMatches(context, query, {});
    if (fast === undefined) return matchListOf(search(query), parts.positionOf);
    const { order } = fast;
    // Short ids are store positions; i is first-match order, which breaks score ties as MiniSearch does.
    return { length: order.length, position: (i) => order[i]!, score: (i) => fast.score(order[i]!), result: (i) => fast.result(order[i]!) };
  };
  return { miniSearch, match };
}
