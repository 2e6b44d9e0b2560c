/**
 * Bodies → word codes and their dictionary (see src/search/compact/body-text.ts).
 */
import { bodyTokens, isSpace } from '../../src/search/compact/body-text.ts';
import type { Analyzer } from '../../src/text/analyze.ts';
import { wordSpans } from '../../src/text/tokenize.ts';
import { VarintWriter } from './varint-writer.ts';

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
  const writer = new VarintWriter();
  for (const [i, tokens] of tokenized.entries()) {
    offsets[i] = writer.length;
    for (const token of tokens) writer.write(rank.get(token)!);
  }
  offsets[bodies.length] = writer.length;
  const codes = writer.toBytes();
  return { dictionary, codes, offsets };
}

/**
 * For each dictionary entry, what request-time code would otherwise analyze, as positions in
 * the sorted term list. First the index term of each of its tokens, in order: the reading
 * `Analyzer.textTerms` gives quoted phrases (a body's terms are the concatenation of its entries',
 * since entries never straddle whitespace, where words split); a term missing from the index
 * (none should be) is written as the term count, which no phrase term equals, so it still
 * breaks a run. Then its words that carry index terms, with those terms: exactly what the
 * snippet highlighter would find by analyzing the word.
 */
export function encodeWordMatches(
  dictionary: readonly string[],
  termPosition: ReadonlyMap<string, number>,
  analyzer: Analyzer,
): { data: Uint8Array; offsets: Uint32Array } {
  const writer = new VarintWriter();
  const offsets = new Uint32Array(dictionary.length + 1);
  for (const [i, entry] of dictionary.entries()) {
    offsets[i] = writer.length;
    const phraseTerms = isSpace(entry) ? [] : analyzer.textTerms(entry);
    writer.write(phraseTerms.length);
    for (const term of phraseTerms) writer.write(termPosition.get(term) ?? termPosition.size);
    const words = isSpace(entry)
      ? []
      : wordSpans(entry).flatMap((span) => {
          const positions = analyzer.wordTerms(span.text).flatMap((term) => termPosition.get(term) ?? []);
          return positions.length === 0 ? [] : [{ span, positions }];
        });
    writer.write(words.length);
    for (const { span, positions } of words) {
      writer.write(span.start);
      writer.write(span.end - span.start);
      writer.write(positions.length);
      for (const position of positions) writer.write(position);
    }
  }
  offsets[dictionary.length] = writer.length;
  return { data: writer.toBytes(), offsets };
}
