/**
 * The compact file's terms: a sorted string column, with each term's postings decoded from
 * varint bytes only when a query asks for it.
 */
import { decodePostings, type TermPostings } from './postings.ts';
import type { StringColumn } from './string-column.ts';

export interface TermIndexParts {
  terms: StringColumn;
  postingOffsets: Uint32Array;
  postings: Uint8Array;
  fieldCount: number;
  /** A shard's file: document frequencies are the whole corpus's (see postings.ts). */
  globalDocumentFrequencies: boolean;
}

/** Postings by term: the compact file's, or a live set's. */
export interface TermIndex {
  has(term: string): boolean;
  get(term: string): TermPostings | undefined;
}

export class CompactTermIndex implements TermIndex {
  readonly #parts: TermIndexParts;

  constructor(parts: TermIndexParts) {
    this.#parts = parts;
  }

  has(term: string): boolean {
    return this.#parts.terms.indexOf(term) !== -1;
  }

  get(term: string): TermPostings | undefined {
    const at = this.#parts.terms.indexOf(term);
    return at === -1 ? undefined : this.#postingsAt(at);
  }

  #postingsAt(index: number): TermPostings {
    const { postingOffsets, postings, fieldCount, globalDocumentFrequencies } = this.#parts;
    return decodePostings(postings, postingOffsets[index]!, fieldCount, globalDocumentFrequencies);
  }
}
