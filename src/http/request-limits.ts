/**
 * Size caps applied before any routing: the API is read-only (GET, HEAD, OPTIONS), so a request
 * body is refused outright (413), and a URL longer than any valid request is refused (414)
 * before its query string is parsed.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { ProblemError } from './problem.ts';

/**
 * Longest URL accepted, in bytes as sent (percent-encoded). The longest valid search, a 256-character
 * Arabic query plus a few filters, is about 2 kB encoded; Cloudflare's edge itself stops at 16 kB.
 */
export const MAX_URL_BYTES = 8192;

export const urlLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Request URLs are ASCII once parsed (non-ASCII is percent-encoded), so length is bytes.
  const length = c.req.url.length;
  if (length > MAX_URL_BYTES) {
    throw new ProblemError(414, 'uri-too-long', `the URL is ${length} bytes long; the limit is ${MAX_URL_BYTES}`);
  }
  return next();
};

/** Any request body at all is too large for a read-only API. */
export const noBody: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: 0,
  onError: () => {
    throw new ProblemError(413, 'content-too-large', 'this API is read-only and takes no request body; use GET with query parameters');
  },
});
