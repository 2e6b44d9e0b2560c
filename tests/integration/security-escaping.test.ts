import { describe, expect, it } from 'vitest';
import { get } from './helpers.ts';

const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg/onload=alert(1)>", '&lt;b&gt;', '</title><script>'];

/** The payloads' markup as a browser would parse it (escaped, it reads `&lt;img` and so on). */
const INJECTED = /<script>alert|<img src=x|<svg\/onload|<\/title><script>/i;

describe('echoed input is never markup', () => {
  it.each(PAYLOADS)('a problem document about the article id %s carries no raw < > &', async (payload) => {
    const response = await get(`/api/articles/${encodeURIComponent(payload)}`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toMatch(/[<>&]/);
    // Still the same JSON: the id is echoed, escaped as \u003c and friends.
    const body = JSON.parse(text) as { detail: string };
    expect(body.detail).toBe(`no article with id ${JSON.stringify(payload)}`);
  });

  it.each(PAYLOADS)('a 400 problem about the parameter value %s carries no raw < > &', async (payload) => {
    const response = await get(`/api/search?q=x&sort=${encodeURIComponent(payload)}`);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/[<>&]/);
    expect((JSON.parse(text) as { detail: string }).detail).toContain(payload.slice(0, 10));
  });

  it.each(PAYLOADS)('a 404 for an unknown path like /%s carries no raw < > &', async (payload) => {
    const response = await get(`/${encodeURIComponent(payload)}`, { method: 'GET' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/[<>&]/);
  });

  it.each(PAYLOADS)('the home page does not reflect %s from the query string', async (payload) => {
    const response = await get(`/?q=${encodeURIComponent(payload)}&${encodeURIComponent(payload)}=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).not.toMatch(INJECTED);
    expect(html).not.toContain(payload);
  });

  it.each(PAYLOADS)('the article page for the unknown id %s does not reflect it', async (payload) => {
    const response = await get(`/articles/${encodeURIComponent(payload)}`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toMatch(INJECTED);
    expect(text).not.toContain(payload);
  });

  it.each(PAYLOADS)('the article page does not reflect %s given as the query to highlight', async (payload) => {
    for (const path of ['/articles/000_02fe02eaac33e47f', '/articles/no-such-article']) {
      const response = await get(`${path}?q=${encodeURIComponent(`بوتين ${payload}`)}`);
      const text = await response.text();
      expect(text).not.toMatch(INJECTED);
      expect(text).not.toContain(payload);
    }
  });

  it('serves searches that echo the query as JSON that browsers will not sniff as HTML', async () => {
    const payload = PAYLOADS[0]!;
    const response = await get(`/api/search?q=${encodeURIComponent(payload)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect((await response.json<{ query: string }>()).query).toBe(payload);
  });
});
