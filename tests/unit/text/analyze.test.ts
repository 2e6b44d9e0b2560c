import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeQueryToken, analyzeToken } from '../../../src/text/analyze.ts';
import { BROKEN_PLURALS } from '../../../src/text/broken-plurals.ts';
import { cleanWord } from '../../../src/text/normalize.ts';
import { SPELLING_VARIANTS, canonicalSpelling } from '../../../src/text/variants.ts';

/** Index term of a word as written in text. */
const term = (word: string) => analyzeToken(cleanWord(word));
/** Query terms of a word as typed. */
const queryTerms = (word: string) => [analyzeQueryToken(cleanWord(word)) ?? []].flat();

describe('analyzeToken', () => {
  it.each([
    ['diacritics', 'بُوتِين', 'بوتين'],
    ['hamza on alef', 'أمريكا', 'امريكا'],
    ['ta marbuta / ha', 'مدرسة', 'مدرسه'],
    ['alef maqsura / ya', 'مستشفى', 'مستشفي'],
    ['hamza carriers', 'مسؤول', 'مسئول'],
    ['tatweel', 'العـــربية', 'العربية'],
    ['stacked clitics', 'وبالألبانية', 'الألبانية'],
    ['stacked clitics with لل', 'وللمرة', 'المرة'],
    ['ta marbuta before a pronoun', 'عاصمتها', 'عاصمة'],
    ['ta marbuta before a plural pronoun', 'حكومتهم', 'الحكومة'],
    ['ات plural / ة singular', 'الجامعات', 'الجامعة'],
    ['sound plural', 'المعلمون', 'معلمين'],
    ['nisba adjective / country', 'المصرية', 'مصر'],
    ['hamza written on ال: a loanword, not the article', 'الألبوم', 'ألبومها'],
    ['hamza written on ال: آلاف', 'الآلاف', 'آلاف'],
    ['Persian letters in loanwords', 'ڤيروس', 'فيروس'],
  ])('conflates %s: %s = %s', (_rule, a, b) => {
    expect(term(a)).not.toBeNull();
    expect(term(a)).toBe(term(b));
  });

  it.each([
    ['ألمانيا keeps its ال (not the article + مانيا)', 'ألمانيا', 'مانيا'],
    ['short stems keep a real ت', 'بيتها', 'بيه'],
    ['the name Ali stays apart from the preposition', 'علي', 'على'],
    ['سكان is not cut to two letters', 'سكان', 'سك'],
  ])('keeps apart: %s', (_rule, a, b) => {
    expect(term(a)).not.toBe(term(b));
  });

  it('returns null or a non-empty term, and never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = analyzeToken(text);
        expect(result === null || (typeof result === 'string' && result.length > 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on Arabic-like tokens and is stable (memoized or not)', () => {
    const letters = fc.constantFrom('ا', 'أ', 'ل', 'و', 'ب', 'ك', 'ف', 'ت', 'ه', 'ة', 'ي', 'ى', 'ن', 'م', 'ء', 'ئ');
    fc.assert(
      fc.property(fc.string({ unit: letters, maxLength: 12 }), (token) => {
        expect(analyzeToken(token)).toBe(analyzeToken(token));
      }),
    );
  });
});

describe('analyzeQueryToken', () => {
  it.each([
    ['لشاكيرا', 'شاكيرا'],
    ['لسويسرا', 'سويسرا'],
    ['بمصر', 'مصر'],
    ['وبسويسرا', 'سويسرا'],
    ['كبوتين', 'بوتين'],
  ])('also searches %s without its lone preposition (%s)', (typed, bare) => {
    expect(queryTerms(typed).slice(0, 2)).toEqual([term(typed), term(bare)]);
  });

  it.each([
    ['وزير', 'الوزير'],
    ['وكالة', 'الوكالة'],
    ['وثيقة', 'الوثيقة'],
  ])('searches %s both as و + word and as a word starting with و, so it meets %s', (typed, withArticle) => {
    expect(queryTerms(typed)).toEqual([term(typed), term(withArticle)]);
    expect(term(typed)).not.toBe(term(withArticle));
  });

  it.each(['والوزير', 'وللمرة', 'وطن'])('adds no و reading to و + article or to a word the stemmer keeps whole: %s', (word) => {
    expect(queryTerms(word)).toEqual([term(word)]);
  });

  it.each(['بريطانيا', 'لبنان', 'كندا'])('keeps the index term of a name starting with ب ل ك first: %s', (word) => {
    expect(queryTerms(word)[0]).toBe(term(word));
  });

  it.each(['بالكتاب', 'للمرة', 'كالبحر', 'بلد', 'مصر'])('does not expand an article chain or a short word: %s', (word) => {
    expect(queryTerms(word)).toEqual([term(word)]);
  });

  it('drops function words like the index does', () => {
    expect(analyzeQueryToken('على')).toBeNull();
    expect(analyzeQueryToken('بها')).toBeNull();
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void analyzeQueryToken(text)), { numRuns: 1000 });
  });
});

describe('spelling variants', () => {
  it.each([
    ['ترمب', 'ترامب'],
    ['أميركا', 'أمريكا'],
    ['الأميركية', 'الأمريكية'],
    ['للأميركيين', 'الأمريكيين'],
    ['بوتن', 'بوتين'],
    ['موريطانيا', 'موريتانيا'],
    ['أستانة', 'أستانا'],
    ['بيونج', 'بيونغ'],
    ['يانج', 'يانغ'],
    ['جوجل', 'غوغل'],
    ['قوقل', 'غوغل'],
    ['التليفزيون', 'التلفزيون'],
    ['الانترنيت', 'الإنترنت'],
    ['ميكروسوفت', 'مايكروسوفت'],
  ])('%s is searched as %s', (variant, canonical) => {
    expect(term(variant)).toBe(term(canonical));
  });

  it.each(SPELLING_VARIANTS.map(([variant, canonical]) => [variant, canonical]))('rewrites every table entry: %s → %s', (variant, canonical) => {
    expect(canonicalSpelling(variant)).toBe(canonical);
  });

  it('leaves words without a variant alone', () => {
    expect(canonicalSpelling('سوريا')).toBe('سوريا');
  });
});

describe('broken plurals', () => {
  it.each([
    ['الحروب', 'حرب'],
    ['المدارس', 'المدرسة'],
    ['أطفال', 'طفل'],
    ['المدن', 'المدينة'],
    ['الصواريخ', 'صاروخ'],
    ['ألعاب', 'لعبة'],
  ])('%s is searched as its singular %s', (plural, singular) => {
    expect(term(plural)).toBe(term(singular));
  });

  it.each(BROKEN_PLURALS.map(([plural, singular]) => [plural, singular]))('maps every lexicon entry: %s → %s', (plural, singular) => {
    expect(term(plural)).toBe(term(singular));
  });
});
