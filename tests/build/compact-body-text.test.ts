import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBodies } from '../../build-index/compact/encode-bodies.ts';
import { BodyDecoder } from '../../src/search/compact/body-text.ts';
import { StringColumn } from '../../src/search/compact/string-column.ts';

function roundTrip(bodies: string[]): string[] {
  const { dictionary, codes, offsets } = encodeBodies(bodies);
  const wordOffsets = new Uint32Array(dictionary.length + 1);
  dictionary.forEach((text, i) => (wordOffsets[i + 1] = wordOffsets[i]! + text.length));
  const units = new Uint16Array(wordOffsets[dictionary.length]!);
  dictionary.forEach((text, i) => {
    for (let k = 0; k < text.length; k++) units[wordOffsets[i]! + k] = text.charCodeAt(k);
  });
  const noMatches = {
    terms: new StringColumn(new Uint16Array(0), new Uint32Array(1)),
    data: new Uint8Array(0),
    offsets: new Uint32Array(dictionary.length + 1),
  };
  const decoder = new BodyDecoder(new StringColumn(units, wordOffsets), codes, offsets, noMatches);
  return bodies.map((_, i) => decoder.decode(i));
}

describe('body word codes', () => {
  it.each([
    ['plain words', 'قال وزير الخارجية'],
    ['a leading and a trailing space', ' قال الوزير '],
    ['paragraphs and double spaces', 'فقرة أولى\n\nفقرة  ثانية\t(تبويب)'],
    ['only spaces', '   '],
    ['empty', ''],
    ['non-BMP characters', 'رمز 😀 هنا'],
  ])('gives back %s exactly', (_name, body) => {
    expect(roundTrip([body])).toEqual([body]);
  });

  it('gives back any text exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('ا', 'ب', ' ', '\n', '\t', '\u00a0', 'x', '.') })), (bodies) => {
        expect(roundTrip(bodies)).toEqual(bodies);
      }),
    );
  });

  it('stores the most frequent words in one byte', () => {
    const { dictionary, codes } = encodeBodies(['في في في في السعودية']);
    expect(dictionary[0]).toBe('في');
    expect(codes.length).toBe(5);
  });
});

describe('body word codes and \\s', () => {
  it('treat as whitespace exactly the characters \\s matches', () => {
    const all = Array.from({ length: 0x10000 }, (_, unit) => String.fromCharCode(unit)).filter((c) => /\s/.test(c));
    for (const space of all) expect(roundTrip([`a${space}b ${space}c`, `${space}x`])).toEqual([`a${space}b ${space}c`, `${space}x`]);
  });
});
