/** The live articles as the search pass reads a store: by id, by position, and the date and source columns. */
import { scanEnd, type MatchFinder, type TextMatch } from '../search/highlight.ts';
import type { ArticleLookup, StoredArticle } from '../search/index-format.ts';
import type { Analyzer } from '../text/analyze.ts';
import { wordSpans } from '../text/tokenize.ts';

/** A body's words with the highlighter's reading of each, made on the article's first hit and kept with it. */
interface BodyWords {
  starts: number[];
  ends: number[];
  terms: (readonly string[])[];
  length: number;
}

const bodyWords = new WeakMap<StoredArticle, BodyWords>();

function wordsOf(article: StoredArticle, analyzer: Analyzer): BodyWords {
  let words = bodyWords.get(article);
  if (words === undefined) {
    words = { starts: [], ends: [], terms: [], length: article.body.length };
    for (const span of wordSpans(article.body)) {
      const terms = analyzer.wordTerms(span.text);
      if (terms.length === 0) continue;
      words.starts.push(span.start);
      words.ends.push(span.end);
      words.terms.push(terms);
    }
    bodyWords.set(article, words);
  }
  return words;
}

/**
 * What the highlighter would find by analyzing the body (highlight.ts analyzedMatches), from the
 * words read once: the embedded index's articles have this from the build (body-text.ts), and a
 * live article is shown in many searches, so its words are not read again for each.
 */
function matchFinder(article: StoredArticle, terms: ReadonlySet<string>, analyzer: Analyzer): MatchFinder {
  return (maxChars, firstWithin) => {
    const { starts, ends, terms: wordTermList, length } = wordsOf(article, analyzer);
    const matches: TextMatch[] = [];
    let end = maxChars;
    for (let i = 0; i < starts.length && starts[i]! < end; i++) {
      const term = wordTermList[i]!.find((candidate) => terms.has(candidate));
      if (term === undefined) continue;
      if (matches.length === 0) end = scanEnd(maxChars, firstWithin, starts[i]!);
      matches.push({ start: starts[i]!, end: ends[i]!, term });
    }
    return { matches, complete: length < maxChars };
  };
}

/** A live article as the search shows it: its own fields, and matches found without analyzing its body again. */
function searchable(article: StoredArticle, analyzer: Analyzer): StoredArticle {
  return { ...article, bodyMatches: (terms) => matchFinder(article, terms, analyzer) };
}

export class LiveArticles implements ArticleLookup {
  readonly sources: readonly string[];
  readonly #articles: readonly StoredArticle[];
  readonly #positions: Map<string, number>;
  readonly #sourceCodes: Uint16Array;

  /** `articles` sorted by id (their positions are the live index's short ids), highlighted as `analyzer` reads them. */
  constructor(articles: readonly StoredArticle[], analyzer: Analyzer) {
    this.#articles = articles.map((article) => searchable(article, analyzer));
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
