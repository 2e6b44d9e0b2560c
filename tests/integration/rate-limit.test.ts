import { env } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../src/index.ts';
import type { Env } from '../../src/app-env.ts';
import { clientKey, RETRY_AFTER_SECONDS } from '../../src/http/rate-limit.ts';
import type { ProblemBody } from './helpers.ts';

// vitest.config.ts declares RATE_LIMITER_STRICT: the real Miniflare binding with 3 requests a minute.
const strict = env.RATE_LIMITER_STRICT;

/** Each test uses its own client addresses, so budgets never carry over between tests. */
let nextClient = 1;
const newClient = (): string => `198.51.100.${nextClient++}`;

function request(path: string, client: string | undefined, bindings: Partial<Env>): Promise<Response> {
  const headers: Record<string, string> = client === undefined ? {} : { 'CF-Connecting-IP': client };
  return Promise.resolve(app.request(`http://search.test${path}`, { headers }, bindings, createExecutionContext()));
}

async function statuses(path: string, client: string | undefined, bindings: Partial<Env>, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await request(path, client, bindings)).status);
  return result;
}

describe('rate limiting on /api/*', () => {
  const limited: Env = { ...env, RATE_LIMITER: strict };

  it('answers 429 with Retry-After once a client has used its budget', async () => {
    const client = newClient();
    expect(await statuses('/api/health', client, limited, 3)).toEqual([200, 200, 200]);
    const response = await request('/api/articles/000_02fe02eaac33e47f', client, limited);
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const body = await response.json<ProblemBody>();
    expect(body).toMatchObject({ type: '/docs/problems#too-many-requests', title: 'Too many requests', status: 429 });
    expect(body.detail).toBe(`too many requests from this client; retry after ${RETRY_AFTER_SECONDS} seconds`);
  });

  it('keeps security headers and CORS on the 429 so a browser widget can read it', async () => {
    const client = newClient();
    await statuses('/api/health', client, limited, 3);
    const response = await app.request(
      'http://search.test/api/health',
      { headers: { 'CF-Connecting-IP': client, Origin: 'https://news.example' } },
      limited,
      createExecutionContext(),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('gives every client address its own budget', async () => {
    const first = newClient();
    const second = newClient();
    expect(await statuses('/api/health', first, limited, 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses('/api/health', second, limited, 3)).toEqual([200, 200, 200]);
  });

  it('gives one budget to all the addresses of an IPv6 /64', async () => {
    expect(await statuses('/api/health', '2001:db8:aa:1::1', limited, 2)).toEqual([200, 200]);
    expect(await statuses('/api/health', '2001:db8:aa:1:ffff:1:2:3', limited, 2)).toEqual([200, 429]);
    expect(await statuses('/api/health', '2001:db8:aa:2::1', limited, 1)).toEqual([200]);
  });

  it('counts requests without CF-Connecting-IP against one shared budget', async () => {
    // Only one such budget exists per test run, so this test alone uses it.
    expect(await statuses('/api/health', undefined, limited, 4)).toEqual([200, 200, 200, 429]);
  });

  it('does not limit the home page or the OpenAPI document', async () => {
    const client = newClient();
    expect(await statuses('/openapi.json', client, limited, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(await statuses('/', client, limited, 2)).toEqual([200, 200]);
    expect(await statuses('/api/health', client, limited, 4)).toEqual([200, 200, 200, 429]);
  });

  it('serves without limits when the binding is not configured', async () => {
    const withoutBinding: Partial<Env> = { ...env };
    delete withoutBinding.RATE_LIMITER;
    expect(await statuses('/api/health', newClient(), withoutBinding, 6)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('serves without limits when the binding fails (fails open)', async () => {
    const broken: RateLimit = { limit: () => Promise.reject(new Error('limiter down')) };
    expect(await statuses('/api/health', newClient(), { ...env, RATE_LIMITER: broken }, 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('uses the RATE_LIMITER binding from the configuration through the Worker entry point', async () => {
    expect(typeof env.RATE_LIMITER?.limit).toBe('function');
    const outcome = await env.RATE_LIMITER!.limit({ key: newClient() });
    expect(outcome.success).toBe(true);
  });
});

describe('clientKey', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    [' 198.51.100.7 ', '198.51.100.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0:0:0:1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8::/64'],
    ['::1', '::/64'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['::FFFF:c633:6407', '198.51.100.7'],
    ['2001:db8::1::2', '2001:db8::1::2'],
    ['not an address', 'not an address'],
    ['', 'unknown-client'],
  ])('keys %j as %j', (address, key) => {
    const headers = new Headers(address === '' ? {} : { 'CF-Connecting-IP': address });
    expect(clientKey(headers)).toBe(key);
  });
});
