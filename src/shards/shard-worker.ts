/**
 * A shard Worker: one part of a sharded corpus, reached only through the public Worker's
 * service binding (src/shards/sharded-backend.ts). It answers ranked pages (scores and tie
 * order included, see searchPage), articles by id, and its health.
 */
import { readSearchRequest } from '../api/params.ts';
import { ProblemError, problemResponse } from '../http/problem.ts';
import { loadIndex, type IndexData, type LoadedIndex } from '../search/read-index.ts';
import { searchPage } from '../search/search-articles.ts';

const MAX_HITS = 1100;

function rank(params: URLSearchParams, name: string): number {
  const value = Number(params.get(name) ?? '0');
  if (!Number.isInteger(value) || value < 0 || value > MAX_HITS) throw new ProblemError(400, 'invalid-parameter', `${name} must be an integer from 0 to ${MAX_HITS}`, name);
  return value;
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

function answer(index: LoadedIndex, url: URL): Response {
  if (url.pathname === '/search') {
    const request = readSearchRequest(url.searchParams);
    const started = performance.now();
    const page = searchPage(index, request, rank(url.searchParams, 'hitsFrom'), rank(url.searchParams, 'hitsTo'));
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
    fetch(request: Request): Response {
      const url = new URL(request.url);
      try {
        if (request.method !== 'GET') throw new ProblemError(405, 'method-not-allowed', 'shards answer GET only');
        index ??= loadIndex(data);
        return answer(index, url);
      } catch (error) {
        if (error instanceof ProblemError) return problemResponse(error, url.pathname);
        console.error('shard error', error);
        return problemResponse(new ProblemError(500, 'internal-error', (error as Error).message), url.pathname);
      }
    },
  };
}
