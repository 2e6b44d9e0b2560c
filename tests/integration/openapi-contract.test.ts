/**
 * One contract for the API: every kind of answer the Worker gives is checked against the
 * /openapi.json it serves (openapi-checker.ts, with @cfworker/json-schema: OpenAPI 3.1's JSON
 * Schema 2020-12 without code generation, which workerd forbids). For each route and each
 * answer it can give (the hits, a did-you-mean, an estimate, every 400, 304, 404, the guards'
 * 405/413/414/429, the write routes' answers, a broken index's 503, an unexpected failure's
 * 500), a real request goes through the Worker's entry and its answer must be one the document
 * lists for that path, method and status, with a declared Content-Type, a body valid against the
 * declared schema and no field the schema leaves out. The last test checks the other direction:
 * every answer the document lists was seen here, but for the few that no request in a test can
 * cause, each with its reason.
 * Clients read this document and generate code from it: a drift between it and the Worker must
 * fail here, not surprise them. tests/build/openapi-lint.test.ts lints the document itself.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPENAPI_DOCUMENT } from '../../src/api/openapi.ts';
import { createApp } from '../../src/app.ts';
import type { Env } from '../../src/app-env.ts';
import * as generated from '../../src/generated/index-data.js';
import worker from '../../src/index.ts';
import type { LiveWriter } from '../../src/live/live-writer.ts';
import { localBackend, type SearchBackend } from '../../src/search/backend.ts';
import { QUERY_BUDGET } from '../../src/search/budget.ts';
import { loadIndex } from '../../src/search/read-index.ts';
import { INDEX_FORMAT_VERSION } from '../../src/search/options.ts';
import { createWorker } from '../../src/worker.ts';
import { BASE, get as getFromEntry, SEED_IDS } from './helpers.ts';
import { OpenApiContract } from './openapi-checker.ts';
import type { Method, OpenApiDocument } from './openapi-document.ts';

const AUTH = { Authorization: 'Bearer test-publish-token' };
const JSON_BODY = { ...AUTH, 'Content-Type': 'application/json' };
const NDJSON_BODY = { ...AUTH, 'Content-Type': 'application/x-ndjson' };
/** A URL over the 8 kB that src/http/request-limits.ts accepts. */
const LONG = 'ا'.repeat(2000);

const ARTICLE = {
  title: 'افتتاح جسر معلق فوق وادي سيلفانا الخيالي',
  body: 'افتتحت البلدية اليوم جسرًا معلقًا فوق وادي سيلفانا.\n\nوقال المهندسون إن الجسر يختصر الطريق ساعة.',
  date: '2026-11-21',
  source: 'وكالة العقد',
  url: 'https://news.example/bridge',
  author: 'مراسل العقد',
  tags: ['جسور'],
};

let contract: OpenApiContract;
/** "METHOD path status" of every answer checked so far. */
const seen = new Set<string>();
/** How each answer was asked for, so that conforms can ask for a GET's again with HEAD. */
const replays = new WeakMap<Response, () => Promise<Response>>();

/** What `send` answers to `init`, remembered with how to send the same request as HEAD. */
async function sent(send: (init: RequestInit) => Promise<Response>, init: RequestInit = {}): Promise<Response> {
  const response = await send(init);
  replays.set(response, () => send({ ...init, method: 'HEAD' }));
  return response;
}

/** A request through the Worker's entry (helpers.ts), replayable. */
const get = (path: string, init?: RequestInit): Promise<Response> => sent((options) => getFromEntry(path, options), init);

beforeAll(async () => {
  const response = await get('/openapi.json');
  expect(response.status).toBe(200);
  contract = new OpenApiContract((await response.json()) as OpenApiDocument);
});

/**
 * Checks that `response` is the `status` answer of `method` on the documented `path` and that the
 * document describes it; returns its body. An answer to a method the path does not serve is one
 * of the guards every operation of the path declares, so it counts as seen for all of them.
 */
async function conforms<T = unknown>(path: string, method: Method, response: Response, status: number): Promise<T> {
  expect(response.status, `${method.toUpperCase()} ${path}`).toBe(status);
  const { violations, body } = await contract.check(path, method, response);
  expect(violations).toEqual([]);
  const served = contract.operations(path).find(([other]) => other === method);
  for (const [other] of served === undefined ? contract.operations(path) : [served]) seen.add(`${other.toUpperCase()} ${path} ${status}`);
  // Every GET answer is also asked for with HEAD, which must be the same answer without a body.
  if (method === 'get' && served !== undefined) {
    const replay = replays.get(response);
    expect(replay, `GET ${path}: the request goes through sent(), so that its HEAD is checked too`).toBeDefined();
    const head = await replay!();
    expect(head.status, `HEAD ${path}`).toBe(status);
    expect((await contract.check(path, 'head', head)).violations).toEqual([]);
    seen.add(`HEAD ${path} ${status}`);
  }
  return body as T;
}

/** A request to the Worker's entry with other bindings (no limiter budget, no token, …). */
function withEnv(bindings: Partial<Env>, path: string, init?: RequestInit): Promise<Response> {
  return sent(async (options) => {
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(`${BASE}${path}`, options), { ...env, ...bindings }, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  }, init);
}

/** A rate limiting binding whose budget is always spent. */
const spent: RateLimit = { limit: () => Promise.resolve({ success: false }) };

const words = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `كلمة${String.fromCharCode(0x0628 + (i % 26))}${i >= 26 ? String.fromCharCode(0x0628 + Math.floor(i / 26)) : ''}`);

describe('the served document', () => {
  it('is the document src/api/openapi.ts describes, which tests/build/openapi-lint.test.ts lints', () => {
    expect(contract.doc).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
  });

  it('is itself an answer it declares', async () => {
    await conforms('/openapi.json', 'get', await get('/openapi.json'), 200);
  });
});

describe('the checker', () => {
  // Without these, a checker that passes everything would pass this whole file.
  const answer = (status: number, body: unknown, type = 'application/json'): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

  it('names the path, method and status of an answer the document does not list', async () => {
    const { violations } = await contract.check('/api/search', 'get', answer(418, {}));
    expect(violations).toEqual([expect.stringMatching(/^GET \/api\/search answered 418, a status the document does not list for it \(it lists 200, /)]);
  });

  it('refuses a body that breaks the schema, a field the schema does not declare and a Content-Type it does not list', async () => {
    const health = { status: 'ok', articles: 5, index: { version: 1, hash: 'x', builtAt: '2026-01-01T00:00:00Z' } };
    expect((await contract.check('/api/health', 'get', answer(200, health))).violations).toEqual([]);
    expect((await contract.check('/api/health', 'get', answer(200, { ...health, articles: 'five' }))).violations).toEqual([
      expect.stringContaining('#/articles: Instance type "string" is invalid'),
    ]);
    expect((await contract.check('/api/health', 'get', answer(200, { ...health, index: { ...health.index, size: 3 } }))).violations).toEqual([
      expect.stringMatching(
        /^GET \/api\/health 200 has a field that .* does not declare: #\/index: Property "size" does not match unevaluated properties schema/,
      ),
    ]);
    expect((await contract.check('/api/health', 'get', answer(200, health, 'text/plain'))).violations).toEqual([
      'GET /api/health 200 answered Content-Type "text/plain"; the document declares application/json',
    ]);
  });

  it('refuses a problem document without its members, or whose status is not the HTTP status', async () => {
    const problem = { type: '/docs/problems#not-found', title: 'Not found', status: 404, detail: 'no article', instance: '/api/articles/x' };
    const check = (body: unknown) => contract.check('/api/articles/{id}', 'get', answer(404, body, 'application/problem+json'));
    expect((await check(problem)).violations).toEqual([]);
    expect((await check({ ...problem, detail: undefined })).violations).toEqual([expect.stringContaining('Instance does not have required property "detail"')]);
    expect((await check({ ...problem, status: 400 })).violations).toEqual([expect.stringContaining("the problem's status member is 400, not the HTTP status")]);
  });

  it('refuses an answer without a header the document requires, or with one its schema refuses', async () => {
    const problem = { type: '/docs/problems#too-many-requests', title: 'Too many requests', status: 429, detail: 'slow down', instance: '/api/health' };
    const limited = (retryAfter?: string): Response =>
      new Response(JSON.stringify(problem), {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }) },
      });
    expect((await contract.check('/api/health', 'get', limited('60'))).violations).toEqual([]);
    expect((await contract.check('/api/health', 'get', limited())).violations).toEqual(['GET /api/health 429: the required header Retry-After is missing']);
    expect((await contract.check('/api/health', 'get', limited('soon'))).violations).toEqual([
      expect.stringMatching(/^GET \/api\/health 429 header Retry-After does not match .*Instance type "string" is invalid/),
    ]);
  });

  it('refuses a body on an answer the document declares without one', async () => {
    // A Response cannot be a 304 with a body: the checker reads only these three members.
    const notModified = { status: 304, headers: new Headers({ 'Content-Type': 'application/json' }), text: () => Promise.resolve('{}') };
    expect((await contract.check('/api/search', 'get', notModified)).violations).toEqual([
      'GET /api/search 304 has a body ("application/json"), but the document declares none',
    ]);
  });
});

describe('GET /api/search', () => {
  it('answers hits, facets and highlights as SearchResponse declares', async () => {
    const body = await conforms<{ total: number; hits: unknown[] }>('/api/search', 'get', await get(`/api/search?q=${encodeURIComponent('بوتين')}`), 200);
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.length).toBeGreaterThan(0);
  });

  it('answers a filtered, sorted, paged search and a search that finds nothing', async () => {
    const filtered = `/api/search?q=${encodeURIComponent('بوتين')}&limit=1&offset=1&sort=newest&from=2000-01-01&to=2030-12-31&source=${encodeURIComponent('الجزيرة')}&source=x`;
    await conforms('/api/search', 'get', await get(filtered), 200);
    expect((await conforms<{ total: number }>('/api/search', 'get', await get('/api/search?q=!!!'), 200)).total).toBe(0);
  });

  it('answers a misspelled query with didYouMean', async () => {
    const body = await conforms<{ didYouMean?: string }>('/api/search', 'get', await get(`/api/search?q=${encodeURIComponent('بوتبن')}`), 200);
    expect(body.didYouMean).toBe('بوتين');
  });

  it('answers from the edge cache with the same shape', async () => {
    const path = `/api/search?q=${encodeURIComponent('وزير الخارجية')}`;
    await conforms('/api/search', 'get', await withEnv({}, path), 200);
    const cached = await withEnv({}, path);
    expect(cached.headers.get('Server-Timing')).toContain('edge cache');
    await conforms('/api/search', 'get', cached, 200);
  });

  it('answers 304 without a body to If-None-Match with the current ETag', async () => {
    const path = `/api/search?q=${encodeURIComponent('سوريا')}`;
    const etag = (await get(path)).headers.get('ETag')!;
    await conforms('/api/search', 'get', await get(path, { headers: { 'If-None-Match': etag } }), 304);
  });

  it.each([
    ['without q', '/api/search', 'missing-parameter', 'q'],
    ['with limit=0', '/api/search?q=x&limit=0', 'invalid-parameter', 'limit'],
    ['with an impossible date', '/api/search?q=x&from=2025-02-30', 'invalid-parameter', 'from'],
    [
      `with ${QUERY_BUDGET.distinctWords + 1} different words, over the work budget`,
      `/api/search?q=${encodeURIComponent(words(QUERY_BUDGET.distinctWords + 1).join(' '))}`,
      'invalid-parameter',
      'q',
    ],
  ])('answers a search %s with a 400 problem naming the parameter', async (_, path, type, parameter) => {
    const problem = await conforms<{ type: string; parameter: string }>('/api/search', 'get', await get(path), 400);
    expect(problem).toMatchObject({ type: `/docs/problems#${type}`, parameter });
  });

  it("answers estimated when more articles hold a phrase's words than the budget verifies", async () => {
    const count = QUERY_BUDGET.phraseChecks + 20;
    const lines = Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        id: `contract-cloud-${i}`,
        title: `نشرة الطقس ${i}`,
        body: i % 2 === 0 ? `غيمة بنفسجية فوق قرية ${i}.` : `غيمة فوق البحر، والسماء بنفسجية ${i}.`,
      }),
    );
    const report = await conforms<{ created: number }>(
      '/api/articles',
      'post',
      await get('/api/articles', { method: 'POST', headers: NDJSON_BODY, body: lines.join('\n') }),
      200,
    );
    expect(report.created).toBe(count);
    const body = await conforms<{ estimated?: boolean }>('/api/search', 'get', await get(`/api/search?q=${encodeURIComponent('"غيمة بنفسجية"')}`), 200);
    expect(body.estimated).toBe(true);
  });
});

describe('GET /api/suggest', () => {
  it('answers completions, 304 to its ETag, and a 400 problem without q', async () => {
    const path = `/api/suggest?q=${encodeURIComponent('ال')}&limit=3`;
    const first = await get(path);
    const etag = first.headers.get('ETag')!;
    expect((await conforms<{ suggestions: unknown[] }>('/api/suggest', 'get', first, 200)).suggestions).toHaveLength(3);
    await conforms('/api/suggest', 'get', await get(path, { headers: { 'If-None-Match': etag } }), 304);
    await conforms('/api/suggest', 'get', await get('/api/suggest'), 400);
    await conforms('/api/suggest', 'get', await get('/api/suggest?q=x&limit=100'), 400);
  });
});

describe('GET /api/articles/{id}', () => {
  it('answers the article, 304 to its ETag, and a 404 problem naming an unknown id', async () => {
    const first = await get(`/api/articles/${SEED_IDS[0]}`);
    const etag = first.headers.get('ETag')!;
    expect((await conforms<{ id: string }>('/api/articles/{id}', 'get', first, 200)).id).toBe(SEED_IDS[0]);
    await conforms('/api/articles/{id}', 'get', await get(`/api/articles/${SEED_IDS[0]}`, { headers: { 'If-None-Match': etag } }), 304);
    expect(await conforms<{ parameter: string }>('/api/articles/{id}', 'get', await get('/api/articles/no-such-article'), 404)).toMatchObject({
      parameter: 'id',
    });
  });
});

describe('GET /api/health', () => {
  it('answers the index status, with the live set it serves', async () => {
    const body = await conforms<{ status: string; live?: unknown }>('/api/health', 'get', await get('/api/health'), 200);
    expect(body.status).toBe('ok');
    expect(body.live).toBeDefined();
  });

  it('answers 503 with the health document, status degraded, when a shard does not answer', async () => {
    // The route over a sharded backend with one shard down (the sharded backend's own tests cover how it finds out).
    const base = localBackend(loadIndex(generated));
    const sharded: SearchBackend = {
      ...base,
      shardHealth: () =>
        Promise.resolve([
          { name: 'shard-0', status: 'ok', articles: 3 },
          { name: 'shard-1', status: 'unavailable', articles: 0 },
        ]),
    };
    const app = createApp({ backendFor: () => sharded });
    const body = await conforms<{ status: string }>(
      '/api/health',
      'get',
      await sent((init) => Promise.resolve(app.request('/api/health', init, env, createExecutionContext()))),
      503,
    );
    expect(body.status).toBe('degraded');
  });
});

describe('a Worker whose index it cannot read', () => {
  // The index of another format version: every route that searches answers an index-unavailable problem.
  const broken = createWorker({ ...generated, manifest: { ...generated.manifest, formatVersion: INDEX_FORMAT_VERSION + 1 } });
  const request = (path: string): Promise<Response> => sent((init) => Promise.resolve(broken.request(path, init, env, createExecutionContext())));

  it.each([
    ['/api/search', '/api/search?q=x'],
    ['/api/suggest', '/api/suggest?q=x'],
    ['/api/articles/{id}', `/api/articles/${SEED_IDS[0]}`],
    ['/api/health', '/api/health'],
  ])('answers %s with a 503 index-unavailable problem', async (path, url) => {
    expect(await conforms<{ type: string }>(path, 'get', await request(url), 503)).toMatchObject({ type: '/docs/problems#index-unavailable' });
  });

  it('still serves the document', async () => {
    await conforms('/openapi.json', 'get', await request('/openapi.json'), 200);
  });
});

describe('a sharded corpus with a shard down', () => {
  it('answers a partial search naming the shards that did not answer', async () => {
    const base = localBackend(loadIndex(generated));
    const sharded: SearchBackend = { ...base, search: async (request) => ({ ...(await base.search(request)), partial: true, unavailableShards: ['shard-1'] }) };
    const app = createApp({ backendFor: () => sharded });
    const body = await conforms<{ partial?: boolean }>(
      '/api/search',
      'get',
      await sent((init) => Promise.resolve(app.request(`/api/search?q=${encodeURIComponent('بوتين')}`, init, env, createExecutionContext()))),
      200,
    );
    expect(body.partial).toBe(true);
  });
});

describe('the guards before every route', () => {
  it.each([
    ['/api/search', 'POST', '/api/search?q=x'],
    ['/api/suggest', 'DELETE', '/api/suggest?q=x'],
    ['/api/articles/{id}', 'PATCH', `/api/articles/${SEED_IDS[0]}`],
    ['/api/articles', 'GET', '/api/articles'],
    ['/api/live/export', 'POST', '/api/live/export'],
    ['/api/health', 'PUT', '/api/health'],
    ['/openapi.json', 'DELETE', '/openapi.json'],
  ])('answers 405 with Allow on %s to %s', async (path, method, url) => {
    const response = await get(url, { method, headers: AUTH });
    await conforms(path, method.toLowerCase() as Method, response, 405);
  });

  it.each([
    ['/api/search', '/api/search?q=x'],
    ['/api/suggest', '/api/suggest?q=x'],
    ['/api/articles/{id}', `/api/articles/${SEED_IDS[0]}`],
    ['/api/health', '/api/health'],
    ['/openapi.json', '/openapi.json'],
  ])('answers 413 on %s to a request with a body', async (path, url) => {
    await conforms(path, 'post', await get(url, { method: 'POST', body: 'x' }), 413);
  });

  it.each([
    ['/api/search', 'get', `/api/search?q=x&pad=${LONG}`],
    ['/api/suggest', 'get', `/api/suggest?q=x&pad=${LONG}`],
    ['/api/articles/{id}', 'get', `/api/articles/${LONG}`],
    ['/api/articles/{id}', 'put', `/api/articles/${LONG}`],
    ['/api/articles/{id}', 'delete', `/api/articles/${LONG}`],
    ['/api/articles', 'post', `/api/articles?pad=${LONG}`],
    ['/api/live/export', 'get', `/api/live/export?pad=${LONG}`],
    ['/api/health', 'get', `/api/health?pad=${LONG}`],
    ['/openapi.json', 'get', `/openapi.json?pad=${LONG}`],
  ] as const)('answers 414 on %s to %s with a URL over 8 kB', async (path, method, url) => {
    const write = method !== 'get' || path === '/api/live/export';
    const init: RequestInit = {
      method: method.toUpperCase(),
      headers: write ? JSON_BODY : {},
      ...(method === 'put' || method === 'post' ? { body: '{}' } : {}),
    };
    await conforms(path, method, await get(url, init), 414);
  });

  it.each([
    ['/api/search', '/api/search?q=x'],
    ['/api/suggest', '/api/suggest?q=x'],
    ['/api/articles/{id}', `/api/articles/${SEED_IDS[0]}`],
    ['/api/health', '/api/health'],
  ])('answers 429 with Retry-After on %s once the client has spent its budget', async (path, url) => {
    await conforms(path, 'get', await withEnv({ RATE_LIMITER: spent }, url), 429);
  });
});

describe('PUT /api/articles/{id}', () => {
  const put = (id: string, body: string, headers: Record<string, string> = JSON_BODY): Promise<Response> =>
    get(`/api/articles/${encodeURIComponent(id)}`, { method: 'PUT', headers, body });

  it('sends an article the document declares as ArticleInput', () => {
    expect(contract.checkRequest('/api/articles/{id}', 'put', 'application/json', ARTICLE)).toEqual([]);
  });

  it('answers 201 with the article for a new id, then 200 when it replaces it', async () => {
    expect(await conforms('/api/articles/{id}', 'put', await put('contract-bridge', JSON.stringify(ARTICLE)), 201)).toEqual({
      id: 'contract-bridge',
      ...ARTICLE,
    });
    const corrected = { title: 'تصحيح: جسر وادي سيلفانا', body: 'نص مصحح.' };
    expect(await conforms('/api/articles/{id}', 'put', await put('contract-bridge', JSON.stringify(corrected)), 200)).toMatchObject({
      id: 'contract-bridge',
      ...corrected,
      source: null,
      tags: [],
    });
  });

  it('answers a 400 invalid-article problem listing every bad field', async () => {
    const problem = await conforms<{ errors: { field: string }[] }>(
      '/api/articles/{id}',
      'put',
      await put('contract-bad', JSON.stringify({ title: '', body: 'نص', date: '2026-13-40', tags: [1] })),
      400,
    );
    expect(problem.errors.map((error) => error.field)).toEqual(['title', 'date', 'tags']);
    await conforms('/api/articles/{id}', 'put', await put('contract-bad', 'not json'), 400);
    await conforms('/api/articles/{id}', 'put', await put('contract-id-a', JSON.stringify({ ...ARTICLE, id: 'contract-id-b' })), 400);
  });

  it('answers 401 without the token, 415 for a body that is not JSON, 413 for one over 2 MiB', async () => {
    await conforms('/api/articles/{id}', 'put', await put('contract-x', JSON.stringify(ARTICLE), { 'Content-Type': 'application/json' }), 401);
    await conforms('/api/articles/{id}', 'put', await put('contract-x', JSON.stringify(ARTICLE), { ...AUTH, 'Content-Type': 'text/plain' }), 415);
    await conforms('/api/articles/{id}', 'put', await put('contract-x', JSON.stringify({ title: 'كبير', body: 'ا'.repeat(1_100_000) })), 413);
  });
});

describe('DELETE /api/articles/{id}', () => {
  const retract = (id: string, init: RequestInit = {}): Promise<Response> =>
    get(`/api/articles/${encodeURIComponent(id)}`, { method: 'DELETE', headers: AUTH, ...init });

  it('answers 204 without a body, and 404 for an id nothing holds', async () => {
    await conforms(
      '/api/articles/{id}',
      'put',
      await get('/api/articles/contract-gone', { method: 'PUT', headers: JSON_BODY, body: JSON.stringify(ARTICLE) }),
      201,
    );
    await conforms('/api/articles/{id}', 'delete', await retract('contract-gone'), 204);
    await conforms('/api/articles/{id}', 'delete', await retract('contract-never-published'), 404);
  });

  it('answers 401 without the token and 413 to a body', async () => {
    await conforms('/api/articles/{id}', 'delete', await retract(SEED_IDS[0]!, { headers: {} }), 401);
    await conforms('/api/articles/{id}', 'delete', await retract(SEED_IDS[0]!, { body: 'x' }), 413);
  });
});

describe('POST /api/articles', () => {
  const post = (body: string, headers: Record<string, string> = NDJSON_BODY): Promise<Response> => get('/api/articles', { method: 'POST', headers, body });

  it('answers a report per line: created, replaced and refused with their field errors', async () => {
    const lines = [
      JSON.stringify({ id: 'contract-bulk-1', title: 'خبر أول عن سيلفانا', body: 'نص.' }),
      JSON.stringify({ id: 'contract-bulk-bad', title: 'بلا نص' }),
      'not json',
    ];
    expect(await conforms<{ created: number }>('/api/articles', 'post', await post(lines.join('\n')), 200)).toMatchObject({
      created: 1,
      replaced: 0,
      refused: 2,
    });
    const again = await conforms<{ lines: unknown[] }>('/api/articles', 'post', await post(lines[0]!), 200);
    expect(again.lines).toEqual([{ line: 1, id: 'contract-bulk-1', status: 'replaced' }]);
  });

  it("answers 401 without the token, 415 for another media type, 413 past 10,000 lines, 507 past the live set's bound", async () => {
    await conforms('/api/articles', 'post', await post('{}', { 'Content-Type': 'application/x-ndjson' }), 401);
    await conforms('/api/articles', 'post', await post('{}', { ...AUTH, 'Content-Type': 'application/json' }), 415);
    await conforms('/api/articles', 'post', await post(Array.from({ length: 10_001 }, () => '{}').join('\n')), 413);
    // One request over the bound is refused whole: it writes nothing, so later tests see the same live set.
    const over = Array.from({ length: 5_001 }, (_, i) => JSON.stringify({ id: `contract-cap-${i}`, title: `خبر ${i}`, body: `نص ${i}.` }));
    await conforms('/api/articles', 'post', await post(over.join('\n')), 507);
  });
});

describe('GET /api/live/export', () => {
  it('answers JSON Lines as application/x-ndjson, and 401 without the token', async () => {
    const response = await get('/api/live/export', { headers: AUTH });
    expect(response.headers.get('Content-Type')).toBe('application/x-ndjson; charset=utf-8');
    const text = await conforms<string>('/api/live/export', 'get', response, 200);
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThan(0);
    await conforms('/api/live/export', 'get', await get('/api/live/export'), 401);
  });
});

describe('the write guards', () => {
  it.each([
    ['/api/articles/{id}', 'put', '/api/articles/contract-guard', JSON.stringify(ARTICLE), 'application/json'],
    ['/api/articles/{id}', 'delete', '/api/articles/contract-guard', undefined, undefined],
    ['/api/articles', 'post', '/api/articles', JSON.stringify({ id: 'contract-guard', ...ARTICLE }), 'application/x-ndjson'],
    ['/api/live/export', 'get', '/api/live/export', undefined, undefined],
  ] as const)('answer %s %s with 429 past the write budget and 503 without a token configured', async (path, method, url, body, type) => {
    const init = (): RequestInit => ({
      method: method.toUpperCase(),
      headers: { ...AUTH, ...(type === undefined ? {} : { 'Content-Type': type }) },
      ...(body === undefined ? {} : { body }),
    });
    await conforms(path, method, await withEnv({ WRITE_RATE_LIMITER: spent }, url, init()), 429);
    await conforms(path, method, await withEnv({ PUBLISH_TOKEN: undefined }, url, init()), 503);
  });
});

describe('an unexpected failure', () => {
  // A plain Error where the index or the live store should answer: what app.onError makes of any bug.
  const failure = (): never => {
    throw new Error('openapi-contract: an unexpected failure');
  };
  const failingStore: LiveWriter = { inBase: () => false, write: () => Promise.resolve(failure()), exportAll: () => Promise.resolve(failure()) };
  const app = createApp({ backendFor: failure, liveFor: () => failingStore });
  const request = (url: string, init: RequestInit = {}): Promise<Response> =>
    sent((options) => Promise.resolve(app.request(url, options, env, createExecutionContext())), init);
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['/api/search', 'get', '/api/search?q=x', {}],
    ['/api/suggest', 'get', '/api/suggest?q=x', {}],
    ['/api/articles/{id}', 'get', `/api/articles/${SEED_IDS[0]}`, {}],
    ['/api/health', 'get', '/api/health', {}],
    ['/api/articles/{id}', 'put', '/api/articles/contract-failure', { headers: JSON_BODY, body: JSON.stringify(ARTICLE) }],
    ['/api/articles/{id}', 'delete', '/api/articles/contract-failure', { headers: AUTH }],
    ['/api/articles', 'post', '/api/articles', { headers: NDJSON_BODY, body: JSON.stringify({ id: 'contract-failure', ...ARTICLE }) }],
    ['/api/live/export', 'get', '/api/live/export', { headers: AUTH }],
  ] as const)('answers %s %s with a 500 internal-error problem that says nothing of the cause, which it logs', async (path, method, url, init) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const problem = await conforms<{ type: string; detail: string }>(path, method, await request(url, { method: method.toUpperCase(), ...init }), 500);
    expect(problem).toMatchObject({ type: '/docs/problems#internal-error' });
    expect(problem.detail).not.toContain('openapi-contract');
    expect(logged).toHaveBeenCalledWith('unexpected error', expect.objectContaining({ message: 'openapi-contract: an unexpected failure' }));
  });
});

/** Answers the document lists that no request in a test can cause, and why. */
const NOT_CAUSED: Record<string, string> = {
  'PUT /api/articles/{id} 507':
    'only once 5,000 articles are live; filling the live set would change what every later test sees (POST 507, refused whole, is checked)',
};

describe('the document, the other way round', () => {
  it('lists no answer that no test here has seen, but those no test can cause', () => {
    const unseen = contract.declaredAnswers().filter((answer) => !seen.has(answer) && NOT_CAUSED[answer] === undefined);
    expect(unseen).toEqual([]);
    expect(Object.keys(NOT_CAUSED).filter((answer) => seen.has(answer))).toEqual([]);
  });
});
