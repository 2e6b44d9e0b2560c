/**
 * A term's postings decoded from varint bytes: per field, the documents that have the term (short
 * ids, ascending) and its frequency in each.
 */
import { VarintReader } from './varint.ts';

/** The documents of one field that contain a term, in ascending short id. */
export class FieldPostings {
  /**
   * How many documents of the corpus have the term in this field: BM25's document frequency.
   * A shard's postings list only its own documents, and its size is the whole corpus's, so
   * that scores are the unsharded index's.
   */
  readonly size: number;
  /** Short ids, ascending (shared: do not modify). */
  readonly docIds: Uint32Array;
  /** Term frequency of each of `docIds`. */
  readonly frequencies: Uint32Array;

  constructor(docs: Uint32Array, freqs: Uint32Array, size = docs.length) {
    this.docIds = docs;
    this.frequencies = freqs;
    this.size = size;
  }
}

/** Field id → postings, for the fields where the term occurs. */
export type TermPostings = Map<number, FieldPostings>;

/** `globalCounts`: a shard's postings, where each field's count is followed by the corpus's. */
export function decodePostings(bytes: Uint8Array, start: number, fieldCount: number, globalCounts = false): TermPostings {
  const reader = new VarintReader(bytes, start);
  const postings: TermPostings = new Map();
  for (let field = 0; field < fieldCount; field++) {
    const count = reader.read();
    const size = globalCounts ? reader.read() : count;
    if (count === 0) continue;
    const docs = new Uint32Array(count);
    const freqs = new Uint32Array(count);
    let doc = 0;
    for (let i = 0; i < count; i++) {
      doc += reader.read();
      docs[i] = doc;
      freqs[i] = reader.read();
    }
    postings.set(field, new FieldPostings(docs, freqs, size));
  }
  return postings;
}
