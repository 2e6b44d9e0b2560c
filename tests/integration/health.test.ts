import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { INDEX_FORMAT_VERSION } from '../../src/search/options.ts';

describe('GET /api/health', () => {
  it('reports the loaded index with its version, hash and build time', async () => {
    const response = await exports.default.fetch('http://example.com/api/health');
    expect(response.status).toBe(200);
    const body = await response.json<{ status: string; articles: number; index: { version: number; hash: string; builtAt: string } }>();
    expect(body.status).toBe('ok');
    expect(body.articles).toBe(5);
    expect(body.index.version).toBe(INDEX_FORMAT_VERSION);
    expect(body.index.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isNaN(Date.parse(body.index.builtAt))).toBe(false);
  });
});
