/**
 * Completions of the word being typed, from the corpus vocabulary, most frequent first. A
 * prefix no word starts with is completed as its closest slips (typo.ts): `الرئيص` suggests
 * `الرئيس…`.
 */
import { normalizeText } from '../text/normalize.ts';
import { wordSpans } from '../text/tokenize.ts';
import type { Vocabulary } from './index-format.ts';
import { closePrefixes } from './typo.ts';

export interface Suggestion {
  text: string;
}

/**
 * A word that completes a prefix, and how many articles hold it. The word is read only for the
 * few kept (a one-letter prefix has thousands of completions, and the vocabulary makes no string
 * until one is read).
 */
export interface Completion {
  word(): string;
  count: number;
}

/** Where completions come from besides a plain vocabulary: one with a live set's words over it (src/live/). */
export interface CompletionSource {
  /** Each word whose key starts with `prefix`, in key order (only counts above 0). */
  completions(prefix: string): Iterable<Completion>;
}

/** Whether some word starts with `prefix`. */
function completes(source: Vocabulary | CompletionSource, prefix: string): boolean {
  if ('completions' in source) return !source.completions(prefix)[Symbol.iterator]().next().done;
  return source.keyStartsWith(source.lowerBound(prefix), prefix);
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
  const top = completions(vocabulary, prefix, limit);
  if (top.length === 0) {
    // Nothing starts so: the closest slips first, each completed, most frequent first within it.
    const seen = new Set<string>();
    for (const close of closePrefixes((variant) => completes(vocabulary, variant), last.text)) {
      for (const completion of completions(vocabulary, close, limit)) {
        if (top.length < limit && !seen.has(completion.word)) top.push(completion);
        seen.add(completion.word);
      }
    }
  }
  return top.map(({ word }) => ({ text: head + word }));
}

/** The `limit` most frequent words starting with the folded `prefix`. */
function completions(source: Vocabulary | CompletionSource, prefix: string, limit: number): { word: string; count: number }[] {
  // Keys are sorted, so the completions are one contiguous range; keep its `limit` most frequent.
  const top: Completion[] = [];
  const wanted = (count: number): boolean => top.length < limit || count > top[top.length - 1]!.count;
  const keep = (completion: Completion): void => {
    const at = top.findIndex((entry) => entry.count < completion.count);
    top.splice(at === -1 ? top.length : at, 0, completion);
    if (top.length > limit) top.pop();
  };
  if ('completions' in source) {
    for (const completion of source.completions(prefix)) if (wanted(completion.count)) keep(completion);
  } else {
    for (let i = source.lowerBound(prefix); source.keyStartsWith(i, prefix); i++) {
      const count = source.count(i);
      if (wanted(count)) keep({ count, word: () => source.word(i) });
    }
  }
  return top.map(({ word, count }) => ({ word: word(), count }));
}
