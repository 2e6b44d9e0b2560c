/**
 * The suggestion vocabulary over the compact file, read in place: keys and words are newline-
 * joined UTF-16 sections, so opening it finds where each entry starts (one pass over the units)
 * and makes no string until an entry is read. Splitting them into arrays at open cost 27 ms of
 * startup and 11 MB of heap for the 100,000 words; on the first suggestion it had cost ~10 ms.
 */
import type { Vocabulary } from '../index-format.ts';
import { CompactFormatError } from './read-blob.ts';
import { StringColumn } from './string-column.ts';

const NEWLINE = 0x0a;

export class ColumnVocabulary implements Vocabulary {
  readonly size: number;
  readonly #keys: StringColumn;
  readonly #words: StringColumn;
  readonly #counts: Uint32Array;

  constructor(keyUnits: Uint16Array, wordUnits: Uint16Array, counts: Uint32Array) {
    this.size = counts.length;
    this.#keys = lineColumn(keyUnits, counts.length, 'vocabularyKeys');
    this.#words = lineColumn(wordUnits, counts.length, 'vocabularyWords');
    this.#counts = counts;
  }

  lowerBound(text: string): number {
    return this.#keys.lowerBound(text);
  }

  keyIs(i: number, text: string): boolean {
    return i < this.size && this.#keys.compare(i, text) === 0;
  }

  keyStartsWith(i: number, prefix: string): boolean {
    return i < this.size && this.#keys.startsWith(i, prefix);
  }

  key(i: number): string {
    return this.#keys.get(i);
  }

  word(i: number): string {
    return this.#words.get(i);
  }

  count(i: number): number {
    return this.#counts[i]!;
  }
}

/** A vocabulary with no entry (a corpus without suggestible words, or none wanted). */
export const EMPTY_VOCABULARY: Vocabulary = new ColumnVocabulary(new Uint16Array(0), new Uint16Array(0), new Uint32Array(0));

/** `count` strings joined by newlines, as a column whose string i ends before the newline that follows it. */
function lineColumn(units: Uint16Array, count: number, section: string): StringColumn {
  const starts = new Uint32Array(count + 1);
  let lines = units.length > 0 ? 1 : 0;
  for (let at = 0; at < units.length; at++) {
    if (units[at] !== NEWLINE) continue;
    if (lines < count) starts[lines] = at + 1;
    lines++;
  }
  // (The build writes no empty word, so an empty section is no line.)
  if (lines !== count) throw new CompactFormatError(`${section}: ${lines} lines for ${count} vocabulary counts; run npm run build-index`);
  // The last string ends where a newline after the section would be.
  if (count > 0) starts[count] = units.length + 1;
  return new StringColumn(units, starts, 1);
}
