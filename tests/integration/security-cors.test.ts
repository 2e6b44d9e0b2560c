import { env } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../src/index.ts';
import type { Env } from '../../src/app-env.ts';

const ALLOWED = 'https://news.example';
const ALSO_ALLOWED = 'https://www.news.example';
const LIST = ` ${ALLOWED} , ${ALSO_ALLOWED} `;

/** The app with CORS_ALLOWED_ORIGINS set for this request only. */
async function call(allowList: string | undefined, path: string, init: RequestInit = {}): Promise<Response> {
  const withList: Partial<Env> = { ...env };
  if (allowList === undefined) delete withList.CORS_ALLOWED_ORIGINS;
  else withList.CORS_ALLOWED_ORIGINS = allowList;
  return app.request(`http://search.test${path}`, init, withList, createExecutionContext());
}

const preflight = (origin: string): RequestInit => ({
  method: 'OPTIONS',
  headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'If-None-Match' },
});

describe('CORS with an allow-list (CORS_ALLOWED_ORIGINS)', () => {
  it.each([ALLOWED, ALSO_ALLOWED])('echoes the allowed origin %s and varies on Origin', async (origin) => {
    const response = await call(LIST, '/api/search?q=بوتين', { headers: { Origin: origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(response.headers.get('Vary')).toMatch(/Origin/);
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('ETag,Server-Timing,Retry-After');
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a look-alike suffix', 'https://news.example.evil.example'],
    ['the same host over http', 'http://news.example'],
    ['an opaque origin', 'null'],
  ])('gives no Access-Control-Allow-Origin to %s', async (_label, origin) => {
    const response = await call(LIST, '/api/search?q=بوتين', { headers: { Origin: origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers a preflight from an allowed origin with the methods and max age', async () => {
    const response = await call(LIST, '/api/search', preflight(ALLOWED));
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS');
    expect(response.headers.get('Access-Control-Max-Age')).toBe('86400');
  });

  it('answers a preflight from another origin without allowing it', async () => {
    const response = await call(LIST, '/api/search', preflight('https://evil.example'));
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('lets an allowed origin read problem documents (errors reach the widget)', async () => {
    const response = await call(LIST, '/api/search?limit=0', { headers: { Origin: ALLOWED } });
    expect(response.status).toBe(400);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
  });

  it('does not send CORS headers on the home page', async () => {
    const response = await call(LIST, '/', { headers: { Origin: ALLOWED } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('CORS open to every origin', () => {
  it.each([
    ['"*"', '*'],
    ['the default (unset)', undefined],
  ])('answers * to any origin when the list is %s', async (_label, list) => {
    const response = await call(list, '/api/health', { headers: { Origin: 'https://anyone.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const answer = await call(list, '/api/search', preflight('https://anyone.example'));
    expect(answer.status).toBe(204);
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
