/**
 * A read-only stand-in for MiniSearch's radix tree (`_index`) over the compact term column:
 * the members MiniSearch's search reads (`get`, `has`, `atPrefix`, `fuzzyGet`, `size`,
 * iteration), with postings decoded only for the terms a query touches.
 *
 * Iteration order matters for exact equality with MiniSearch: scores of prefix and fuzzy
 * expansions are summed, and ties keep insertion order, in the order the radix tree yields
 * terms. The build records that order as a rank per term; prefix matches come in rank order
 * (MiniSearch's tree iterator) and fuzzy matches in reverse rank order (its recursive walk
 * visits children first to last, the iterator last to first).
 */
import { fuzzyMatches } from './fuzzy.ts';
import { decodePostings, type TermPostings } from './postings.ts';
import type { StringColumn } from './string-column.ts';

export interface TermIndexParts {
  terms: StringColumn;
  ranks: Uint32Array;
  postingOffsets: Uint32Array;
  postings: Uint8Array;
  fieldCount: number;
  /** A shard's file: document frequencies are the whole corpus's (see postings.ts). */
  globalDocumentFrequencies: boolean;
}

/** What MiniSearch's search reads of its radix tree; the compact file's terms, or a live set's. */
export interface TermIndex {
  readonly size: number;
  has(term: string): boolean;
  get(term: string): TermPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, TermPostings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermPostings, number]>;
  [Symbol.iterator](): Iterator<[string, TermPostings]>;
}

export class CompactTermIndex implements TermIndex {
  readonly #parts: TermIndexParts;

  constructor(parts: TermIndexParts) {
    this.#parts = parts;
  }

  get size(): number {
    return this.#parts.terms.length;
  }

  has(term: string): boolean {
    return this.#parts.terms.indexOf(term) !== -1;
  }

  get(term: string): TermPostings | undefined {
    const at = this.#parts.terms.indexOf(term);
    return at === -1 ? undefined : this.#postingsAt(at);
  }

  /** Terms starting with `prefix` (the prefix itself included), as MiniSearch's `atPrefix(prefix)` iterates them. */
  atPrefix(prefix: string): Iterable<[string, TermPostings]> {
    const { terms, ranks } = this.#parts;
    const start = terms.lowerBound(prefix);
    const end = terms.prefixEnd(prefix, start);
    const order = Array.from({ length: end - start }, (_, k) => start + k).sort((a, b) => ranks[a]! - ranks[b]!);
    return this.#entries(order);
  }

  /** Terms within `maxDistance` edits of `term`, with their distance, in MiniSearch's `fuzzyGet` order. */
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermPostings, number]> {
    const { terms, ranks } = this.#parts;
    const found = fuzzyMatches(terms, term, maxDistance).sort((a, b) => ranks[b.index]! - ranks[a.index]!);
    return new Map(found.map(({ index, distance }) => [terms.get(index), [this.#postingsAt(index), distance]]));
  }

  /** Every term in MiniSearch's iteration order (what `toJSON` and vacuuming walk). */
  [Symbol.iterator](): Iterator<[string, TermPostings]> {
    const { ranks } = this.#parts;
    const order = Array.from({ length: this.size }, (_, k) => k).sort((a, b) => ranks[a]! - ranks[b]!);
    return this.#entries(order)[Symbol.iterator]();
  }

  *#entries(order: readonly number[]): Generator<[string, TermPostings]> {
    for (const index of order) yield [this.#parts.terms.get(index), this.#postingsAt(index)];
  }

  #postingsAt(index: number): TermPostings {
    const { postingOffsets, postings, fieldCount, globalDocumentFrequencies } = this.#parts;
    return decodePostings(postings, postingOffsets[index]!, fieldCount, globalDocumentFrequencies);
  }
}
