import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, wordSpans, wordTokens } from '../../../src/text/tokenize.ts';

describe('wordSpans', () => {
  it.each([
    ['tashkeel', 'قَالَ الرَّئِيسُ', ['قَالَ', 'الرَّئِيسُ']],
    ['shadda at the end of a word', 'محمدّ وعليّ', ['محمدّ', 'وعليّ']],
    ['tatweel', 'العـــربية اليوم', ['العـــربية', 'اليوم']],
    ['zero-width non-joiner', 'بو\u200Cتين قال', ['بو\u200Cتين', 'قال']],
    ['Quranic marks', 'عَلِيمٌۖ حَكِيمٌ', ['عَلِيمٌۖ', 'حَكِيمٌ']],
  ])('never splits a word on a mark (%s)', (_rule, text, expected) => {
    expect(wordSpans(text).map((span) => span.text)).toEqual(expected);
  });

  it.each([
    ['Arabic question mark', 'خاشقجي؟', ['خاشقجي']],
    ['Arabic comma', 'سوريا، العراق', ['سوريا', 'العراق']],
    ['guillemets', '«قمة هلسنكي»', ['قمة', 'هلسنكي']],
    ['parentheses', '(صلى الله عليه وسلم)', ['صلى', 'الله', 'عليه', 'وسلم']],
  ])('splits on punctuation (%s)', (_rule, text, expected) => {
    expect(wordSpans(text).map((span) => span.text)).toEqual(expected);
  });

  it('gives offsets into the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('ب', 'ِ', 'ـ', ' ', '-', 'k', '٣', '،', '\u200C') }), (text) => {
        let previousEnd = 0;
        for (const span of wordSpans(text)) {
          expect(text.slice(span.start, span.end)).toBe(span.text);
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = span.end;
        }
      }),
    );
  });
});

describe('wordTokens', () => {
  it.each([
    ['MK-84', ['mk84', 'mk', '84']],
    ['F-16', ['f16', 'f', '16']],
    ['3.5', ['35', '3', '5']],
    ['U.S', ['us', 'u', 's']],
    ['بُوتِين', ['بوتين']],
    ['٢٠١٨', ['2018']],
  ])('%s → %j', (word, expected) => {
    expect(wordTokens(word)).toEqual(expected);
  });
});

describe('tokenize', () => {
  it('makes MK-84 findable whole and by its parts', () => {
    expect(tokenize('قنبلة من طراز MK-84 الأمريكية')).toEqual(['قنبلة', 'من', 'طراز', 'mk84', 'mk', '84', 'الأمريكية']);
  });
});
