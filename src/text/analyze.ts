/**
 * The analyzer: what a token becomes in the index and in a query. Applied identically to
 * documents and queries (it is MiniSearch's `processTerm`).
 *
 * Order matters: stop words are decided on the cleaned word before letters are folded.
 */
import { foldLetters } from './normalize.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stopwords.ts';

/**
 * Bumped whenever the analyzer's output changes, so a Worker never searches an index built
 * with another analyzer (the build stamps it, the Worker checks it).
 */
export const ANALYZER_VERSION = 'light10-1';

/** Index term of a cleaned token (output of `wordTokens`), or null for a function word. */
export function analyzeToken(token: string): string | null {
  if (isStopWord(token)) return null;
  const term = stem(foldLetters(token));
  return term.length > 0 ? term : null;
}
