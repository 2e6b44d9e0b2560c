import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as generated from '../../src/generated/index-data.js';
import { highlightRanges as highlightWith, makeSnippet as snippetWith, type Range, type SnippetOptions } from '../../src/search/highlight.ts';
import { loadIndex } from '../../src/search/read-index.ts';

const analyzer = loadIndex(generated).analyzer;
/** The index terms a query matches, as MiniSearch reports them in `result.terms`. */
const termsOf = (query: string) => new Set(analyzer.textTerms(query));
const highlightRanges = (text: string, terms: ReadonlySet<string>) => highlightWith(text, terms, analyzer);
const makeSnippet = (source: Parameters<typeof snippetWith>[0], terms: ReadonlySet<string>, options: Omit<SnippetOptions, 'analyzer'> = {}) =>
  snippetWith(source, terms, { analyzer, ...options });
const words = (text: string, ranges: Range[]) => ranges.map(([start, end]) => text.slice(start, end));

describe('highlightRanges', () => {
  it.each([
    ['a diacritized word', 'قال الرئيسُ بُوتِين إن القمة ناجحة', 'بوتين', ['بُوتِين']],
    ['a word with conjunction and preposition', 'وقال المتحدث وبِبُوتين يلتقي', 'بوتين', ['وبِبُوتين']],
    ['a word with the article chain', 'وبالأَلبانية كتب الشاعر', 'الألبانية', ['وبالأَلبانية']],
    ['a word written with tatweel', 'العـــربية لغة', 'العربية', ['العـــربية']],
    ['a ta marbuta before a pronoun', 'زار عاصمتَها أمس', 'عاصمة', ['عاصمتَها']],
    ['a spelling variant', 'قال ترمب إن أميركا أولاً', 'ترامب أمريكا', ['ترمب', 'أميركا']],
    ['every occurrence', 'سوريا ثم سُورِيا', 'سوريا', ['سوريا', 'سُورِيا']],
  ])('covers exactly %s', (_case, text, query, expected) => {
    expect(words(text, highlightRanges(text, termsOf(query)))).toEqual(expected);
  });

  it('highlights words of a diacritized title', () => {
    const title = 'تَرَامْبُ يَأْمُلُ إِبْرَامَ «صَفْقَةٍ» حَوْلَ سُورِيَا فِي قِمَّتِهِ مَعَ بُوتِين';
    expect(words(title, highlightRanges(title, termsOf('ترامب صفقة بوتين')))).toEqual(['تَرَامْبُ', 'صَفْقَةٍ', 'بُوتِين']);
  });

  it('leaves function words and non-matching words alone', () => {
    expect(highlightRanges('على الطاولة', termsOf('علي'))).toEqual([]);
  });
});

describe('makeSnippet', () => {
  const body =
    'على وقع التطورات المتسارعة التي تشهدها المنطقة والعالم، تتجه الأنظار إلى القمة المرتقبة. ' +
    'وأعلن الرئيسُ الأميركيُّ دونالد ترامب أنه قد يلتقي نظيرَه الروسيَّ وبِبُوتين في هلسنكي بعد قمة حلف الناتو في بروكسل، ' +
    'وسيبحث خلال اللقاء قضايا سوريا وأوكرانيا.';

  it('puts the highlights on the original diacritized and clitic-prefixed words', () => {
    const snippet = makeSnippet(body, termsOf('بوتين هلسنكي الأمريكي'));
    expect(words(snippet.text, snippet.highlights)).toEqual(['الأميركيُّ', 'وبِبُوتين', 'هلسنكي']);
  });

  const arabicWord = fc.string({ unit: fc.constantFrom('ب', 'و', 'ت', 'ي', 'ن', 'ا', 'ل', 'َ', 'ُ', 'ّ', 'ـ'), minLength: 1, maxLength: 8 });
  const text = fc.array(fc.tuple(arabicWord, fc.constantFrom(' ', '، ', '. ', '\n\n', ' «')), { maxLength: 80 }).map((parts) => parts.flat().join(''));

  // Words from a small alphabet, so that queries hit; whitespace runs, so that the excerpt's
  // collapsed spaces move its words; texts long enough to need the scan past the opening.
  const spaced = fc
    .array(fc.tuple(arabicWord, fc.constantFrom(' ', '  ', '\n\n', ' \t ', '،\n ', '   «')), { maxLength: 400 })
    .map((parts) => parts.flat().join(''));

  it('highlights exactly the words of the excerpt that analyzing it finds', () => {
    fc.assert(
      fc.property(spaced, fc.array(arabicWord, { minLength: 1, maxLength: 3 }), fc.integer({ min: 20, max: 300 }), (body, query, length) => {
        const terms = termsOf(query.join(' '));
        const snippet = makeSnippet(body, terms, { length });
        expect(snippet.highlights).toEqual(highlightRanges(snippet.text, terms));
      }),
      { numRuns: 300 },
    );
  });

  it('highlights the words of an excerpt that reaches past the opening the matches were looked for in', () => {
    // The only cluster starts near the end of the opening (1,000 characters + the snippet's), so
    // the excerpt runs on past the words that were looked at.
    const text = `${'كلمة '.repeat(228)}بوتين قال ${'بوتين '.repeat(40)}`;
    const terms = new Set([analyzer.indexTerm('بوتين')!]);
    const snippet = makeSnippet(text, terms);
    expect(snippet.highlights).toEqual(highlightRanges(snippet.text, terms));
    expect(words(snippet.text, snippet.highlights).length).toBeGreaterThan(5);
  });

  it('keeps every highlight inside the snippet, in order, on whole words', () => {
    fc.assert(
      fc.property(text, fc.array(arabicWord, { maxLength: 3 }), fc.integer({ min: 20, max: 300 }), (body, query, length) => {
        const snippet = makeSnippet(body, termsOf(query.join(' ')), { length });
        let previousEnd = 0;
        for (const [start, end] of snippet.highlights) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(snippet.text.length);
          previousEnd = end;
        }
      }),
    );
  });
});

describe('makeSnippet for a title-only match', () => {
  it('takes the opening of the text without looking for matches further on', () => {
    const text = `${'كلمة '.repeat(400)}بوتين في موسكو`;
    const matched = makeSnippet(text, new Set([analyzer.indexTerm('بوتين')!]));
    const titleOnly = makeSnippet(text, new Set([analyzer.indexTerm('بوتين')!]), { textMatched: false });
    expect(matched.text).toContain('بوتين');
    expect(titleOnly.text.startsWith('كلمة كلمة')).toBe(true);
    expect(titleOnly.highlights).toEqual([]);
  });

  it('reads a long text through a prefix function only as far as it needs', () => {
    const asked: number[] = [];
    const text = `بوتين ${'كلمة '.repeat(5000)}`;
    makeSnippet(
      (maxChars) => {
        asked.push(maxChars);
        return text.slice(0, maxChars);
      },
      new Set([analyzer.indexTerm('بوتين')!]),
    );
    expect(asked.length).toBeGreaterThan(0);
    for (const maxChars of asked) expect(maxChars).toBeLessThan(2000);
  });
});
