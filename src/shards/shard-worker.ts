/**
 * A shard Worker: one part of a sharded corpus, reached only through the public Worker's
 * service binding (src/shards/sharded-backend.ts). A small Hono app answering ranked pages
 * (scores and tie order included, see searchPage), the hits the merge picked, articles by id,
 * and its health; every error is a problem document, as on the public API.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { setMetric, timing } from 'hono/timing';
import { readSearchRequest } from '../api/read-query.ts';
import { ProblemError, problemResponse } from '../http/problem.ts';
import { loadIndex, type IndexData, type LoadedIndex } from '../search/read-index.ts';
import { makeHits, searchPage, type HitRequest } from '../search/search-articles.ts';
import { MAX_HITS_BODY_BYTES, MAX_HITS_PER_REQUEST } from './protocol.ts';

/** The body of POST /hits: what the merge picked from this shard. */
function readHitRequests(body: unknown): HitRequest[] {
  const valid = (item: unknown): item is HitRequest => {
    const request = item as HitRequest;
    return (
      typeof request === 'object' &&
      request !== null &&
      typeof request.id === 'string' &&
      Array.isArray(request.terms) &&
      request.terms.every((term) => typeof term === 'string') &&
      typeof request.inBody === 'boolean' &&
      typeof request.score === 'number'
    );
  };
  if (!Array.isArray(body) || body.length > MAX_HITS_PER_REQUEST || !body.every(valid)) {
    throw new ProblemError(400, 'invalid-parameter', `the body must be a JSON array of at most ${MAX_HITS_PER_REQUEST} {id, terms, inBody, score}`);
  }
  return body;
}

const pathOf = (c: Context): string => new URL(c.req.url).pathname;

interface ShardEnv {
  Variables: { index: LoadedIndex };
}

export function createShardWorker(data: IndexData): Hono<ShardEnv> {
  // Opened while the module is evaluated, as the public Worker's index is (see load-index.ts);
  // a failure is retried, and reported, on each request.
  let index: LoadedIndex | undefined;
  try {
    index = loadIndex(data);
  } catch {
    index = undefined;
  }
  const app = new Hono<ShardEnv>();
  // Only the ranking time: the public Worker reads the first dur= as the shard's own.
  app.use('*', timing({ total: false }));
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const allow = methods.join(', ');
        return problemResponse(
          new ProblemError(405, 'method-not-allowed', `${c.req.method.slice(0, 20)} is not allowed on ${pathOf(c)}; use ${allow}`, undefined, { Allow: allow }),
          pathOf(c),
        );
      },
    }),
  );
  app.use('*', async (c, next) => {
    index ??= loadIndex(data);
    c.set('index', index);
    await next();
  });

  app.post(
    '/hits',
    bodyLimit({
      maxSize: MAX_HITS_BODY_BYTES,
      onError: () => {
        throw new ProblemError(413, 'content-too-large', `a /hits body is at most ${MAX_HITS_BODY_BYTES} bytes`);
      },
    }),
    async (c) => c.json(makeHits(c.var.index, readHitRequests(await c.req.json().catch(() => undefined)))),
  );
  app.get('/search', (c) => {
    const started = performance.now();
    const hits = Number(c.req.query('hits') ?? '0');
    if (!Number.isInteger(hits) || hits < 0 || hits > MAX_HITS_PER_REQUEST)
      throw new ProblemError(400, 'invalid-parameter', `hits must be an integer from 0 to ${MAX_HITS_PER_REQUEST}`, 'hits');
    const page = searchPage(c.var.index, readSearchRequest(new URL(c.req.url).searchParams), 0, hits);
    setMetric(c, 'shard', performance.now() - started, undefined, 2);
    return c.json(page);
  });
  app.get('/articles/:id', (c) => {
    const found = c.var.index.articles.get(c.req.param('id'));
    if (found === undefined) throw new ProblemError(404, 'not-found', 'no article with this id in this shard', 'id');
    const { id, title, body, source, date, url, author, tags } = found;
    return c.json({ id, title, body, source, date, url, author, tags });
  });
  app.get('/health', (c) => c.json({ status: 'ok', manifest: c.var.index.manifest }));

  app.notFound((c) => problemResponse(new ProblemError(404, 'not-found', `no shard route ${pathOf(c).slice(0, 100)}`), pathOf(c)));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error, pathOf(c));
    console.error('shard error', error);
    return problemResponse(new ProblemError(500, 'internal-error', error.message), pathOf(c));
  });
  return app;
}
