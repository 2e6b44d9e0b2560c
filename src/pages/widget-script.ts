/**
 * GET /widget.js: the embeddable widget, built by `npm run build-widget`. Other sites load it as
 * a module script, which the browser fetches in CORS mode: hence `Access-Control-Allow-Origin: *`.
 * The URL is not versioned (embeds stay two lines), so caches keep it for an hour and revalidate
 * with the ETag.
 */
import type { Context } from 'hono';
import { widgetHash, widgetJs } from '../generated/widget-bundle.js';
import { matchesIfNoneMatch } from '../http/cache.ts';

const ETAG = `"widget-${widgetHash}"`;
const HEADERS = {
  'Content-Type': 'text/javascript; charset=utf-8',
  'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400',
  'Access-Control-Allow-Origin': '*',
  ETag: ETAG,
};

export function widgetScript(c: Context): Response {
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), ETAG)) return c.body(null, 304, HEADERS);
  return c.body(widgetJs, 200, HEADERS);
}
