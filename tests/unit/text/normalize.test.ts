import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanWord, foldLetters, normalizeText, stripMarks } from '../../../src/text/normalize.ts';

describe('cleanWord', () => {
  it.each([
    ['tashkeel', 'مُحَمَّدٌ', 'محمد'],
    ['shadda and tanween', 'شمالاً', 'شمالا'],
    ['superscript alef', 'الرَّحْمَٰن', 'الرحمن'],
    ['Quranic annotation marks', 'عَلِيمٌۖ', 'عليم'],
    ['small high meem', 'سَمِيعٌۢ', 'سميع'],
    ['tatweel', 'العـــربية', 'العربية'],
    ['zero-width non-joiner', 'بو\u200Cتين', 'بوتين'],
    ['zero-width space', 'ترا\u200Bمب', 'ترامب'],
    ['right-to-left mark', '\u200Fالرياض', 'الرياض'],
    ['bidi embedding and pop', '\u202Bهلسنكي\u202C', 'هلسنكي'],
    ['bidi isolates', '\u2067سوريا\u2069', 'سوريا'],
    ['Arabic letter mark', 'موسكو\u061C', 'موسكو'],
    ['byte order mark', '\uFEFFبغداد', 'بغداد'],
    ['Arabic-Indic digits', '٢٠١٨', '2018'],
    ['Persian digits', '۱۴۰۰', '1400'],
    ['Latin lowercase', 'NATO', 'nato'],
    ['Latin with dot above', 'İstanbul', 'istanbul'],
    ['lam-alef ligature (presentation form)', '\uFEFB', 'لا'],
    ['presentation forms of a word', '\uFE8D\uFEDF\uFED8\uFEAA\uFEB3', 'القدس'],
    ['alef + combining hamza composes to أ', 'ا\u0654حمد', 'أحمد'],
  ])('removes %s: %s → %s', (_rule, input, expected) => {
    expect(cleanWord(input)).toBe(expected);
  });

  it.each([
    ['hamza on alef', 'أحمد'],
    ['alef maqsura', 'مستشفى'],
    ['ta marbuta', 'مدرسة'],
    ['hamza on waw', 'مسؤول'],
  ])('keeps letter variants (%s) for the stop-word check: %s', (_rule, word) => {
    expect(cleanWord(word)).toBe(word);
  });
});

describe('foldLetters', () => {
  it.each([
    ['أ → ا', 'أحمد', 'احمد'],
    ['إ → ا', 'إسلام', 'اسلام'],
    ['آ → ا', 'آمن', 'امن'],
    ['ٱ (wasla) → ا', 'ٱلله', 'الله'],
    ['ى → ي', 'مستشفى', 'مستشفي'],
    ['ة → ه', 'مدرسة', 'مدرسه'],
    ['ؤ → ء', 'مسؤول', 'مسءول'],
    ['ئ → ء', 'مسئول', 'مسءول'],
    ['ئ → ء in رئيس', 'رئيس', 'رءيس'],
    ['Persian ک → ك', 'کتاب', 'كتاب'],
    ['Persian ی → ي', 'ایران', 'ايران'],
    ['گ → ك', 'گوگل', 'كوكل'],
    ['ڤ → ف', 'ڤيروس', 'فيروس'],
    ['پ → ب', 'پاكستان', 'باكستان'],
    ['چ → ج', 'چاد', 'جاد'],
    ['Urdu ھ → ه', 'ھند', 'هند'],
  ])('folds %s: %s → %s', (_rule, input, expected) => {
    expect(foldLetters(input)).toBe(expected);
  });

  it('makes the two spellings of مسؤول one word', () => {
    expect(foldLetters('مسؤول')).toBe(foldLetters('مسئول'));
  });
});

describe('stripMarks', () => {
  it('removes marks but keeps letters, spaces and punctuation', () => {
    expect(stripMarks('قَالَ الرَّئِيسُ: «نَعَمْ».')).toBe('قال الرئيس: «نعم».');
  });
});

describe('normalizeText', () => {
  it('cleans then folds', () => {
    expect(normalizeText('إِلَى الأُمَمِ المُتَّحِدَةِ')).toBe('الي الامم المتحده');
  });

  const arabicish = fc.string({
    unit: fc.constantFrom('ا', 'أ', 'ى', 'ة', 'ـ', '\u064B', '\u0651', '\u0670', '\u06D6', '\u200C', '\u202B', '٣', 'A', 'İ', ' ', '\uFEFB', '\u0654'),
  });

  it('is idempotent on Arabic-like text', () => {
    fc.assert(fc.property(arabicish, (text) => normalizeText(normalizeText(text)) === normalizeText(text)));
  });

  it('is idempotent and never throws on any Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
