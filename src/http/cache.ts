/**
 * HTTP caching tied to the index: an ETag is the index's identity plus the canonical request, so
 * it is known before any search runs (a 304 costs nothing) and changes with every new build.
 * Hono's `etag()` middleware hashes the body after the work is done, which is what we avoid.
 */
import type { IndexManifest } from '../search/index-format.ts';

/** API answers change only on deploy; browsers and the edge may reuse them for a while. */
export const API_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

/** 32-bit FNV-1a, hex: a short, stable digest of a canonical request string. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * What a cached answer depends on besides the request: the corpus, and the build that indexed it
 * (format, analyzer, and the deploy it shipped with — the same corpus reindexed by a new analyzer
 * or a new Worker answers differently, so it must not be served old answers).
 */
function indexIdentity(manifest: IndexManifest): string {
  const live = manifest.live === undefined ? '' : `|live:${manifest.live.epoch}:${manifest.live.sequence}`;
  return `${manifest.corpusHash}|${manifest.formatVersion}|${manifest.analyzerVersion}|${manifest.builtAt}${live}`;
}

/**
 * With a live set, an answer may change at any write: clients and proxies revalidate every time
 * (a 304 costs nothing), so none is served stale past the live set's freshness bound. The edge
 * cache keeps its entries longer: they are keyed by the live set's sequence.
 */
export const LIVE_CACHE_CONTROL = 'public, no-cache';

/** Cache-Control of an answer from an index with this manifest. */
export function cacheControlFor(manifest: IndexManifest): string {
  return manifest.live === undefined ? API_CACHE_CONTROL : LIVE_CACHE_CONTROL;
}

export function etagFor(manifest: IndexManifest, canonicalRequest: string): string {
  return `"${manifest.corpusHash.slice(0, 16)}-${fnv1a(`${indexIdentity(manifest)}|${canonicalRequest}`)}"`;
}

/** RFC 9110 If-None-Match: a list of (possibly weak) entity tags, or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function notModified(etag: string, cacheControl: string = API_CACHE_CONTROL): Response {
  return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });
}

/** The Cache API key of a canonical request: a URL that no client can send. */
export function edgeCacheKey(route: string, canonicalRequest: string, manifest: IndexManifest): Request {
  const url = new URL(`https://edge-cache.invalid/${route}`);
  url.searchParams.set('r', canonicalRequest);
  url.searchParams.set('v', indexIdentity(manifest));
  return new Request(url.toString(), { method: 'GET' });
}
