import { describe, expect, it } from 'vitest';
import { EMPTY_LEXICON } from '../../../src/text/lexicon.ts';
import { stem as stemWith, type StemOptions } from '../../../src/text/stem.ts';

/** The letter rules: what the stemmer does for words its lexicon does not know (tests/unit/text/analyze.test.ts has the evidence). */
const stem = (word: string, options?: StemOptions) => stemWith(word, EMPTY_LEXICON, options).stem;

// The stemmer sees folded words (ة is ه, ى is ي, no hamza on alef), as the analyzer gives them.
describe('stem without evidence (letter rules)', () => {
  it.each([
    ['article', 'الكتاب', 'كتاب'],
    ['conjunction + article', 'والكتاب', 'كتاب'],
    ['preposition + article', 'بالكتاب', 'كتاب'],
    ['كَ + article', 'كالبحر', 'بحر'],
    ['فَ + article', 'فالامر', 'امر'],
    ['لِ + article (لل)', 'للمرء', 'مرء'],
    ['conjunction + preposition + article', 'وبالالبانيه', 'البان'],
    ['conjunction + لل', 'وللمره', 'مر'],
    ['فَ + بِ + article', 'فبالتالي', 'تال'],
  ])('strips clitic prefixes (%s): %s → %s', (_rule, word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps a lone clitic letter it cannot decide on, and offers the other reading for queries', () => {
    expect(stemWith('وسوريا', EMPTY_LEXICON)).toEqual({ stem: 'وسوريا', cliticLength: 0, alternative: 'سوريا' });
  });

  it.each([
    ['ورد', 'ورد'],
    ['وزن', 'وزن'],
    ['ال', 'ال'],
    ['الف', 'الف'],
  ])('keeps short words whole: %s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['ها', 'عاصمتها', 'عاصمه'],
    ['ه', 'حكومته', 'الحكومه'],
    ['هم', 'حكومتهم', 'حكومه'],
    ['نا', 'مدينتنا', 'المدينه'],
    ['كم', 'دولتكم', 'دوله'],
  ])('restores a ta marbuta written ت before a pronoun (%s): %s stems like %s', (_pronoun, word, singular) => {
    expect(stem(word)).toBe(stem(singular));
  });

  it.each([
    ['بيتها', 'بيت'],
    ['صوته', 'صوت'],
    ['زيتها', 'زيت'],
  ])('keeps a real ت before a pronoun on short stems: %s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['ات plural + pronoun', 'سياراتها', 'سيار'],
    ['ات plural', 'السيارات', 'سيار'],
    ['ه (ta marbuta)', 'السياره', 'سيار'],
    ['ون plural', 'المعلمون', 'معلم'],
    ['ين plural', 'المعلمين', 'معلم'],
    ['ان dual', 'الكتابان', 'كتاب'],
    ['nisba ي', 'مصري', 'مصر'],
    ['nisba يه', 'المصريه', 'مصر'],
    ['nisba ي + ين plural', 'المصريين', 'مصر'],
  ])('strips suffixes (%s): %s → %s', (_rule, word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['سكان', 'سكان'],
    ['مكان', 'مكان'],
    ['بيان', 'بيان'],
    ['فهم', 'فهم'],
    ['سهم', 'سهم'],
  ])('leaves at least three letters when a pronoun or plural ending would cut the word: %s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['المانيا', 'المانيا'],
    ['البومها', 'البوم'],
    ['والمانيا', 'المانيا'],
    ['بالكترونيه', 'الكترون'],
  ])('keeps ال when told it is the word’s own letters (hamza was written): %s → %s', (word, expected) => {
    expect(stem(word, { hamzaWritten: true })).toBe(expected);
  });

  it.each(['mk84', '2018', 'nato', ''])('returns non-Arabic tokens unchanged: %j', (word) => {
    expect(stem(word)).toBe(word);
  });
});
