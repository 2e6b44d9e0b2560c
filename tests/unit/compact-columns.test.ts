import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf16, decodeUtf16ByCharCodes, StringColumn } from '../../src/search/compact/string-column.ts';
import { VarintReader, writeVarint } from '../../src/search/compact/varint.ts';

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
