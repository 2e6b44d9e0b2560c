/**
 * A shard Worker: one part of a sharded corpus, reached only through the public Worker's
 * service binding (src/shards/sharded-backend.ts). It answers ranked pages (scores and tie
 * order included, see searchPage), the hits the merge picked, articles by id, and its health.
 */
import { readSearchRequest } from '../api/params.ts';
import { ProblemError, problemResponse } from '../http/problem.ts';
import { loadIndex, type IndexData, type LoadedIndex } from '../search/read-index.ts';
import { makeHits, searchPage, type HitRequest } from '../search/search-articles.ts';
import { MAX_HITS_PER_REQUEST } from './protocol.ts';

/** The body of POST /hits: what the merge picked from this shard. */
function readHitRequests(body: unknown): HitRequest[] {
  const valid = (item: unknown): item is HitRequest => {
    const request = item as HitRequest;
    return (
      typeof request === 'object' && request !== null && typeof request.id === 'string' && Array.isArray(request.terms) &&
      request.terms.every((term) => typeof term === 'string') && typeof request.inBody === 'boolean' && typeof request.score === 'number'
    );
  };
  if (!Array.isArray(body) || body.length > MAX_HITS_PER_REQUEST || !body.every(valid)) {
    throw new ProblemError(400, 'invalid-parameter', `the body must be a JSON array of at most ${MAX_HITS_PER_REQUEST} {id, terms, inBody, score}`);
  }
  return body;
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

async function answer(index: LoadedIndex, request: Request, url: URL): Promise<Response> {
  if (url.pathname === '/hits' && request.method === 'POST') return json(makeHits(index, readHitRequests(await request.json().catch(() => undefined))));
  if (request.method !== 'GET') throw new ProblemError(405, 'method-not-allowed', 'shards answer GET, and POST on /hits');
  if (url.pathname === '/search') {
    const started = performance.now();
    const hits = Number(url.searchParams.get('hits') ?? '0');
    if (!Number.isInteger(hits) || hits < 0 || hits > MAX_HITS_PER_REQUEST) throw new ProblemError(400, 'invalid-parameter', `hits must be an integer from 0 to ${MAX_HITS_PER_REQUEST}`, 'hits');
    const page = searchPage(index, readSearchRequest(url.searchParams), 0, hits);
    const response = json(page);
    response.headers.set('Server-Timing', `shard;dur=${(performance.now() - started).toFixed(2)}`);
    return response;
  }
  const article = /^\/articles\/([^/]+)$/.exec(url.pathname);
  if (article !== null) {
    const found = index.articles.get(decodeURIComponent(article[1]!));
    if (found === undefined) throw new ProblemError(404, 'not-found', 'no article with this id in this shard', 'id');
    const { id, title, body, source, date, url: link, author, tags } = found;
    return json({ id, title, body, source, date, url: link, author, tags });
  }
  if (url.pathname === '/health') return json({ status: 'ok', manifest: index.manifest });
  throw new ProblemError(404, 'not-found', `no shard route ${url.pathname.slice(0, 100)}`);
}

export function createShardWorker(data: IndexData): ExportedHandler {
  // Opened while the module is evaluated, as the public Worker's index is (see load-index.ts).
  let index: LoadedIndex | undefined;
  try {
    index = loadIndex(data);
  } catch {
    index = undefined;
  }
  return {
    async fetch(request: Request): Promise<Response> {
      const url = new URL(request.url);
      try {
        index ??= loadIndex(data);
        return await answer(index, request, url);
      } catch (error) {
        if (error instanceof ProblemError) return problemResponse(error, url.pathname);
        console.error('shard error', error);
        return problemResponse(new ProblemError(500, 'internal-error', (error as Error).message), url.pathname);
      }
    },
  };
}
