/**
 * Turns anything a handler throws into a problem response. Expected errors (bad input, unknown
 * ids) are not logged; anything else is, and the client gets a 500 without internals.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { IndexMismatchError } from '../search/read-index.ts';
import { ProblemError, problemResponse } from './problem.ts';

function instanceOf(c: Context): string {
  return new URL(c.req.url).pathname;
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof ProblemError) return problemResponse(error, instanceOf(c));
  // Middleware that made its own answer (bearer-auth's 401 problem with its challenge).
  if (error instanceof HTTPException && error.res !== undefined) return error.getResponse();
  if (error instanceof IndexMismatchError) {
    console.error(error.message);
    return problemResponse(
      new ProblemError(503, 'index-unavailable', 'the search index does not match this Worker; the operator must rebuild and redeploy'),
      instanceOf(c),
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    return problemResponse(new ProblemError(error.status, 'invalid-parameter', error.message || 'bad request'), instanceOf(c));
  }
  console.error('unexpected error', error);
  return problemResponse(new ProblemError(500, 'internal-error', 'an unexpected error occurred; it has been logged'), instanceOf(c));
}

export function handleNotFound(c: Context): Response {
  const detail = `no route for ${c.req.method} ${instanceOf(c).slice(0, 200)}; the API is described at /openapi.json`;
  return problemResponse(new ProblemError(404, 'not-found', detail), instanceOf(c));
}

/**
 * hono/method-not-allowed's answer for a known path and a method it does not serve: 405 with
 * Allow (the route's methods, and OPTIONS, which every path answers: CORS on /api/*, 204 here).
 */
export function handleMethodNotAllowed(c: Context, methods: string[]): Response {
  const allow = [...methods, 'OPTIONS'].join(', ');
  if (c.req.method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allow } });
  const detail = `${c.req.method.slice(0, 20)} is not allowed on ${instanceOf(c).slice(0, 200)}; use ${allow}`;
  return problemResponse(new ProblemError(405, 'method-not-allowed', detail, undefined, { Allow: allow }), instanceOf(c));
}
