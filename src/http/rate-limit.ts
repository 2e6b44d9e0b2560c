/**
 * Per-client request budget on /api/*, enforced by the Workers Rate Limiting binding
 * (`[[ratelimits]]` RATE_LIMITER in wrangler.toml: `simple = { limit, period }`, period 10 or 60 s).
 * Over budget, the client gets a 429 problem with Retry-After. The binding counts per Cloudflare
 * location and is eventually consistent: it stops floods, it is not an exact quota.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ProblemError } from './problem.ts';

/**
 * Seconds a limited client should wait. The binding does not say when its window ends; a window
 * lasts at most 60 s (the longest period the binding accepts), so this is always enough.
 */
export const RETRY_AFTER_SECONDS = 60;

/** Requests without a client address (local tools, tests) share one budget. */
const UNKNOWN_CLIENT = 'unknown-client';

let warnedUnavailable = false;

/** The client's address as Cloudflare's edge saw it; the header cannot be set by the client. */
export function clientKey(headers: Headers): string {
  return headers.get('CF-Connecting-IP')?.trim() || UNKNOWN_CLIENT;
}

export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env?.RATE_LIMITER;
  // No binding (a test or a deployment without [[ratelimits]]): serve without limiting.
  if (limiter === undefined || c.req.method === 'OPTIONS') return next();
  let success: boolean;
  try {
    ({ success } = await limiter.limit({ key: clientKey(c.req.raw.headers) }));
  } catch (error) {
    // Fail open: a limiter outage must not take the search down with it. Logged once per isolate.
    if (!warnedUnavailable) console.error('rate limiter unavailable, serving without it', error);
    warnedUnavailable = true;
    return next();
  }
  if (!success) {
    throw new ProblemError(
      429,
      'too-many-requests',
      `too many requests from this client; retry after ${RETRY_AFTER_SECONDS} seconds`,
      undefined,
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  return next();
};
