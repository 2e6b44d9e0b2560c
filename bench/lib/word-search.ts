/**
 * Word-level search through the product's own code, for the word benches (word-pairs.ts,
 * snowball-agreement.ts): one article per word (title and body are the word alone, so no other
 * word can match), built with buildIndexData, opened with loadIndex, searched with searchArticles.
 * Nothing here calls the analyzer directly, so the benches follow it when it changes.
 *
 * A corpus-aware analyzer (one that decides clitics by word counts) would see every word once in
 * such a corpus; `background` adds real articles so that it sees realistic counts. Searches are
 * filtered to the word articles' source, so background articles never show up in the answers.
 */
import { buildIndexData } from '../../build-index/build-index-data.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { loadIndex } from '../../src/search/read-index.ts';
import { searchArticles } from '../../src/search/search-articles.ts';

/** The source of the word articles, which every search is filtered to. */
const WORD_SOURCE = 'word-bench';

export interface WordSearchOptions {
  /** Real articles indexed alongside the words (their source must not be WORD_SOURCE); default none. */
  background?: readonly StoredArticle[];
}

export interface WordSearch {
  /** The analyzer version the index was built with (from its manifest). */
  analyzerVersion: string;
  /** The words (of those indexed) whose article a search for `word` returns; empty when it returns none. */
  found(word: string): ReadonlySet<string>;
  /** Whether a search for `a` returns the article of `b` and a search for `b` the article of `a`. */
  meets(a: string, b: string): boolean;
}

export function wordSearch(words: readonly string[], options: WordSearchOptions = {}): WordSearch {
  const distinct = [...new Set(words)];
  const byId = new Map<string, string>();
  const articles: StoredArticle[] = distinct.map((word, i) => {
    const id = `w${String(i).padStart(6, '0')}`;
    byId.set(id, word);
    return { id, title: word, body: word, source: WORD_SOURCE };
  });
  const background = options.background ?? [];
  if (background.some((article) => article.source === WORD_SOURCE || byId.has(article.id))) {
    throw new Error(`word-search: a background article uses the source ${WORD_SOURCE} or a word article's id`);
  }
  const { manifest, blob } = buildIndexData([...articles, ...background], { builtAt: '2026-01-01T00:00:00.000Z' });
  const index = loadIndex({ manifest, indexBlob: blob });
  const cache = new Map<string, ReadonlySet<string>>();
  const found = (word: string): ReadonlySet<string> => {
    let words = cache.get(word);
    if (words === undefined) {
      const response = searchArticles(index, { q: word, limit: distinct.length, offset: 0, sources: [WORD_SOURCE], sort: 'relevance' });
      words = new Set(response.hits.map((hit) => byId.get(hit.id)!));
      cache.set(word, words);
    }
    return words;
  };
  return {
    analyzerVersion: manifest.analyzerVersion,
    found,
    meets: (a, b) => found(a).has(b) && found(b).has(a),
  };
}
