import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf16, decodeUtf16ByCharCodes, StringColumn } from '../../src/search/compact/string-column.ts';
import { VarintReader, writeVarint } from '../../src/search/compact/varint.ts';
import { ColumnVocabulary } from '../../src/search/compact/vocabulary.ts';

function column(strings: readonly string[]): StringColumn {
  const offsets = new Uint32Array(strings.length + 1);
  strings.forEach((text, i) => (offsets[i + 1] = offsets[i]! + text.length));
  const units = new Uint16Array(offsets[strings.length]!);
  strings.forEach((text, i) => {
    for (let k = 0; k < text.length; k++) units[offsets[i]! + k] = text.charCodeAt(k);
  });
  return new StringColumn(units, offsets);
}

const sorted = (strings: string[]): string[] => [...new Set(strings)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const word = fc.string({ unit: fc.constantFrom('ب', 'ت', 'س', 'ا', 'ي', 'a'), minLength: 1, maxLength: 7 });

describe('varints', () => {
  it('read back every value written, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 ** 32 - 1 })), (values) => {
        const bytes: number[] = [];
        for (const value of values) writeVarint(bytes, value);
        const reader = new VarintReader(Uint8Array.from(bytes), 0);
        expect(values.map(() => reader.read())).toEqual(values);
        expect(reader.pos).toBe(bytes.length);
      }),
    );
  });

  it.each([
    [0, [0]],
    [127, [127]],
    [128, [0x80, 1]],
    [300, [0xac, 2]],
  ])('writes %i as %j', (value, expected) => {
    const bytes: number[] = [];
    writeVarint(bytes, value);
    expect(bytes).toEqual(expected);
  });
});

describe('decodeUtf16', () => {
  it('gives back any string, lone surrogates included, in workerd as with fromCharCode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('\ud83d', '\ude00', 'ب') }), (a, b) => {
        const text = a + b;
        const codeUnits = new Uint16Array(text.length);
        for (let i = 0; i < text.length; i++) codeUnits[i] = text.charCodeAt(i);
        // Compared as code units: a failure message with a lone surrogate cannot leave workerd.
        expect(decodeUtf16(codeUnits) === text && decodeUtf16ByCharCodes(codeUnits) === text).toBe(true);
      }),
    );
  });

  it('keeps a leading byte order mark (U+FEFF is text here)', () => {
    expect(decodeUtf16(Uint16Array.of(0xfeff, 0x628))).toBe('\ufeffب');
  });

  it('decodes strings longer than one fromCharCode chunk', () => {
    const text = 'سعود'.repeat(5000);
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    expect(decodeUtf16ByCharCodes(units)).toBe(text);
    expect(decodeUtf16(units)).toBe(text);
  });
});

describe('StringColumn', () => {
  it('finds strings as a sorted array would', () => {
    fc.assert(
      fc.property(fc.array(word), word, (strings, probe) => {
        const terms = sorted(strings);
        const col = column(terms);
        expect(col.indexOf(probe)).toBe(terms.indexOf(probe));
        const start = col.lowerBound(probe);
        expect(start).toBe(terms.filter((t) => t < probe).length);
        terms.forEach((t, i) => expect(col.get(i)).toBe(t));
      }),
    );
  });
});

/** A vocabulary as the compact file holds it: keys and words newline-joined, counts by key. */
function joined(strings: readonly string[]): Uint16Array {
  const text = strings.join('\n');
  return Uint16Array.from(text, (char) => char.charCodeAt(0));
}

describe('ColumnVocabulary', () => {
  it('reads newline-joined keys and words as the sorted arrays the build wrote', () => {
    fc.assert(
      fc.property(fc.array(word), word, (strings, probe) => {
        const keys = sorted(strings);
        const words = keys.map((key) => `${key}ة`);
        const counts = Uint32Array.from(keys, (_, i) => i * 3 + 1);
        const vocabulary = new ColumnVocabulary(joined(keys), joined(words), counts);
        expect(vocabulary.size).toBe(keys.length);
        const at = vocabulary.lowerBound(probe);
        expect(at).toBe(keys.filter((key) => key < probe).length);
        expect(vocabulary.keyIs(at, probe)).toBe(keys.includes(probe));
        keys.forEach((key, i) => {
          expect(vocabulary.key(i)).toBe(key);
          expect(vocabulary.word(i)).toBe(words[i]);
          expect(vocabulary.count(i)).toBe(counts[i]);
          expect(vocabulary.keyStartsWith(i, probe)).toBe(key.startsWith(probe));
        });
        // Past the last entry nothing matches: a completion loop stops there.
        expect(vocabulary.keyStartsWith(keys.length, '')).toBe(false);
        expect(vocabulary.keyIs(keys.length, probe)).toBe(false);
      }),
    );
  });

  it('refuses sections whose lines do not match the counts, saying to rebuild', () => {
    expect(() => new ColumnVocabulary(joined(['ب', 'ت']), joined(['ب', 'ت']), Uint32Array.of(1, 2, 3))).toThrow(
      /2 lines for 3 vocabulary counts; run npm run build-index/,
    );
    // More lines than counts: the last entry must not swallow the rest.
    expect(() => new ColumnVocabulary(joined(['ب', 'ت', 'س']), joined(['ب', 'ت', 'س']), Uint32Array.of(1, 2))).toThrow(/3 lines for 2 vocabulary counts/);
  });
});
