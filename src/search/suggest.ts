/**
 * Completions of the word being typed, from the corpus vocabulary, most frequent first.
 */
import { normalizeText } from '../text/normalize.ts';
import { wordSpans } from '../text/tokenize.ts';
import type { Vocabulary } from './index-format.ts';

export interface Suggestion {
  text: string;
}

/** Where completions come from besides a plain vocabulary: one with a live set's words over it (src/live/). */
export interface CompletionSource {
  /** Each word whose key starts with `prefix`, in key order, with how many articles hold it (only counts above 0). */
  completions(prefix: string): Iterable<{ word: string; count: number }>;
}

function* vocabularyCompletions(vocabulary: Vocabulary, prefix: string): Generator<{ word: string; count: number }> {
  for (let i = lowerBound(vocabulary.keys, prefix); i < vocabulary.keys.length; i++) {
    if (!vocabulary.keys[i]!.startsWith(prefix)) break;
    yield { word: vocabulary.words[i]!, count: vocabulary.counts[i]! };
  }
}

function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Suggestions for `q`: the text before the last word, followed by each completion of the last
 * word. Nothing when `q` ends with a space (no word is being typed).
 */
export function suggest(vocabulary: Vocabulary | CompletionSource, q: string, limit: number): Suggestion[] {
  const spans = wordSpans(q);
  const last = spans[spans.length - 1];
  if (last === undefined || last.end < q.trimEnd().length || /\s$/.test(q)) return [];
  const prefix = normalizeText(last.text);
  if (prefix.length === 0) return [];
  const head = q.slice(0, last.start);

  // Keys are sorted, so the completions are one contiguous range; keep its `limit` most frequent.
  const top: { word: string; count: number }[] = [];
  const words = 'completions' in vocabulary ? vocabulary.completions(prefix) : vocabularyCompletions(vocabulary, prefix);
  for (const { word, count } of words) {
    if (top.length === limit && count <= top[top.length - 1]!.count) continue;
    const at = top.findIndex((entry) => entry.count < count);
    top.splice(at === -1 ? top.length : at, 0, { word, count });
    if (top.length > limit) top.pop();
  }
  return top.map(({ word }) => ({ text: head + word }));
}
