/**
 * Per-client request budget on /api/*, enforced by the Workers Rate Limiting binding
 * (`[[ratelimits]]` RATE_LIMITER in wrangler.toml: `simple = { limit, period }`, period 10 or 60 s).
 * Over budget, the client gets a 429 problem with Retry-After. The binding counts per Cloudflare
 * location and is eventually consistent: it stops floods, it is not an exact quota.
 */
import type { Context, MiddlewareHandler } from 'hono';
import {
  convertIPv4BinaryToString,
  convertIPv4MappedIPv6ToIPv4,
  convertIPv6BinaryToString,
  convertIPv6ToBinary,
  distinctRemoteAddr,
  isIPv4MappedIPv6,
} from 'hono/utils/ipaddr';
import type { AppEnv } from '../app-env.ts';
import { ProblemError } from './problem.ts';
import { isWriteRequest } from './write-requests.ts';

/**
 * Seconds a limited client should wait. The binding does not say when its window ends; a window
 * lasts at most 60 s (the longest period the binding accepts), so this is always enough.
 */
export const RETRY_AFTER_SECONDS = 60;

/** Requests without a client address (local tools, tests) share one budget. */
const UNKNOWN_CLIENT = 'unknown-client';

let warnedUnavailable = false;

/**
 * An IPv6 address's /64 network (`2001:db8:1:2::/64`), an IPv4-mapped one's IPv4 address, or
 * undefined when the text is not an IPv6 address (parsed by hono/utils/ipaddr).
 */
function ipv6Key(address: string): string | undefined {
  if (distinctRemoteAddr(address) !== 'IPv6') return undefined;
  let binary: bigint;
  try {
    binary = convertIPv6ToBinary(address);
  } catch {
    return undefined;
  }
  if (isIPv4MappedIPv6(binary)) return convertIPv4BinaryToString(convertIPv4MappedIPv6ToIPv4(binary));
  return `${convertIPv6BinaryToString((binary >> 64n) << 64n)}/64`;
}

/**
 * The budget key of a request: the client's address as Cloudflare's edge saw it (clients cannot
 * set CF-Connecting-IP). An IPv6 client is keyed by its /64, since one subscriber usually holds a
 * whole /64 and could otherwise take a fresh budget with every address in it; an IPv4-mapped
 * address (::ffff:198.51.100.7) shares its IPv4 client's budget.
 */
export function clientKey(headers: Headers): string {
  const address = headers.get('CF-Connecting-IP')?.trim() ?? '';
  if (address === '') return UNKNOWN_CLIENT;
  return ipv6Key(address) ?? address;
}

/** A budget middleware over one of the rate limiting bindings. */
function limitWith(binding: 'RATE_LIMITER' | 'WRITE_RATE_LIMITER', skip: (c: Context<AppEnv>) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limiter = c.env?.[binding];
    // No binding (a test or a deployment without [[ratelimits]]): serve without limiting.
    if (limiter === undefined || c.req.method === 'OPTIONS' || skip(c)) return next();
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
      throw new ProblemError(429, 'too-many-requests', `too many requests from this client; retry after ${RETRY_AFTER_SECONDS} seconds`, undefined, {
        'Retry-After': String(RETRY_AFTER_SECONDS),
      });
    }
    return next();
  };
}

/** Reads' budget (RATE_LIMITER); writes count against their own. */
export const rateLimit: MiddlewareHandler<AppEnv> = limitWith('RATE_LIMITER', (c) => isWriteRequest(c.req.method, c.req.path));

/** Writes' budget (WRITE_RATE_LIMITER), so that publishing cannot starve readers nor readers publishing. */
export const writeRateLimit: MiddlewareHandler<AppEnv> = limitWith('WRITE_RATE_LIMITER', () => false);
