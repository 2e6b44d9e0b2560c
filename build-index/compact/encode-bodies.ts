/**
 * Bodies → word codes and their dictionary (see src/search/compact/body-text.ts).
 */
import { bodyTokens, isSpace } from '../../src/search/compact/body-text.ts';
import { writeVarint } from '../../src/search/compact/varint.ts';
import { wordTerms } from '../../src/search/highlight.ts';
import { wordSpans } from '../../src/text/tokenize.ts';

export interface EncodedBodies {
  /** Dictionary entries, most frequent first. */
  dictionary: string[];
  codes: Uint8Array;
  offsets: Uint32Array;
}

/** Tokens as written, without the single spaces between two words (the decoder puts them back). */
function codedTokens(text: string): string[] {
  const tokens = bodyTokens(text);
  return tokens.filter((token, i) => !(token === ' ' && i > 0 && i < tokens.length - 1 && !isSpace(tokens[i - 1]!) && !isSpace(tokens[i + 1]!)));
}

export function encodeBodies(bodies: readonly string[]): EncodedBodies {
  const counts = new Map<string, number>();
  const tokenized = bodies.map(codedTokens);
  for (const tokens of tokenized) for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const dictionary = [...counts].sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0)).map(([token]) => token);
  const rank = new Map(dictionary.map((token, i) => [token, i]));

  const offsets = new Uint32Array(bodies.length + 1);
  const chunks: Uint8Array[] = [];
  let bytes: number[] = [];
  let written = 0;
  for (const [i, tokens] of tokenized.entries()) {
    offsets[i] = written + bytes.length;
    for (const token of tokens) writeVarint(bytes, rank.get(token)!);
    if (bytes.length > 65536) {
      written += bytes.length;
      chunks.push(Uint8Array.from(bytes));
      bytes = [];
    }
  }
  written += bytes.length;
  chunks.push(Uint8Array.from(bytes));
  offsets[bodies.length] = written;
  const codes = new Uint8Array(written);
  let at = 0;
  for (const chunk of chunks) {
    codes.set(chunk, at);
    at += chunk.length;
  }
  return { dictionary, codes, offsets };
}

/**
 * For each dictionary entry, its words that carry index terms, with those terms' positions in
 * the sorted term list: exactly what the snippet highlighter would find by analyzing the word.
 */
export function encodeWordMatches(dictionary: readonly string[], termPosition: ReadonlyMap<string, number>): { data: Uint8Array; offsets: Uint32Array } {
  const bytes: number[] = [];
  const offsets = new Uint32Array(dictionary.length + 1);
  for (const [i, entry] of dictionary.entries()) {
    offsets[i] = bytes.length;
    const words = isSpace(entry)
      ? []
      : wordSpans(entry).flatMap((span) => {
          const positions = wordTerms(span.text).flatMap((term) => termPosition.get(term) ?? []);
          return positions.length === 0 ? [] : [{ span, positions }];
        });
    writeVarint(bytes, words.length);
    for (const { span, positions } of words) {
      writeVarint(bytes, span.start);
      writeVarint(bytes, span.end - span.start);
      writeVarint(bytes, positions.length);
      for (const position of positions) writeVarint(bytes, position);
    }
  }
  offsets[dictionary.length] = bytes.length;
  return { data: Uint8Array.from(bytes), offsets };
}
