/**
 * A term's postings decoded from varint bytes into what MiniSearch's scorer reads: per field, a
 * map-like object from short document id to term frequency (`get`, `keys`, `size`).
 */
import { VarintReader } from './varint.ts';

/** The documents of one field that contain a term, in ascending short id, as MiniSearch inserts them. */
export class FieldPostings {
  /**
   * How many documents of the corpus have the term in this field: BM25's document frequency,
   * what MiniSearch's scorer reads as `size`. A shard's postings list only its own documents,
   * and its size is the whole corpus's, so that scores are the unsharded index's.
   */
  readonly size: number;
  readonly #docs: Uint32Array;
  readonly #freqs: Uint32Array;
  /** Where the last `get` found its document: the scorer asks for them in `keys()` order. */
  #hint = 0;

  constructor(docs: Uint32Array, freqs: Uint32Array, size = docs.length) {
    this.#docs = docs;
    this.#freqs = freqs;
    this.size = size;
  }

  /** Short ids, ascending (no copy; do not modify). */
  get docIds(): Uint32Array {
    return this.#docs;
  }

  /** Term frequency of each of `docIds`. */
  get frequencies(): Uint32Array {
    return this.#freqs;
  }

  keys(): IterableIterator<number> {
    return this.#docs.values();
  }

  get(doc: number): number | undefined {
    const docs = this.#docs;
    const next = this.#hint < docs.length && docs[this.#hint] === doc ? this.#hint : this.#find(doc);
    if (next === -1) return undefined;
    this.#hint = next + 1;
    return this.#freqs[next];
  }

  /** (document, frequency) pairs, as a Map iterates: what MiniSearch's toJSON() reads. */
  *[Symbol.iterator](): Generator<[number, number]> {
    for (let i = 0; i < this.#docs.length; i++) yield [this.#docs[i]!, this.#freqs[i]!];
  }

  has(doc: number): boolean {
    return this.#find(doc) !== -1;
  }

  #find(doc: number): number {
    const docs = this.#docs;
    let lo = 0;
    let hi = docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo < docs.length && docs[lo] === doc ? lo : -1;
  }
}

/** Field id → postings, for the fields where the term occurs (MiniSearch's per-term map). */
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
