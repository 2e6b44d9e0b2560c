/**
 * Property-based fuzzing of every route and parameter through the Worker's real entry point.
 * Whatever arrives, the answer is a well-formed JSON success or an RFC 9457 problem with a 4xx
 * status: never a 5xx, never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE, get } from './helpers.ts';

/** A request that takes longer than this counts as a hang. */
const HANG_MS = 5000;
const RUNS = 250;

const PARAMETERS = ['q', 'limit', 'offset', 'source', 'from', 'to', 'sort'] as const;
const ROUTES = [
  '/',
  '/widget.js',
  '/articles/000_02fe02eaac33e47f',
  '/articles/x',
  '/openapi.json',
  '/api/search',
  '/api/suggest',
  '/api/health',
  '/api/articles/000_02fe02eaac33e47f',
  '/api/articles/x',
  '/api/nope',
];

/** Characters that break naive text handling: bidi overrides, zero-width, BOM, NUL, marks, quotes, query syntax. */
const TRICKY = [
  '\u202E',
  '\u202D',
  '\u200F',
  '\u200E',
  '\u2066',
  '\u200B',
  '\u200C',
  '\u200D',
  '\uFEFF',
  '\u0000',
  '\u0640',
  '\u064B',
  '\u0651',
  '\u0670',
  '\u0301',
  'ﷺ',
  'ﻻ',
  '٣',
  '۴',
  '👨‍👩‍👧',
  '🇸🇦',
  '"',
  '«',
  '»',
  '“',
  '-',
  '--',
  '*',
  '~',
  '^',
  '%',
  '&',
  '=',
  '+',
  '#',
  '?',
  '/',
  '\\',
  '<',
  '>',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u00A0',
  '\u3000',
];
const WORDS = ['بوتين', 'قمة', 'هلسنكي', 'أمريكا', 'الرئيس', 'في', 'و', 'ب', 'ال', 'news', 'Trump', '2018', '-بوتين', '"قمة هلسنكي"'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const piece = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.constantFrom(...WORDS),
  loneSurrogate,
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: 1, max: 400 }).map((n) => `ب${'\u064B\u0651'.repeat(n)}`),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 1, max: 200 }).map((n) => 'ب '.repeat(n)),
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
);
/** Arbitrary text as an attacker or a broken client would send it. */
const nasty = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

const paramName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PARAMETERS) }, { weight: 1, arbitrary: nasty });
const params = fc.array(fc.tuple(paramName, nasty), { maxLength: 40 });

/** Raw query-string material, including malformed and overlong percent-encoding. */
const rawPiece = fc.oneof(
  fc.constantFrom('%', '%2', '%zz', '%%', '%00', '%E0%A4', '%FF', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%D8%A8', '%2B', '%26', '%3D'),
  fc.constantFrom('&', '=', '+', ';', 'q=', 'q', 'limit=', 'offset=', 'source=', 'sort=newest', 'from=', 'to='),
  fc.string({ unit: 'binary-ascii', maxLength: 10 }).map((s) => s.replace(/[#\s]/g, '')),
);
const rawQuery = fc.array(rawPiece, { maxLength: 30 }).map((parts) => parts.join(''));

/** encodeURIComponent throws on a lone surrogate; a client's UTF-8 encoder sends U+FFFD instead. */
function encodeSegment(text: string): string {
  return encodeURIComponent(new TextDecoder().decode(new TextEncoder().encode(text)));
}

// workerd itself refuses unknown methods before a Worker runs, so only methods it knows are sent.
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'PURGE', 'get', 'Post'];
/** Printable ASCII: fetch refuses CR, LF and NUL in header values, and re-encodes anything above 0x7e. */
const headerValue = fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' '));
const HEADER_NAMES = [
  'If-None-Match',
  'Origin',
  'Accept',
  'Accept-Language',
  'Content-Type',
  'CF-Connecting-IP',
  'Range',
  'Cookie',
  'X-Forwarded-For',
  'Access-Control-Request-Method',
];

const statuses = new Map<number, number>();

async function fetchWithin(url: string, init?: RequestInit): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms: ${init?.method ?? 'GET'} ${url.slice(0, 200)}`)), HANG_MS);
  });
  try {
    return await Promise.race([get(url, init), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** The contract every answer meets. */
async function expectWellFormed(response: Response, method = 'GET'): Promise<void> {
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  expect(response.status).toBeLessThan(500);
  // 401 and 415: writes (PUT, DELETE, POST on /api/articles) without the token or with another media type.
  expect([200, 204, 304, 400, 401, 404, 405, 413, 414, 415]).toContain(response.status);
  if (method === 'HEAD' || response.status === 204 || response.status === 304) return;
  const type = response.headers.get('Content-Type') ?? '';
  const text = await response.text();
  if (response.status >= 400) {
    // The HTML pages answer their own errors (an unknown article) as HTML.
    if (type.startsWith('text/html')) return;
    expect(type).toBe('application/problem+json; charset=utf-8');
    const problem = JSON.parse(text) as Record<string, unknown>;
    expect(problem['status']).toBe(response.status);
    expect(problem['type']).toMatch(/^\/docs\/problems#[a-z-]+$/);
    expect(typeof problem['title']).toBe('string');
    expect(typeof problem['detail']).toBe('string');
    expect((problem['detail'] as string).length).toBeLessThan(600);
  } else if (type.startsWith('application/json')) {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (Array.isArray(body['hits'])) {
      expect(body['hits'].length).toBeLessThanOrEqual(body['limit'] as number);
      expect(body['total'] as number).toBeGreaterThanOrEqual(body['hits'].length);
    }
  } else {
    expect(type).toMatch(/^(text\/html|text\/javascript|application\/javascript)/);
  }
}

function queryString(pairs: [string, string][]): string {
  const search = new URLSearchParams();
  for (const [name, value] of pairs) search.append(name, value);
  return search.toString();
}

// Each property sends RUNS requests: a hang guard, not a speed test (a slow machine takes longer).
describe('fuzzing the API', { timeout: 60_000 }, () => {
  it('answers any set of search parameters with JSON or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(params, async (pairs) => {
        await expectWellFormed(await fetchWithin(`/api/search?${queryString(pairs)}`));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers any q and limit on suggest with JSON or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, fc.option(nasty), async (q, limit) => {
        const pairs: [string, string][] = [['q', q]];
        if (limit !== null) pairs.push(['limit', limit]);
        await expectWellFormed(await fetchWithin(`/api/suggest?${queryString(pairs)}`));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers a search for any single valid-length q with 200, or with the work budget's 400 on q", async () => {
    await fc.assert(
      fc.asyncProperty(
        nasty.filter((q) => q.trim() !== '' && q.trim().length <= 256),
        async (q) => {
          const response = await fetchWithin(`/api/search?${queryString([['q', q]])}`);
          // URLSearchParams sends a lone surrogate as U+FFFD, so every such q is valid; only the work budget may refuse it.
          if (response.status === 400) await expectBudgetRefusal(response);
          else expect(response.status).toBe(200);
          await expectWellFormed(response);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('survives malformed percent-encoding and raw query strings', async () => {
    await fc.assert(
      fc.asyncProperty(rawQuery, fc.constantFrom('/api/search?q=x&', '/api/search?', '/api/suggest?', '/?', '/api/health?'), async (raw, prefix) => {
        await expectWellFormed(await fetchWithin(`${prefix}${raw}`));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers any article id, raw or encoded, with the article or a 404', async () => {
    const segment = fc.oneof(
      nasty.map(encodeSegment),
      rawQuery.map((raw) => raw.replace(/[/?]/g, '')),
    );
    await fc.assert(
      fc.asyncProperty(segment, async (id) => {
        const response = await fetchWithin(`/api/articles/${id}`);
        await expectWellFormed(response);
        if (`${BASE}/api/articles/${id}`.length <= 8192) expect([200, 404]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers odd methods and headers on every route without a 5xx', async () => {
    const headers = fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.constantFrom(...METHODS), headers, fc.option(nasty), async (route, method, headerMap, body) => {
        const init: RequestInit = { method, headers: headerMap };
        if (body !== null && !['GET', 'HEAD'].includes(method.toUpperCase())) init.body = body;
        await expectWellFormed(await fetchWithin(`${route}${route.startsWith('/api/s') ? '?q=بوتين' : ''}`, init), method.toUpperCase());
      }),
      { numRuns: RUNS },
    );
  });

  it('answers repeated and very many parameters with a 4xx problem naming one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PARAMETERS), fc.integer({ min: 2, max: 500 }), async (name, count) => {
        const pairs: [string, string][] = [['q', 'بوتين'], ...Array.from({ length: count }, (): [string, string] => [name, name === 'source' ? 's' : '1'])];
        const response = await fetchWithin(`/api/search?${queryString(pairs)}`);
        await expectWellFormed(response);
        if (name !== 'source' || count > 20) expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 60 },
    );
  });

  it('reports what the fuzzing saw', () => {
    // One line for bench/RESULTS.md: how many answers of each status the properties above produced.
    console.log(`fuzz-summary ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  });
});

/** A 400 of the work budget: on q, saying which limit the query is over. */
async function expectBudgetRefusal(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  const problem = (await response.clone().json()) as { parameter?: string; detail?: string };
  expect(problem.parameter).toBe('q');
  expect(problem.detail).toMatch(/^(q has \d+ (different words|words|quoted phrases|-excluded words)|a quoted phrase of q has \d+ words); the limit is \d+/);
}

describe('adversarial searches', () => {
  const ADVERSARIAL: [label: string, q: string][] = [
    ['128 one-letter words', Array.from({ length: 128 }, () => 'ب').join(' ')],
    ['128 distinct one-letter words', Array.from({ length: 128 }, (_, i) => String.fromCharCode(0x0621 + (i % 26))).join(' ')],
    ['a one-letter prefix', 'ب'],
    ['85 two-letter words', Array.from({ length: 85 }, (_, i) => `ب${String.fromCharCode(0x0621 + (i % 26))}`).join(' ')],
    ['42 misspelled words', Array.from({ length: 42 }, (_, i) => `بوتي${String.fromCharCode(0x0621 + (i % 26))}`).join(' ')],
    ['38 quoted phrases', '"ب ت" '.repeat(36) + '"قمة هلسنكي" '.repeat(2)],
    ['one long phrase of common words', `"${'الرئيس قمة '.repeat(23)}"`],
    ['85 exclusions', '-ب '.repeat(85)],
    ['256 combining marks', `ب${'\u0651'.repeat(255)}`],
    ['256 tatweels', 'ـ'.repeat(256)],
    ['256 quotes', '"'.repeat(256)],
    ['256 hyphens', '-'.repeat(256)],
    ['bidi overrides around every letter', '\u202Eب\u202C'.repeat(85)],
  ];

  /** Over the work budget (src/search/budget.ts): refused with a 400 on q before any search. */
  const OVER_BUDGET = new Set([
    '128 one-letter words',
    '128 distinct one-letter words',
    '85 two-letter words',
    '42 misspelled words',
    '38 quoted phrases',
    'one long phrase of common words',
    '85 exclusions',
  ]);

  it.each(ADVERSARIAL)('answers %s within the hang limit', async (label, q) => {
    expect(q.trim().length).toBeLessThanOrEqual(256);
    const response = await fetchWithin(
      `/api/search?${queryString([
        ['q', q],
        ['limit', '50'],
      ])}`,
    );
    if (OVER_BUDGET.has(label)) await expectBudgetRefusal(response);
    else expect(response.status).toBe(200);
    await expectWellFormed(response);
    const suggestion = await fetchWithin(`/api/suggest?${queryString([['q', q]])}`);
    await expectWellFormed(suggestion);
  });
});
