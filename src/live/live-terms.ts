/**
 * The live articles' postings, made in the isolate: the per-term postings of a handful of
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

/**
 * Postings are gathered per term when a query first asks for it (one map lookup per live
 * article and field) and kept for this version of the live set: a new version costs nothing
 * until it is searched, and a search pays only for its own terms.
 */
export class LiveTermIndex implements TermIndex {
  readonly #analyses: readonly AnalyzedArticle[];
  readonly #fieldCount: number;
  readonly #postings = new Map<string, RawPostings | null>();
  #statistics: CorpusStatistics | undefined;

  /** `analyses` in short id order (the live articles sorted by id). */
  constructor(analyses: readonly AnalyzedArticle[], fieldCount: number) {
    this.#analyses = analyses;
    this.#fieldCount = fieldCount;
  }

  #raw(term: string): RawPostings | null {
    let raw = this.#postings.get(term);
    if (raw !== undefined) return raw;
    raw = null;
    for (const [doc, analysis] of this.#analyses.entries()) {
      for (let field = 0; field < this.#fieldCount; field++) {
        const frequency = analysis.terms[field]?.get(term);
        if (frequency === undefined) continue;
        raw ??= { docs: Array.from({ length: this.#fieldCount }, () => []), freqs: Array.from({ length: this.#fieldCount }, () => []) };
        raw.docs[field]!.push(doc);
        raw.freqs[field]!.push(frequency);
      }
    }
    if (this.#postings.size >= MAX_GATHERED_TERMS) this.#postings.clear();
    this.#postings.set(term, raw);
    return raw;
  }

  /** The combined corpus's statistics, set once they are known (they need these postings). */
  score(statistics: CorpusStatistics): void {
    this.#statistics = statistics;
  }

  /** How many live articles hold `term`, by field id. */
  liveFrequencies(term: string): readonly number[] | undefined {
    return this.#raw(term)?.docs.map((docs) => docs.length);
  }

  has(term: string): boolean {
    return this.#raw(term) !== null;
  }

  get(term: string): TermPostings | undefined {
    const raw = this.#raw(term);
    if (raw === null) return undefined;
    const frequencies = this.#statistics!.documentFrequencies(term);
    const postings: TermPostings = new Map();
    for (const [field, docs] of raw.docs.entries()) {
      if (docs.length > 0) postings.set(field, new FieldPostings(Uint32Array.from(docs), Uint32Array.from(raw.freqs[field]!), frequencies[field] ?? 0));
    }
    return postings;
  }
}

/** Terms whose postings a version keeps (a day of queries touches far fewer). */
const MAX_GATHERED_TERMS = 50_000;
