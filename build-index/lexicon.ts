/**
 * The lexicon an index is built with: the shipped base list (base-lexicon.tsv, made by
 * scripts/make-base-lexicon.ts) plus every word of the corpus, counted the same way. The index
 * file carries the result, so the Worker analyzes queries with the very counts the build used.
 */
import { readFileSync } from 'node:fs';
import type { StoredArticle } from '../src/search/index-format.ts';
import { createAnalyzer, type Analyzer } from '../src/text/analyze.ts';
import { CountingLexicon, type LexiconEntry } from '../src/text/lexicon.ts';
import { wordSpans, wordTokens } from '../src/text/tokenize.ts';

export const BASE_LEXICON_FILE = new URL('./base-lexicon.tsv', import.meta.url);

/** `form<TAB>count<TAB>hamzated` lines after a `#` comment line. */
export function formatLexicon(entries: readonly LexiconEntry[], comment: string): string {
  return [`# ${comment}; form, count, written with a hamza on a leading ال`, ...entries.map((e) => `${e.form}\t${e.count}\t${e.hamzated}`)].join('\n') + '\n';
}

function parseLexicon(text: string, into: CountingLexicon): void {
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '' || line.startsWith('#')) continue;
    const [form, count, hamzated] = line.split('\t');
    const n = Number(count);
    const h = Number(hamzated);
    if (form === undefined || form === '' || !Number.isInteger(n) || !Number.isInteger(h)) {
      throw new Error(`${BASE_LEXICON_FILE.pathname}:${i + 1}: lexicon: expected form, count and hamza count separated by tabs`);
    }
    into.addForm(form, n, h);
  }
}

let base: string | undefined;

/** The base list plus the words of `articles` (titles and bodies). */
export function corpusLexicon(articles: readonly StoredArticle[]): CountingLexicon {
  const lexicon = new CountingLexicon();
  parseLexicon((base ??= readFileSync(BASE_LEXICON_FILE, 'utf8')), lexicon);
  for (const article of articles) {
    for (const text of [article.title, article.body]) {
      for (const span of wordSpans(text)) for (const token of wordTokens(span.text)) lexicon.addToken(token);
    }
  }
  return lexicon;
}

/** An analyzer of the base list alone: for code that analyzes without a corpus (benches' peers, tests of the rules). */
export function baseAnalyzer(): Analyzer {
  return createAnalyzer(corpusLexicon([]));
}
