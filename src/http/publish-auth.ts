/**
 * The gate of every write: a configured secret (else 503, saying so), then Hono's bearer-auth
 * comparing the token in constant time. A missing header, a malformed one and a wrong token all
 * get the same 401 problem and the same challenge: nothing tells which part was wrong.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../app-env.ts';
import { ProblemError, problemResponse } from './problem.ts';

const CHALLENGE = 'Bearer realm="publish"';

function unauthorized(c: Context): Response {
  const error = new ProblemError(
    401,
    'unauthorized',
    'writes need Authorization: Bearer <publishing token>; this request does not carry a valid one',
    undefined,
    { 'WWW-Authenticate': CHALLENGE },
  );
  return problemResponse(error, new URL(c.req.url).pathname);
}

const refusal = { message: unauthorized, wwwAuthenticateHeader: CHALLENGE };

export const publishAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const secret = c.env?.PUBLISH_TOKEN;
  if (secret === undefined || secret === '') {
    throw new ProblemError(
      503,
      'writes-disabled',
      'this deployment takes no writes: no PUBLISH_TOKEN secret is configured (the operator runs wrangler secret put PUBLISH_TOKEN)',
    );
  }
  if (c.var.live() === undefined) {
    throw new ProblemError(
      503,
      'writes-disabled',
      'this deployment takes no writes: it has no live store (the LIVE_STORE Durable Object binding of wrangler.toml), or it serves a sharded corpus',
    );
  }
  const check = bearerAuth<AppEnv>({
    verifyToken: (token) => timingSafeEqual(secret, token),
    noAuthenticationHeader: refusal,
    invalidAuthenticationHeader: refusal,
    invalidToken: refusal,
  });
  return check(c, next);
};
