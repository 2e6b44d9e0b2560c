import { describe, expect, it } from 'vitest';
import { get, search, type SearchBody } from './helpers.ts';

describe('GET /api/search with a misspelled word', () => {
  it('searches the closest corpus word, says so in didYouMean and highlights it', async () => {
    const body = await (await search({ q: 'قمة هلسنكل' })).json<SearchBody & { didYouMean?: string }>();
    expect(body.didYouMean).toBe('قمة هلسنكي');
    expect(body.total).toBeGreaterThan(0);
    const marked = body.hits.flatMap((hit) => hit.highlights.map(([start, end]) => hit.snippet.slice(start, end)));
    expect(marked).toContain('هلسنكي');
  });

  it('forgives a neighbouring key, a swap and a dropped letter', async () => {
    for (const typo of ['بوتبن', 'بتوين', 'بوين']) {
      const body = await (await search({ q: typo })).json<SearchBody & { didYouMean?: string }>();
      expect(body.didYouMean, typo).toBe('بوتين');
    }
  });

  it('corrects nothing in a word that matches, nor in a word of three letters', async () => {
    expect(((await (await search({ q: 'بوتين' })).json()) as { didYouMean?: string }).didYouMean).toBeUndefined();
    expect(((await (await search({ q: 'بوت' })).json()) as { didYouMean?: string }).didYouMean).toBeUndefined();
  });
});

describe('GET /api/suggest with a misspelled prefix', () => {
  it('completes the closest prefix when nothing starts with the typed one', async () => {
    const body = await (await get(`/api/suggest?q=${encodeURIComponent('الرئيص')}`)).json<{ suggestions: { text: string }[] }>();
    expect(body.suggestions.map((s) => s.text)).toContain('الرئيس');
  });
});
