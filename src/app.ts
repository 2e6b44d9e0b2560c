/**
 * The Worker's HTTP surface: middleware, routes and error handling.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { timing } from 'hono/timing';
import { articleRoute } from './api/article-route.ts';
import { articleWriteRoute, bulkWriteRoute, liveExportRoute } from './api/publish-route.ts';
import { healthRoute } from './api/health-route.ts';
import { OPENAPI_DOCUMENT } from './api/openapi.ts';
import { searchRoute } from './api/search-route.ts';
import { suggestRoute } from './api/suggest-route.ts';
import type { AppEnv, Env } from './app-env.ts';
import type { LiveWriter } from './live/live-writer.ts';
import type { SearchBackend } from './search/backend.ts';
import { handleError, handleMethodNotAllowed, handleNotFound } from './http/errors.ts';
import { publishAuth } from './http/publish-auth.ts';
import { rateLimit, writeRateLimit } from './http/rate-limit.ts';
import { noBody, urlLimit } from './http/request-limits.ts';
import { isWriteRequest, WRITE_ROUTES } from './http/write-requests.ts';
import { articlePage } from './pages/article-page.ts';
import { homePage } from './pages/home-page.ts';
import { problemsPage } from './pages/problems-page.ts';
import { widgetScript } from './pages/widget-script.ts';

/** `*` or a comma-separated allow-list from the CORS_ALLOWED_ORIGINS var. */
function allowedOrigin(origin: string, allowList: string | undefined): string | null {
  const list = (allowList ?? '*')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (list.includes('*')) return '*';
  return list.includes(origin) ? origin : null;
}

/** What src/worker.ts wires in: the index the routes search, and the live set's writes when there is one. */
export interface AppParts {
  /** The embedded index, the sharded one, or base + live (which may read the live store first). */
  backendFor(env: Env, waitUntil: (promise: Promise<unknown>) => void): SearchBackend | Promise<SearchBackend>;
  liveFor?(env: Env): LiveWriter | undefined;
}

function waitUntilOf(c: Context<AppEnv>): (promise: Promise<unknown>) => void {
  try {
    const ctx = c.executionCtx;
    return (promise) => ctx.waitUntil(promise);
  } catch {
    // app.request() without an execution context: the promise runs on its own.
    return () => undefined;
  }
}

/** The Worker's app over an index (src/worker.ts wires the backends). */
export function createApp({ backendFor, liveFor }: AppParts): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Server-Timing: the routes add their own metrics (search;dur=…), the middleware the total.
  app.use('*', timing({ totalDescription: 'Worker' }));
  // A known path asked with a method it does not serve: 405 with Allow, from the registered routes.
  app.use('*', methodNotAllowed({ app, onMethodNotAllowed: handleMethodNotAllowed }));
  app.use('*', async (c, next) => {
    // A broken index or an unreachable live store fails only the routes that search.
    let backend: SearchBackend | undefined;
    let failure: unknown;
    try {
      backend = await backendFor(c.env, waitUntilOf(c));
    } catch (error) {
      failure = error;
    }
    c.set('backend', () => {
      if (backend === undefined) throw failure;
      return backend;
    });
    c.set('live', () => liveFor?.(c.env));
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      // The API is meant to be read from other origins (the widget); pages set their own CSP.
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    // JSON and problem documents load nothing; a page that needs more sets its own policy.
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  });
  const readCors = cors({
    origin: (origin, c: Context<AppEnv>) => allowedOrigin(origin, c.env.CORS_ALLOWED_ORIGINS),
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    exposeHeaders: ['ETag', 'Server-Timing', 'Retry-After'],
    maxAge: 86400,
  });
  // Writes get no CORS headers at all: no page on another origin may publish with a reader's browser.
  // A preflight asks for the method to come: one for a write gets no CORS answer either.
  const corsMethod = (c: Context<AppEnv>): string => (c.req.method === 'OPTIONS' ? (c.req.header('Access-Control-Request-Method') ?? 'OPTIONS') : c.req.method);
  app.use('/api/*', (c, next) => (isWriteRequest(corsMethod(c), c.req.path) ? next() : readCors(c, next)));
  app.use('*', urlLimit);
  app.use('*', (c, next) => (isWriteRequest(c.req.method, c.req.path) ? next() : noBody(c, next)));
  app.use('/api/*', rateLimit);
  for (const [path, methods] of Object.entries(WRITE_ROUTES)) app.on([...methods], path, writeRateLimit, publishAuth);

  app.route('/api/articles', articleWriteRoute);
  app.route('/api/articles', bulkWriteRoute);
  app.route('/api/live/export', liveExportRoute);

  app.route('/api/search', searchRoute);
  app.route('/api/suggest', suggestRoute);
  app.route('/api/articles', articleRoute);
  app.route('/api/health', healthRoute);
  app.get('/openapi.json', (c) => c.json(OPENAPI_DOCUMENT, 200, { 'Cache-Control': 'public, max-age=3600' }));
  app.get('/', homePage);
  app.get('/widget.js', widgetScript);
  app.get('/articles/:id', articlePage);
  app.get('/docs/problems', problemsPage);

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
