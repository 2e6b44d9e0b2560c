/**
 * The Worker's HTTP surface: middleware, routes and error handling.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { timing } from 'hono/timing';
import { articleRoute } from './api/article-route.ts';
import { healthRoute } from './api/health-route.ts';
import { OPENAPI_DOCUMENT } from './api/openapi.ts';
import { searchRoute } from './api/search-route.ts';
import { suggestRoute } from './api/suggest-route.ts';
import type { AppEnv, Env } from './app-env.ts';
import type { SearchBackend } from './search/backend.ts';
import { handleError, handleMethodNotAllowed, handleNotFound } from './http/errors.ts';
import { rateLimit } from './http/rate-limit.ts';
import { noBody, urlLimit } from './http/request-limits.ts';
import { articlePage } from './pages/article-page.ts';
import { homePage } from './pages/home-page.ts';
import { problemsPage } from './pages/problems-page.ts';
import { widgetScript } from './pages/widget-script.ts';

/** `*` or a comma-separated allow-list from the CORS_ALLOWED_ORIGINS var. */
function allowedOrigin(origin: string, allowList: string | undefined): string | null {
  const list = (allowList ?? '*').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (list.includes('*')) return '*';
  return list.includes(origin) ? origin : null;
}

/** The Worker's app over an index: `backendFor` gives the embedded index or the sharded one (src/worker.ts). */
export function createApp(backendFor: (env: Env) => SearchBackend): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Server-Timing: the routes add their own metrics (search;dur=…), the middleware the total.
  app.use('*', timing({ totalDescription: 'Worker' }));
  // A known path asked with a method it does not serve: 405 with Allow, from the registered routes.
  app.use('*', methodNotAllowed({ app, onMethodNotAllowed: handleMethodNotAllowed }));
  app.use('*', async (c, next) => {
    c.set('backend', () => backendFor(c.env));
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
  app.use(
    '/api/*',
    cors({
      origin: (origin, c: Context<AppEnv>) => allowedOrigin(origin, c.env.CORS_ALLOWED_ORIGINS),
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      exposeHeaders: ['ETag', 'Server-Timing', 'Retry-After'],
      maxAge: 86400,
    }),
  );
  app.use('*', urlLimit, noBody);
  app.use('/api/*', rateLimit);

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
