/** The widget's result counts: exact totals, the shown part of one, and an estimate (the API's `estimated`). */
import { describe, expect, it } from 'vitest';
import { countText, estimatedText, shownText } from '../../src/widget/strings.ts';

describe('widget result counts', () => {
  it('says an estimated total as "more than N"', () => {
    expect(estimatedText(10, 120, 'latn')).toBe('10 من أكثر من 120 نتيجة');
    expect(estimatedText(120, 120, 'latn')).toBe('أكثر من 120 نتيجة');
    expect(estimatedText(10, 120, 'arab')).toBe('١٠ من أكثر من ١٢٠ نتيجة');
  });

  it('says an exact total with the Arabic plural forms', () => {
    expect(countText(1, 'latn')).toBe('نتيجة واحدة');
    expect(countText(2, 'latn')).toBe('نتيجتان');
    expect(shownText(10, 2, 'latn')).toBe('10 من نتيجتين');
  });
});
