import { describe, expect, it } from 'vitest';
import { get, SEED_IDS } from './helpers.ts';
import { OPENAPI_DOCUMENT } from '../../src/api/openapi.ts';

describe('GET /api/articles/:id', () => {
  it('returns the full article with its metadata', async () => {
    const response = await get('/api/articles/004_982c28391604204f');
    expect(response.status).toBe(200);
    const article = await response.json<Record<string, unknown>>();
    expect(article).toMatchObject({
      id: '004_982c28391604204f',
      title: 'ترامب يأمل ويتوقع التحدث مع نظيره الروسي بوتين قريباً',
      source: 'وكالة الصحافة المستقلة',
      date: '2025-01-26',
      url: null,
      author: null,
    });
    expect(article['body']).toMatch(/^المستقلة\/- أكد الرئيس الأمريكي دونالد ترامب/);
    expect(article['body']).toMatch(/\n\n/);
  });

  it('serves every seed article', async () => {
    for (const id of SEED_IDS) expect((await get(`/api/articles/${id}`)).status, id).toBe(200);
  });
});

describe('GET /api/suggest', () => {
  it('completes the last word with corpus words, most frequent first', async () => {
    const body = await (await get(`/api/suggest?q=${encodeURIComponent('الرئيس بوت')}`)).json<{ suggestions: { text: string }[] }>();
    expect(body.suggestions[0]).toEqual({ text: 'الرئيس بوتين' });
  });

  it('completes across alef/hamza spellings (امري → أمريكي…)', async () => {
    const body = await (await get(`/api/suggest?q=${encodeURIComponent('امري')}`)).json<{ suggestions: { text: string }[] }>();
    expect(body.suggestions.length).toBeGreaterThan(0);
    for (const { text } of body.suggestions) expect(text.replace(/[أإآ]/g, 'ا')).toMatch(/^امري/);
  });

  it('suggests nothing after a trailing space', async () => {
    const body = await (await get(`/api/suggest?q=${encodeURIComponent('بوتين ')}`)).json<{ suggestions: unknown[] }>();
    expect(body.suggestions).toEqual([]);
  });

  it('respects limit', async () => {
    const body = await (await get(`/api/suggest?q=${encodeURIComponent('ال')}&limit=3`)).json<{ suggestions: unknown[] }>();
    expect(body.suggestions).toHaveLength(3);
  });
});

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every API route and its parameters', async () => {
    const doc = await (await get('/openapi.json')).json<typeof OPENAPI_DOCUMENT>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/articles',
      '/api/articles/{id}',
      '/api/health',
      '/api/live/export',
      '/api/search',
      '/api/suggest',
      '/openapi.json',
    ]);
    const searchParams = doc.paths['/api/search'].get.parameters.map((p) => p.name);
    expect(searchParams).toEqual(['q', 'limit', 'offset', 'source', 'from', 'to', 'sort']);
  });

  it('documents every problem status the routes can answer', async () => {
    const doc = await (await get('/openapi.json')).json<typeof OPENAPI_DOCUMENT>();
    expect(Object.keys(doc.paths['/api/search'].get.responses)).toEqual(expect.arrayContaining(['200', '304', '400']));
    expect(Object.keys(doc.paths['/api/articles/{id}'].get.responses)).toEqual(expect.arrayContaining(['200', '404']));
  });
});
