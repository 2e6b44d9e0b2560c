import { describe, expect, it } from 'vitest';
import { get, search, SEED_IDS, type SearchBody } from './helpers.ts';

async function ids(params: Record<string, string | string[]>): Promise<string[]> {
  const response = await search(params);
  expect(response.status).toBe(200);
  const body = await response.json<SearchBody>();
  return body.hits.map((hit) => hit.id);
}

describe('GET /api/search', () => {
  it('finds all five seed articles for بوتين', async () => {
    const response = await search({ q: 'بوتين' });
    const body = await response.json<SearchBody>();
    expect(body.total).toBe(5);
    expect(body.hits.map((hit) => hit.id).sort()).toEqual(SEED_IDS);
    expect(body).toMatchObject({ query: 'بوتين', offset: 0, limit: 10 });
  });

  it('returns each hit with title, source, date, url, score, snippet and highlights', async () => {
    const body = await (await search({ q: 'بوتين' })).json<SearchBody>();
    for (const hit of body.hits) {
      expect(Object.keys(hit).sort()).toEqual(['date', 'highlights', 'id', 'score', 'snippet', 'source', 'title', 'titleHighlights', 'url']);
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const [start, end] of hit.highlights) expect(hit.snippet.slice(start, end)).toMatch(/بوتين/);
    }
  });

  it('finds the same articles when the query carries diacritics and tatweel', async () => {
    expect(await ids({ q: 'بُوتِـــين' })).toEqual(await ids({ q: 'بوتين' }));
  });

  it('matches a word with a clitic prefix (وبوتين) to the bare word', async () => {
    expect((await ids({ q: 'وبوتين' })).sort()).toEqual(SEED_IDS);
  });

  it('treats alef/hamza variants alike: اميركا finds the articles that write أميركا and اميركا', async () => {
    const plain = await ids({ q: 'اميركا' });
    expect(plain).toEqual(expect.arrayContaining(['001_1e7204591e24c5fd', '002_77bb04e589020bf5']));
    expect(await ids({ q: 'أميركا' })).toEqual(plain);
    expect(await ids({ q: 'إميركا' })).toEqual(plain);
  });

  it('finds a Latin token case-insensitively (FBI)', async () => {
    expect(await ids({ q: 'fbi' })).toEqual(['002_77bb04e589020bf5']);
  });

  it('ranks a title match above body-only matches', async () => {
    const [first] = await ids({ q: 'القطيعة' });
    expect(first).toBe('002_77bb04e589020bf5');
  });

  it('filters by date range (from/to inclusive) and drops undated articles', async () => {
    expect(await ids({ q: 'بوتين', from: '2025-01-26', to: '2025-01-26' })).toEqual(['004_982c28391604204f']);
    expect(await ids({ q: 'بوتين', from: '2025-01-27' })).toEqual([]);
  });

  it('filters by source and counts facets over every source', async () => {
    const response = await search({ q: 'بوتين', source: 'شبكة رصد الإخبارية' });
    const body = await response.json<SearchBody>();
    expect(body.hits.map((hit) => hit.id)).toEqual(['001_1e7204591e24c5fd']);
    expect(body.facets.source).toEqual({ 'شبكة رصد الإخبارية': 1, 'وكالة الصحافة المستقلة': 1 });
  });

  it('accepts several source values', async () => {
    const found = await ids({ q: 'بوتين', source: ['شبكة رصد الإخبارية', 'وكالة الصحافة المستقلة'] });
    expect(found.sort()).toEqual(['001_1e7204591e24c5fd', '004_982c28391604204f']);
  });

  it('sorts by newest date first when sort=newest', async () => {
    const [first] = await ids({ q: 'بوتين', sort: 'newest' });
    expect(first).toBe('004_982c28391604204f');
  });

  it('pages with limit and offset without overlap', async () => {
    const all = await ids({ q: 'بوتين', limit: '5' });
    const firstPage = await ids({ q: 'بوتين', limit: '2' });
    const secondPage = await ids({ q: 'بوتين', limit: '2', offset: '2' });
    expect([...firstPage, ...secondPage]).toEqual(all.slice(0, 4));
  });

  it('returns only articles containing a quoted phrase in that order', async () => {
    expect(await ids({ q: '"قمة هلسنكي"' })).toEqual(['004_982c28391604204f']);
    expect(await ids({ q: '"هلسنكي قمة"' })).toEqual([]);
  });

  it('excludes articles containing a -word', async () => {
    const withHelsinki = await ids({ q: 'هلسنكي' });
    expect(withHelsinki.length).toBe(2);
    expect(await ids({ q: 'بوتين -هلسنكي' })).toEqual(expect.not.arrayContaining(withHelsinki));
    expect((await ids({ q: 'بوتين -هلسنكي' })).length).toBe(3);
  });

  it('keeps every positive word OR-ed when a -word is present', async () => {
    const found = await ids({ q: 'FBI هلسنكي -لافروف' });
    expect(found.sort()).toEqual(['000_02fe02eaac33e47f', '002_77bb04e589020bf5', '004_982c28391604204f']);
    expect(await ids({ q: 'FBI هلسنكي -هلسنكي -سيرجي' })).toEqual(['002_77bb04e589020bf5']);
  });

  it('answers 200 with no hits for a word that is not in the corpus', async () => {
    const body = await (await search({ q: 'زلزال' })).json<SearchBody>();
    expect(body).toMatchObject({ total: 0, hits: [] });
  });

  it("reports the search time and the whole handler's in Server-Timing", async () => {
    const response = await search({ q: 'سوريا' });
    const timing = response.headers.get('Server-Timing') ?? '';
    expect(timing).toMatch(/^search;dur=\d+(\.\d+)?/);
    const searchMs = Number(/search;dur=([\d.]+)/.exec(timing)?.[1]);
    const totalMs = Number(/total;dur=([\d.]+);desc="Worker"/.exec(timing)?.[1]);
    expect(totalMs).toBeGreaterThanOrEqual(searchMs);
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await get('/api/search?q=بوتين', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
