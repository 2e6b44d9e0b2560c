/** The live articles as the search pass reads a store: by id, by position, and the date and source columns. */
import type { ArticleLookup, StoredArticle } from '../search/index-format.ts';

export class LiveArticles implements ArticleLookup {
  readonly sources: readonly string[];
  readonly #articles: readonly StoredArticle[];
  readonly #positions: Map<string, number>;
  readonly #sourceCodes: Uint16Array;

  /** `articles` sorted by id (their positions are the live index's short ids). */
  constructor(articles: readonly StoredArticle[]) {
    this.#articles = articles;
    this.#positions = new Map(articles.map((article, at) => [article.id, at]));
    const sources = [...new Set(articles.flatMap((article) => article.source ?? []))];
    this.sources = sources;
    const codes = new Map(sources.map((source, at) => [source, at + 1]));
    this.#sourceCodes = Uint16Array.from(articles, (article) => (article.source === undefined ? 0 : codes.get(article.source)!));
  }

  get size(): number {
    return this.#articles.length;
  }

  get(id: string): StoredArticle | undefined {
    const at = this.#positions.get(id);
    return at === undefined ? undefined : this.#articles[at];
  }

  at(position: number): StoredArticle {
    return this.#articles[position]!;
  }

  sourceCode(position: number): number {
    return this.#sourceCodes[position]!;
  }

  dateAt(position: number): string {
    return this.#articles[position]!.date ?? '';
  }
}
