import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../src/index.ts';
import { BASE, get } from './helpers.ts';

describe('HTTP caching', () => {
  it('gives search responses an ETag derived from the index hash and a public Cache-Control that revalidates (a live set can change any answer)', async () => {
    const health = await (await get('/api/health')).json<{ index: { hash: string } }>();
    const response = await get('/api/search?q=بوتين');
    expect(response.headers.get('ETag')).toMatch(new RegExp(`^"${health.index.hash.slice(0, 16)}-[0-9a-f]{8}"$`));
    expect(response.headers.get('Cache-Control')).toBe('public, no-cache');
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const first = await get('/api/search?q=سوريا');
    const etag = first.headers.get('ETag')!;
    const second = await get('/api/search?q=سوريا', { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
    expect(second.headers.get('ETag')).toBe(etag);
    expect(await second.text()).toBe('');
  });

  it('answers 200 to If-None-Match with another ETag', async () => {
    const response = await get('/api/search?q=سوريا', { headers: { 'If-None-Match': '"something-else"' } });
    expect(response.status).toBe(200);
  });

  it('shares the ETag between spellings the engine reads the same way, and answers each with its own query', async () => {
    const plain = await get('/api/search?q=بوتين');
    const marked = await get('/api/search?q=بُوتِين');
    expect(marked.headers.get('ETag')).toBe(plain.headers.get('ETag'));
    expect((await marked.json<{ query: string }>()).query).toBe('بُوتِين');
  });

  it('serves a repeated search from the edge cache', async () => {
    const q = encodeURIComponent('الأزمة السورية');
    // cache.put runs in waitUntil: wait for exactly that work, not for a guessed moment.
    const ctx = createExecutionContext();
    const first = await app.request(`${BASE}/api/search?q=${q}`, {}, env, ctx);
    expect(first.headers.get('Server-Timing')).not.toMatch(/edge cache/);
    await waitOnExecutionContext(ctx);
    const again = await get(`/api/search?q=${q}`);
    expect(again.headers.get('Server-Timing')).toMatch(/edge cache/);
    expect((await again.json<{ total: number }>()).total).toBeGreaterThan(0);
  });

  it('gives article responses an ETag and honours If-None-Match', async () => {
    const first = await get('/api/articles/000_02fe02eaac33e47f');
    const etag = first.headers.get('ETag')!;
    const second = await get('/api/articles/000_02fe02eaac33e47f', { headers: { 'If-None-Match': `W/${etag}` } });
    expect(second.status).toBe(304);
  });

  it('sets X-Content-Type-Options: nosniff on API responses and errors', async () => {
    for (const path of ['/api/search?q=بوتين', '/api/search', '/api/nothing', '/api/health', '/openapi.json', '/']) {
      expect((await get(path)).headers.get('X-Content-Type-Options'), path).toBe('nosniff');
    }
  });
});

describe('CORS', () => {
  it('lets any origin GET /api/* by default', async () => {
    const response = await get('/api/search?q=بوتين', { headers: { Origin: 'https://news.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toMatch(/Server-Timing/);
  });

  it('answers a preflight with the allowed methods', async () => {
    const response = await get('/api/search?q=x', {
      method: 'OPTIONS',
      headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('adds CORS headers to problem responses too', async () => {
    const response = await get('/api/search', { headers: { Origin: 'https://news.example' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
