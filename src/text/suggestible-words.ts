/**
 * The words an article adds to the suggestion vocabulary: the build counts them for the
 * embedded index, the live set for the articles published or retracted since. One definition,
 * so a live article is suggested as it will be after the next build.
 */
import type { Analyzer } from './analyze.ts';
import { foldLetters } from './normalize.ts';
import { wordSpans, wordTokens } from './tokenize.ts';

/** Each suggestible word occurrence of the article as [key (folded), form as written]: in the index (not a function word), at least two letters. */
export function* suggestibleWords(article: { title: string; body: string }, analyzer: Analyzer): Generator<[key: string, form: string]> {
  for (const span of wordSpans(`${article.title}\n${article.body}`)) {
    const [token] = wordTokens(span.text);
    if (token === undefined || token.length < 2 || analyzer.indexTerm(token) === null) continue;
    yield [foldLetters(token), token];
  }
}
