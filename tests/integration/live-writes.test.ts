/**
 * Live updates through the Worker's entry, against the real LiveStore Durable Object (miniflare):
 * publish, correct, retract, bulk upload, and the write guards (token, media type, CORS).
 */
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index.ts';
import { LIVE_STORE_NAME, MAX_LIVE_ARTICLES } from '../../src/live/protocol.ts';
import { BASE, get, search, SEED_IDS, type ProblemBody, type SearchBody } from './helpers.ts';

const TOKEN = 'test-publish-token';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

function put(id: string, article: unknown, headers: Record<string, string> = AUTH): Promise<Response> {
  return get(`/api/articles/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(article),
  });
}

function retract(id: string, headers: Record<string, string> = AUTH): Promise<Response> {
  return get(`/api/articles/${encodeURIComponent(id)}`, { method: 'DELETE', headers });
}

async function searchIds(q: string): Promise<string[]> {
  const response = await search({ q, limit: '50' });
  expect(response.status).toBe(200);
  return ((await response.json()) as SearchBody).hits.map((hit) => hit.id);
}

/** An article as GET shows it → the body a PUT sends (no id, no empty fields). */
function bodyOf(shown: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(shown).filter(([key, value]) => key !== 'id' && value !== null && !(Array.isArray(value) && value.length === 0)));
}

const ARTICLE = {
  title: 'زلزال بقوة سبع درجات يضرب جزيرة كريكاتوا الخيالية',
  body: 'ضرب زلزال قوي جزيرة كريكاتوا فجر اليوم، وقالت السلطات إن فرق الإنقاذ تعمل في المنطقة.',
  date: '2026-11-20T06:30:00Z',
  source: 'وكالة الاختبار',
  url: 'https://news.example/quake',
  author: 'مراسل',
  tags: ['زلزال'],
};

describe('PUT /api/articles/:id', () => {
  it('answers 201 with the stored article for a new id, and the next search finds it', async () => {
    const response = await put('live-quake-1', ARTICLE);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 'live-quake-1', ...ARTICLE });
    expect((await searchIds('كريكاتوا'))[0]).toBe('live-quake-1');
    const article = await get('/api/articles/live-quake-1');
    expect(article.status).toBe(200);
    expect(((await article.json()) as { title: string }).title).toBe(ARTICLE.title);
  });

  it('answers 200 when it replaces an article, and searches see the correction only', async () => {
    expect((await put('live-quake-2', ARTICLE)).status).toBe(201);
    const corrected = { ...ARTICLE, title: 'تصحيح: هزة أرضية في أرخبيل بولاريا الخيالي', body: 'هزة أرضية خفيفة في أرخبيل بولاريا دون أضرار.' };
    const response = await put('live-quake-2', corrected);
    expect(response.status).toBe(200);
    expect(await searchIds('بولاريا')).toEqual(['live-quake-2']);
    expect(await searchIds('كريكاتوا')).not.toContain('live-quake-2');
  });

  it('answers 200 when it replaces an article of the embedded index', async () => {
    const id = SEED_IDS[3]!;
    const original = (await (await get(`/api/articles/${id}`)).json()) as Record<string, unknown>;
    const response = await put(id, { ...ARTICLE, title: 'نسخة مصححة عن جزيرة مونتيفالو الخيالية' });
    expect(response.status).toBe(200);
    expect(await searchIds('مونتيفالو')).toEqual([id]);
    // Back to the embedded text: the entry is folded (same content hash) and the base answers again.
    expect((await put(id, bodyOf(original))).status).toBe(200);
    expect(await searchIds('مونتيفالو')).toEqual([]);
    expect((await (await get(`/api/articles/${id}`)).json()) as Record<string, unknown>).toEqual(original);
  });

  it("refuses every bad field with the build's reasons in one invalid-article problem", async () => {
    const response = await put('live-bad-1', { title: '', body: 'نص', date: '2026-13-40', url: 'ftp://x', tags: [1] });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    const problem = (await response.json()) as ProblemBody & { errors: { field: string; reason: string }[] };
    expect(problem.type).toBe('/docs/problems#invalid-article');
    expect(problem.errors).toEqual([
      { field: 'title', reason: 'required and must not be empty' },
      { field: 'url', reason: '"ftp://x" is not an http(s) URL' },
      { field: 'date', reason: '"2026-13-40" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time)' },
      { field: 'tags', reason: 'must be a list of non-empty strings' },
    ]);
    expect((await get('/api/articles/live-bad-1')).status).toBe(404);
  });

  it("refuses a body whose id is not the path's", async () => {
    const response = await put('live-id-a', { ...ARTICLE, id: 'live-id-b' });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: unknown[] };
    expect(problem.errors).toEqual([{ field: 'id', reason: '"live-id-b" does not match the id in the path, "live-id-a"' }]);
  });

  it('answers 415 for a body that is not JSON by its Content-Type', async () => {
    const response = await get('/api/articles/live-x', { method: 'PUT', headers: { ...AUTH, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ProblemBody).detail).toBe('send the body as application/json, not "text/plain"');
  });

  it('answers 413 for an article body over 2 MiB', async () => {
    const response = await put('live-huge', { title: 'كبير', body: 'ا'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ProblemBody).detail).toBe('the request body is over the limit of 2097152 bytes for this route');
  });
});

describe('DELETE /api/articles/:id', () => {
  it('retracts an article of the embedded index: 204, then 404, and no search, suggestion or page shows it', async () => {
    const id = SEED_IDS[1]!;
    const original = (await (await get(`/api/articles/${id}`)).json()) as Record<string, unknown> & { title: string };
    const words = original.title
      .split(/\s+/)
      .filter((word) => word.length > 3)
      .slice(0, 3)
      .join(' ');
    expect(await searchIds(words)).toContain(id);
    expect((await retract(id)).status).toBe(204);
    expect((await get(`/api/articles/${id}`)).status).toBe(404);
    expect((await get(`/articles/${id}`)).status).toBe(404);
    expect(await searchIds(words)).not.toContain(id);
    // Published again as it was: the embedded article is back.
    expect((await put(id, bodyOf(original))).status).toBe(201);
    expect(await searchIds(words)).toContain(id);
  });

  it('retracts a live article, and retracting it again still answers 204', async () => {
    expect((await put('live-gone', { ...ARTICLE, title: 'خبر عن مدينة زانتاريا الخيالية' })).status).toBe(201);
    expect(await searchIds('زانتاريا')).toEqual(['live-gone']);
    const suggested = (await (await get('/api/suggest?q=زانتار')).json()) as { suggestions: { text: string }[] };
    expect(suggested.suggestions.map((s) => s.text)).toContain('زانتاريا');
    expect((await retract('live-gone')).status).toBe(204);
    expect(await searchIds('زانتاريا')).toEqual([]);
    const after = (await (await get('/api/suggest?q=زانتار')).json()) as { suggestions: unknown[] };
    expect(after.suggestions).toEqual([]);
    expect((await retract('live-gone')).status).toBe(204);
  });

  it('answers 404 for an id neither the index nor the live set holds', async () => {
    const response = await retract('never-published');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ProblemBody).detail).toBe('no article with id "never-published"');
  });
});

describe('POST /api/articles', () => {
  it('takes 1,000 articles in JSON Lines and reports each line', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({
        id: `bulk-${String(i).padStart(4, '0')}`,
        title: `نشرة رقم ${i} عن مقاطعة فيلوريا`,
        body: `تفاصيل النشرة ${i} من مقاطعة فيلوريا الخيالية.`,
      }),
    );
    lines.splice(500, 0, '{"id": "bulk-bad", "title": "بلا نص"}', 'not json');
    const response = await get('/api/articles', {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/x-ndjson' },
      body: `${lines.join('\n')}\n`,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      created: number;
      replaced: number;
      refused: number;
      lines: { line: number; id: string | null; status: string; errors?: unknown[] }[];
    };
    expect([report.created, report.replaced, report.refused]).toEqual([1000, 0, 2]);
    expect(report.lines[500]).toEqual({ line: 501, id: 'bulk-bad', status: 'refused', errors: [{ field: 'body', reason: 'required and must not be empty' }] });
    expect(report.lines[501]!.status).toBe('refused');
    expect(report.lines[501]!.line).toBe(502);
    expect(report.lines[0]).toEqual({ line: 1, id: 'bulk-0000', status: 'created' });
    const found = (await (await search({ q: 'فيلوريا' })).json()) as SearchBody;
    expect(found.total).toBe(1000);
    const again = await get('/api/articles', { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/x-ndjson' }, body: lines[0]! });
    expect(((await again.json()) as { lines: unknown[] }).lines).toEqual([{ line: 1, id: 'bulk-0000', status: 'replaced' }]);
  });
});

describe("the live set's bounds", () => {
  it('refuses a write that would hold more than the limit of live articles, committing none of it', async () => {
    const lines = Array.from({ length: MAX_LIVE_ARTICLES + 1 }, (_, i) => JSON.stringify({ id: `cap-${i}`, title: `خبر ${i}`, body: `نص الخبر ${i}.` }));
    const response = await get('/api/articles', { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/x-ndjson' }, body: lines.join('\n') });
    expect(response.status).toBe(507);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.type).toBe('/docs/problems#live-set-full');
    expect(problem.detail).toMatch(
      /^nothing written: this write would hold \d+ live articles, over the limit of 5000; fold the live set into the base with the next deploy/,
    );
    expect((await get('/api/articles/cap-0')).status).toBe(404);
  });

  it('forgets an entry once the embedded index holds the same article, and keeps serving it from the base', async () => {
    const id = SEED_IDS[2]!;
    const original = (await (await get(`/api/articles/${id}`)).json()) as Record<string, unknown>;
    expect((await put(id, bodyOf(original))).status).toBe(200);
    const store = env.LIVE_STORE.getByName(LIVE_STORE_NAME);
    expect((await store.changes('', 0)).changes.map((change) => change.id)).toContain(id);
    // The search that builds the version sees the entry folded and asks the store to forget it after answering.
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(`${BASE}/api/search?q=${encodeURIComponent(String(original['title']).split(' ')[0]!)}`), env, ctx);
    expect(response.status).toBe(200);
    await waitOnExecutionContext(ctx);
    expect((await store.changes('', 0)).changes.map((change) => change.id)).not.toContain(id);
    expect((await (await get(`/api/articles/${id}`)).json()) as Record<string, unknown>).toEqual(original);
  });
});

describe('write guards', () => {
  it('answers 401 with the same problem for a missing header, a malformed one and a wrong token', async () => {
    const answers = await Promise.all([
      put('live-auth', ARTICLE, {}),
      put('live-auth', ARTICLE, { Authorization: 'Basic abc' }),
      put('live-auth', ARTICLE, { Authorization: 'Bearer wrong-token' }),
      retract(SEED_IDS[0]!, { Authorization: 'Bearer nope' }),
    ]);
    for (const response of answers) {
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="publish"');
      expect(await response.json()).toEqual({
        instance: expect.stringMatching(/^\/api\/articles\/[\w-]+$/),
        type: '/docs/problems#unauthorized',
        title: 'Unauthorized',
        status: 401,
        detail: 'writes need Authorization: Bearer <publishing token>; this request does not carry a valid one',
      });
    }
    expect((await get('/api/articles/live-auth')).status).toBe(404);
    expect((await get(`/api/articles/${SEED_IDS[0]}`)).status).toBe(200);
  });

  it('answers 503 to every write when no PUBLISH_TOKEN is configured', async () => {
    const ctx = createExecutionContext();
    const request = new Request(`${BASE}/api/articles/live-nosecret`, {
      method: 'PUT',
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify(ARTICLE),
    });
    const response = await worker.fetch(request, { ...env, PUBLISH_TOKEN: undefined }, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(503);
    expect(((await response.json()) as ProblemBody).detail).toBe(
      'this deployment takes no writes: no PUBLISH_TOKEN secret is configured (the operator runs wrangler secret put PUBLISH_TOKEN)',
    );
  });

  it('gives writes no CORS headers, and the preflight does not allow them', async () => {
    const response = await put('live-cors', ARTICLE, { ...AUTH, Origin: 'https://evil.example' });
    expect(response.status).toBe(201);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await get('/api/articles/live-cors', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBeNull();
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toBeNull();
  });

  it('answers 405 with the write methods in Allow for other methods on an article', async () => {
    const response = await get('/api/articles/x', { method: 'PATCH', headers: AUTH });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT']);
  });

  it('keeps reads refusing a request body', async () => {
    const response = await exports.default.fetch(new Request(`${BASE}/api/search?q=x`, { method: 'POST', body: 'x' }));
    expect(response.status).toBe(413);
  });
});
