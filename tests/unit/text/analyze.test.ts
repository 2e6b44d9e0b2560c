import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as generated from '../../../src/generated/index-data.js';
import { loadIndex } from '../../../src/search/read-index.ts';
import { createAnalyzer } from '../../../src/text/analyze.ts';
import { BROKEN_PLURALS } from '../../../src/text/broken-plurals.ts';
import { CountingLexicon, EMPTY_LEXICON } from '../../../src/text/lexicon.ts';
import { cleanWord } from '../../../src/text/normalize.ts';
import { SPELLING_VARIANTS, canonicalSpelling } from '../../../src/text/variants.ts';

/** The Worker's analyzer: the embedded index's lexicon (the shipped base list plus the corpus). */
const analyzer = loadIndex(generated).analyzer;
/** Index term of a word as written in text. */
const term = (word: string) => analyzer.indexTerm(cleanWord(word));
/** Query terms of a word as typed. */
const queryTerms = (word: string) => [analyzer.queryTerms(cleanWord(word)) ?? []].flat();
/** True when a search for either word finds the other. */
const meet = (a: string, b: string) => queryTerms(a).includes(term(b)!) && queryTerms(b).includes(term(a)!);

describe('word level: every form of a word meets, different words stay apart', () => {
  it.each([
    ['a name and its nisba', 'إيران', 'الإيرانية'],
    ['a name and its nisba plural', 'إيران', 'الإيرانيين'],
    ['a country in يا and its adjective', 'سوريا', 'السورية'],
    ['سورية spelling of Syria', 'سورية', 'سوريا'],
    ['a name and its nisba', 'لبنان', 'اللبناني'],
    ['a name in ا and its adjective', 'أمريكا', 'الأمريكية'],
    ['Palestine and Palestinian', 'فلسطين', 'الفلسطينيين'],
    ['hamza-less Germany', 'ألمانيا', 'المانيا'],
    ['Germany and German', 'ألمانيا', 'الألمانية'],
    ['hamza-less thousands', 'آلاف', 'الاف'],
    ['a preposition before a name', 'مصر', 'لمصر'],
    ['a preposition before a name', 'مصر', 'بمصر'],
    ['و that belongs to the word', 'وزير', 'الوزير'],
    ['a conjunction before a verb', 'أضاف', 'وأضاف'],
    ['tanween alef', 'عاما', 'عام'],
    ['ta marbuta before a pronoun', 'حياته', 'حياة'],
    ['dual', 'الطرفين', 'الطرفان'],
    ['sound plural', 'المعلمون', 'المعلمين'],
    ['feminine plural', 'السيارات', 'السيارة'],
    ['broken plural', 'المدن', 'المدينة'],
  ])('meets (%s): %s ~ %s', (_rule, a, b) => {
    expect(meet(a, b)).toBe(true);
  });

  it.each([
    ['Lebanon is not milk', 'لبنان', 'لبن'],
    ['civil is not city', 'المدني', 'المدينة'],
    ['a sultan is not the authorities', 'سلطان', 'السلطات'],
    ['Adnan is not Aden', 'عدنان', 'عدن'],
    ['Bahrain is not the sea', 'البحرين', 'البحر'],
    ['King Salman is not peace', 'سلمان', 'السلم'],
    ['Faisal does not arrive', 'فيصل', 'يصل'],
    ['a minister is no زير', 'وزير', 'زير'],
    ['Saud is not Saudi Arabia', 'سعود', 'السعودية'],
    ['the name Ali stays apart from the preposition', 'علي', 'على'],
  ])('keeps apart (%s): %s / %s', (_rule, a, b) => {
    expect(meet(a, b)).toBe(false);
  });
});

describe('decisions by evidence (a lexicon of a few words)', () => {
  const lexicon = new CountingLexicon();
  for (const [form, count] of [
    ['بنان', 5],
    ['لبنان', 900],
    ['مصر', 800],
    ['بمصر', 40],
    ['الطرفين', 30],
    ['الطرفان', 10],
    ['ايران', 500],
  ] as const)
    lexicon.addForm(form, count, 0);
  const small = createAnalyzer(lexicon);
  const bare = createAnalyzer(EMPTY_LEXICON);

  it('strips a clitic when the rest is a common word, and keeps one whose rest is rare', () => {
    expect(small.indexTerm('بمصر')).toBe('مصر');
    expect(small.indexTerm('لبنان')).toBe('لبنان');
  });

  it('strips a dual ending attested with its sibling, and keeps a name that has none', () => {
    expect(small.indexTerm('الطرفان')).toBe('طرف');
    expect(small.indexTerm('ايران')).toBe('ايران');
  });

  it('without evidence keeps the word whole in the index and lets a query search both readings', () => {
    expect(bare.indexTerm('لشاكيرا')).toBe('لشاكيرا');
    expect(bare.queryTerms('لشاكيرا')).toEqual(['لشاكيرا', 'شاكيرا']);
  });

  it('analyzes a word the same way however often it is asked (one memo per analyzer)', () => {
    expect(small.indexTerm('بمصر')).toBe(small.indexTerm('بمصر'));
    expect(bare.indexTerm('بمصر')).not.toBe(small.indexTerm('بمصر'));
  });
});

describe('indexTerm', () => {
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
        const result = analyzer.indexTerm(text);
        expect(result === null || (typeof result === 'string' && result.length > 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on Arabic-like tokens and is stable (memoized or not)', () => {
    const letters = fc.constantFrom('ا', 'أ', 'ل', 'و', 'ب', 'ك', 'ف', 'ت', 'ه', 'ة', 'ي', 'ى', 'ن', 'م', 'ء', 'ئ');
    fc.assert(
      fc.property(fc.string({ unit: letters, maxLength: 12 }), (token) => {
        expect(analyzer.indexTerm(token)).toBe(analyzer.indexTerm(token));
      }),
    );
  });
});

describe('queryTerms', () => {
  it.each([
    ['بمصر', 'مصر'],
    ['وبمصر', 'مصر'],
    ['للمرة', 'المرة'],
    ['وبالألبانية', 'الألبانية'],
  ])('searches %s as the index reads %s', (typed, bare) => {
    expect(queryTerms(typed)).toEqual([term(bare)]);
  });

  it.each(['بريطانيا', 'لبنان', 'كندا', 'وزير', 'وكالة'])('keeps the first letter of a word whose rest is rare: %s', (word) => {
    expect(queryTerms(word)).toEqual([term(word)]);
    expect(term(word)!.length).toBeGreaterThanOrEqual(word.length - 1);
  });

  it('drops function words like the index does, also after a clitic', () => {
    expect(analyzer.queryTerms('على')).toBeNull();
    expect(analyzer.queryTerms('بها')).toBeNull();
    expect(analyzer.queryTerms('وهذا')).toBeNull();
    expect(analyzer.queryTerms('والتي')).toBeNull();
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => void analyzer.queryTerms(text)),
      { numRuns: 1000 },
    );
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
