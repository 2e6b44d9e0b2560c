/**
 * Completions of the word being typed, from the corpus vocabulary, most frequent first. A
 * prefix no word starts with is completed as its closest slips (typo.ts): `الرئيص` suggests
 * `الرئيس…`.
 */
import { normalizeText } from '../text/normalize.ts';
import { wordSpans } from '../text/tokenize.ts';
import type { Vocabulary } from './index-format.ts';
import { lowerBound } from './sorted.ts';
import { closePrefixes } from './typo.ts';

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

function completionsOf(source: Vocabulary | CompletionSource, prefix: string): Iterable<{ word: string; count: number }> {
  return 'completions' in source ? source.completions(prefix) : vocabularyCompletions(source, prefix);
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
    const completes = (variant: string): boolean => !completionsOf(vocabulary, variant)[Symbol.iterator]().next().done;
    for (const close of closePrefixes(completes, last.text)) {
      for (const completion of completions(vocabulary, close, limit)) {
        if (top.length < limit && !seen.has(completion.word)) top.push(completion);
        seen.add(completion.word);
      }
    }
  }
  return top.map(({ word }) => ({ text: head + word }));
}

/** The `limit` most frequent words starting with the folded `prefix`. */
function completions(vocabulary: Vocabulary | CompletionSource, prefix: string, limit: number): { word: string; count: number }[] {
  // Keys are sorted, so the completions are one contiguous range; keep its `limit` most frequent.
  const top: { word: string; count: number }[] = [];
  for (const { word, count } of completionsOf(vocabulary, prefix)) {
    if (top.length === limit && count <= top[top.length - 1]!.count) continue;
    const at = top.findIndex((entry) => entry.count < count);
    top.splice(at === -1 ? top.length : at, 0, { word, count });
    if (top.length > limit) top.pop();
  }
  return top;
}
