import { describe, expect, it } from 'vitest';
import { get } from './helpers.ts';

/** Every kind of answer the Worker gives: pages, API successes, 304, and every error status. */
const REQUESTS: [label: string, path: string, init?: RequestInit][] = [
  ['home page', '/'],
  ['article page', '/articles/000_02fe02eaac33e47f'],
  ['article page 404', '/articles/no-such-article'],
  ['widget script', '/widget.js'],
  ['OpenAPI document', '/openapi.json'],
  ['search', '/api/search?q=بوتين'],
  ['suggest', '/api/suggest?q=بو'],
  ['article', '/api/articles/000_02fe02eaac33e47f'],
  ['health', '/api/health'],
  ['400 problem', '/api/search?limit=0'],
  ['404 problem (API)', '/api/articles/no-such-article'],
  ['404 problem (other path)', '/no/such/page'],
  ['405 problem', '/api/search?q=x', { method: 'DELETE' }],
  ['413 problem', '/api/search?q=x', { method: 'POST', body: 'q=x' }],
  ['414 problem', `/api/search?q=${'a'.repeat(9000)}`],
  ['OPTIONS without preflight', '/api/health', { method: 'OPTIONS' }],
  ['CORS preflight', '/api/search', { method: 'OPTIONS', headers: { Origin: 'https://a.example', 'Access-Control-Request-Method': 'GET' } }],
  ['HEAD', '/api/health', { method: 'HEAD' }],
];

describe('security headers', () => {
  it.each(REQUESTS)('are set on the %s response', async (_label, path, init) => {
    const response = await get(path, init);
    const headers = response.headers;
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d{7,}/);
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(headers.get('Content-Security-Policy')).toMatch(/frame-ancestors 'none'/);
    expect(headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'/);
  });

  it.each(['/', '/articles/000_02fe02eaac33e47f'])('allows no inline or foreign script on the page %s', async (path) => {
    const response = await get(path);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    const policy = response.headers.get('Content-Security-Policy') ?? '';
    expect(policy).toMatch(/^default-src 'none'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
  });

  it('answers a 304 with the security headers too', async () => {
    const first = await get('/api/articles/000_02fe02eaac33e47f');
    const etag = first.headers.get('ETag')!;
    const response = await get('/api/articles/000_02fe02eaac33e47f', { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('request size caps', () => {
  it('answers 414 with a problem when the URL is over 8 kB', async () => {
    const response = await get(`/api/search?q=${'a'.repeat(8200)}`);
    expect(response.status).toBe(414);
    const body = await response.json<{ type: string; detail: string }>();
    expect(body.type).toBe('/docs/problems#uri-too-long');
    expect(body.detail).toMatch(/^the URL is \d+ bytes long; the limit is 8192$/);
  });

  it('still answers a long but valid search (256 Arabic letters, percent-encoded)', async () => {
    const response = await get(`/api/search?q=${encodeURIComponent('ب'.repeat(256))}&source=${encodeURIComponent('صحيفة')}`);
    expect(response.status).toBe(200);
  });

  it.each(['POST', 'PUT', 'PATCH'])('answers 413 to a %s with a body, before routing', async (method) => {
    const response = await get('/api/search?q=x', { method, body: JSON.stringify({ q: 'x' }) });
    expect(response.status).toBe(413);
    const body = await response.json<{ type: string; detail: string }>();
    expect(body.type).toBe('/docs/problems#content-too-large');
    expect(body.detail).toBe('this API is read-only and takes no request body; use GET with query parameters');
  });

  it('answers 405 to a POST without a body', async () => {
    const response = await get('/api/search?q=x', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });
});
