import { describe, expect, it } from 'vitest';
import { get, type ProblemBody } from './helpers.ts';

async function problem(path: string, init?: RequestInit): Promise<{ status: number; body: ProblemBody; response: Response }> {
  const response = await get(path, init);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  return { status: response.status, body: await response.json<ProblemBody>(), response };
}

const longQuery = 'ب'.repeat(257);

describe('API errors (RFC 9457 problem details)', () => {
  it.each([
    ['/api/search', 'q', /q is required/],
    ['/api/search?q=', 'q', /q must not be empty/],
    ['/api/search?q=%20%20', 'q', /q must not be empty/],
    [`/api/search?q=${longQuery}`, 'q', /257 characters long; the limit is 256/],
    ['/api/search?q=a&q=b', 'q', /q must be given once/],
    ['/api/search?q=بوتين&limit=0', 'limit', /limit must be an integer from 1 to 50, got "0"/],
    ['/api/search?q=بوتين&limit=51', 'limit', /limit must be an integer from 1 to 50/],
    ['/api/search?q=بوتين&limit=ten', 'limit', /got "ten"/],
    ['/api/search?q=بوتين&limit=1.5', 'limit', /limit must be an integer/],
    ['/api/search?q=بوتين&offset=-1', 'offset', /offset must be an integer from 0 to 990/],
    ['/api/search?q=بوتين&offset=991', 'offset', /offset must be an integer from 0 to 990/],
    ['/api/search?q=بوتين&from=2025-02-30', 'from', /from must be a calendar date YYYY-MM-DD, got "2025-02-30"/],
    ['/api/search?q=بوتين&to=yesterday', 'to', /to must be a calendar date/],
    ['/api/search?q=بوتين&from=2025-02-01&to=2025-01-01', 'to', /to \(2025-01-01\) is before from \(2025-02-01\)/],
    ['/api/search?q=بوتين&sort=oldest', 'sort', /sort must be one of relevance, newest, got "oldest"/],
    ['/api/suggest', 'q', /q is required/],
    ['/api/suggest?q=ب&limit=100', 'limit', /limit must be an integer from 1 to 20/],
  ])('GET %s answers 400 naming %s', async (path, parameter, detail) => {
    const { status, body } = await problem(path);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(body.detail).toMatch(detail);
    expect(body.status).toBe(400);
    expect(body.type).toMatch(/^\/docs\/problems#(invalid|missing)-parameter$/);
    expect(body.title).toMatch(/parameter/);
  });

  it('answers 404 for an unknown article id, naming it', async () => {
    const { status, body } = await problem('/api/articles/no-such-article');
    expect(status).toBe(404);
    expect(body.detail).toBe('no article with id "no-such-article"');
  });

  it('answers 404 for an unknown route', async () => {
    const { status, body } = await problem('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.detail).toMatch(/no route for GET \/api\/nothing-here/);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers 405 with Allow to %s on a known route', async (method) => {
    const { status, body, response } = await problem('/api/search?q=x', { method });
    expect(status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(body.detail).toMatch(new RegExp(`^${method} is not allowed`));
  });

  it('never answers 500 for a query of only punctuation or only exclusions', async () => {
    for (const q of ['!!!', '-بوتين', '"', '""', '- -', '؟']) {
      const response = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      expect((await response.json<{ total: number }>()).total, q).toBe(0);
    }
  });
});

describe('GET /docs/problems', () => {
  it('explains every problem type at the anchor its documents link to', async () => {
    const page = await (await get('/docs/problems')).text();
    const { status, body } = await problem('/api/search');
    expect(status).toBe(400);
    const anchor = body.type.split('#')[1]!;
    expect(page).toContain(`id="${anchor}"`);
    for (const type of ['invalid-parameter', 'not-found', 'method-not-allowed', 'too-many-requests', 'internal-error']) {
      expect(page).toContain(`id="${type}"`);
    }
  });
});
