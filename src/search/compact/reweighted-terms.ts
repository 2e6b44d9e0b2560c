/**
 * The compact file's terms scored with another corpus's statistics: each field's document
 * frequency (what MiniSearch's scorer reads as `size`) comes from the statistics, the postings
 * stay the file's. How the live set (src/live/) makes the embedded index score as a rebuild of
 * base + live would, without touching the file.
 */
import { FieldPostings, type TermPostings } from './postings.ts';
import type { TermIndex } from './term-index.ts';

/** What BM25 reads of a corpus besides a document's own term and field lengths. */
export interface CorpusStatistics {
  documentCount: number;
  /** By field id. */
  averageFieldLength: number[];
  /** By field id: how many documents of the corpus hold `term` in that field. */
  documentFrequencies(term: string): ArrayLike<number>;
}

/** The same postings with the statistics' document frequencies. */
export function reweighPostings(term: string, postings: TermPostings, statistics: CorpusStatistics): TermPostings {
  const frequencies = statistics.documentFrequencies(term);
  const reweighed: TermPostings = new Map();
  for (const [field, docs] of postings) reweighed.set(field, new FieldPostings(docs.docIds, docs.frequencies, frequencies[field] ?? 0));
  return reweighed;
}

export class ReweightedTermIndex implements TermIndex {
  readonly #terms: TermIndex;
  readonly #statistics: CorpusStatistics;

  constructor(terms: TermIndex, statistics: CorpusStatistics) {
    this.#terms = terms;
    this.#statistics = statistics;
  }

  has(term: string): boolean {
    return this.#terms.has(term);
  }

  get(term: string): TermPostings | undefined {
    const postings = this.#terms.get(term);
    return postings === undefined ? undefined : reweighPostings(term, postings, this.#statistics);
  }
}
