/**
 * The live articles' postings, made in the isolate: MiniSearch's per-term map for a handful of
 * articles, with each field's document frequency read from the combined corpus's statistics
 * when a query asks for the term (the live set scores as one more shard, see DESIGN.md).
 */
import { FieldPostings, type TermPostings } from '../search/compact/postings.ts';
import type { CorpusStatistics } from '../search/compact/reweighted-terms.ts';
import type { TermIndex } from '../search/compact/term-index.ts';
import type { AnalyzedArticle } from './analyze-article.ts';

interface RawPostings {
  /** By field id. */
  docs: number[][];
  freqs: number[][];
}

export class LiveTermIndex implements TermIndex {
  readonly #postings = new Map<string, RawPostings>();
  #statistics: CorpusStatistics | undefined;
  #sorted: string[] | undefined;

  /** `analyses` in short id order (the live articles sorted by id). */
  constructor(analyses: readonly AnalyzedArticle[], fieldCount: number) {
    for (const [doc, analysis] of analyses.entries()) {
      for (let field = 0; field < fieldCount; field++) {
        for (const [term, frequency] of analysis.terms[field] ?? []) {
          let raw = this.#postings.get(term);
          if (raw === undefined) {
            raw = { docs: Array.from({ length: fieldCount }, () => []), freqs: Array.from({ length: fieldCount }, () => []) };
            this.#postings.set(term, raw);
          }
          raw.docs[field]!.push(doc);
          raw.freqs[field]!.push(frequency);
        }
      }
    }
  }

  /** The combined corpus's statistics, set once they are known (they need these postings). */
  score(statistics: CorpusStatistics): void {
    this.#statistics = statistics;
  }

  /** How many live articles hold `term`, by field id. */
  liveFrequencies(term: string): readonly number[] | undefined {
    return this.#postings.get(term)?.docs.map((docs) => docs.length);
  }

  get size(): number {
    return this.#postings.size;
  }

  has(term: string): boolean {
    return this.#postings.has(term);
  }

  get(term: string): TermPostings | undefined {
    const raw = this.#postings.get(term);
    if (raw === undefined) return undefined;
    const frequencies = this.#statistics!.documentFrequencies(term);
    const postings: TermPostings = new Map();
    for (const [field, docs] of raw.docs.entries()) {
      if (docs.length > 0) postings.set(field, new FieldPostings(Uint32Array.from(docs), Uint32Array.from(raw.freqs[field]!), frequencies[field] ?? 0));
    }
    return postings;
  }

  *atPrefix(prefix: string): Generator<[string, TermPostings]> {
    this.#sorted ??= [...this.#postings.keys()].sort();
    for (const term of this.#sorted) if (term.startsWith(prefix)) yield [term, this.get(term)!];
  }

  fuzzyGet(): Map<string, [TermPostings, number]> {
    // The Worker's queries are exact (SEARCH_DEFAULTS: no prefix, no fuzzy).
    throw new Error('live index: fuzzy queries are not supported');
  }

  *[Symbol.iterator](): Generator<[string, TermPostings]> {
    for (const term of this.#postings.keys()) yield [term, this.get(term)!];
  }
}
