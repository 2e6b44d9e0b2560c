import { describe, expect, it } from 'vitest';
import * as generated from '../../../src/generated/index-data.js';
import { loadIndex } from '../../../src/search/read-index.ts';
import { isStopWord } from '../../../src/text/stopwords.ts';
import { cleanWord } from '../../../src/text/normalize.ts';

const analyzeToken = loadIndex(generated).analyzer.indexTerm;

describe('stop words', () => {
  it.each([
    ['preposition', 'في'],
    ['preposition, Egyptian spelling', 'فى'],
    ['preposition على', 'على'],
    ['preposition إلى', 'إلى'],
    ['relative', 'الذي'],
    ['relative, ى spelling', 'الذى'],
    ['pronoun, ى spelling', 'هى'],
    ['question word', 'متى'],
    ['question word', 'هل'],
    ['question word', 'كم'],
    ['question word with preposition', 'بماذا'],
    ['question words written joined', 'ماهو'],
    ['exception particle', 'إلا'],
    ['a bare article left by a typo', 'ال'],
    ['adverb, written with or without hamza', 'أيضا'],
    ['adverb, written with or without hamza', 'ايضا'],
    ['quantifier', 'بعض'],
    ['conjunction of time', 'عندما'],
  ])('drops a function word (%s): %s', (_kind, word) => {
    expect(isStopWord(cleanWord(word))).toBe(true);
    expect(analyzeToken(cleanWord(word))).toBeNull();
  });

  it.each([
    ['the name Ali (not the preposition على)', 'علي'],
    ['against: matters in news', 'ضد'],
    ['after: matters in dates', 'بعد'],
    ['year: a topic word in news', 'عام'],
    ['number: a topic word in news', 'عدد'],
    ['Putin', 'بوتين'],
  ])('keeps a content word (%s): %s', (_kind, word) => {
    expect(isStopWord(cleanWord(word))).toBe(false);
    expect(analyzeToken(cleanWord(word))).not.toBeNull();
  });

  it('decides على before ى is folded, so the preposition goes and the name stays', () => {
    expect(analyzeToken('على')).toBeNull();
    expect(analyzeToken('علي')).not.toBeNull();
  });

  it('finds diacritized function words once they are cleaned', () => {
    expect(analyzeToken(cleanWord('عَلَى'))).toBeNull();
    expect(analyzeToken(cleanWord('فِي'))).toBeNull();
  });
});
