/**
 * Writes to the live set: PUT /api/articles/:id (publish or correct), DELETE /api/articles/:id
 * (retract, also an article of the embedded index), POST /api/articles (JSON Lines, thousands of
 * articles, a report per line). Articles are checked by the build's own validation
 * (src/corpus/), so the API refuses exactly what a rebuild would, for the same reasons.
 * Mounted behind the write guards (app.ts): their rate limit, the token, a body limit.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { articleHash } from '../corpus/article-hash.ts';
import { parseJsonlArticles } from '../corpus/parse-jsonl.ts';
import { validateArticle, type Validation } from '../corpus/validate-article.ts';
import { ProblemError, type FieldError } from '../http/problem.ts';
import type { LiveWriter } from '../live/live-writer.ts';
import type { WriteOperation } from '../live/protocol.ts';
import type { StoredArticle } from '../search/index-format.ts';
import { articleJson } from './article-json.ts';

/** One article: the build's longest body (500,000 characters) in UTF-8 Arabic, with room for the rest. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** One bulk upload: thousands of news articles; a single store transaction and RPC message (32 MiB) hold it. */
export const MAX_BULK_BYTES = 24 * 1024 * 1024;
/** Lines of one bulk upload. */
export const MAX_BULK_LINES = 10_000;

const BODY_FILE = 'request body';

function tooLarge(limit: number): MiddlewareLimit {
  return bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new ProblemError(413, 'content-too-large', `the request body is over the limit of ${limit} bytes for this route`);
    },
  });
}
type MiddlewareLimit = ReturnType<typeof bodyLimit>;

function requireMediaType(c: Context<AppEnv>, allowed: readonly string[]): void {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!allowed.includes(type)) {
    throw new ProblemError(
      415,
      'unsupported-media-type',
      `send the body as ${allowed.join(' or ')}, not ${type === '' ? 'without a Content-Type' : JSON.stringify(type.slice(0, 80))}`,
    );
  }
}

function writer(c: Context<AppEnv>): LiveWriter {
  // publishAuth has checked that there is one.
  return c.var.live()!;
}

function refused(validation: Validation & { ok: false }): FieldError[] {
  return validation.problems.map(({ field, reason }) => ({ field, reason }));
}

/** The fields of a JSON body, checked as one line of a corpus file; the path's id is the article's. */
function validateBody(id: string, text: string): Validation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ file: BODY_FILE, line: 1, field: 'json', reason: `not valid JSON (${(error as Error).message})` }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ file: BODY_FILE, line: 1, field: 'json', reason: 'the body must be one JSON object {"title": …, "body": …}' }] };
  }
  const fields = { ...(value as Record<string, unknown>) };
  const given = fields['id'];
  const validation = validateArticle(id, fields, { file: BODY_FILE, lines: {}, defaultLine: 1 });
  if (given !== undefined && given !== id && String(given) !== id) {
    const mismatch = {
      file: BODY_FILE,
      line: 1,
      field: 'id',
      reason: `${JSON.stringify(String(given).slice(0, 80))} does not match the id in the path, ${JSON.stringify(id.slice(0, 80))}`,
    };
    return { ok: false, problems: [...(validation.ok ? [] : validation.problems), mismatch] };
  }
  return validation;
}

function invalidArticle(errors: FieldError[]): ProblemError {
  const detail = `the article was refused: ${errors.map(({ field, reason }) => `${field}: ${reason}`).join('; ')}`;
  return new ProblemError(400, 'invalid-article', detail.length > 2000 ? `${detail.slice(0, 2000)}…` : detail, undefined, {}, errors);
}

async function upsert(live: LiveWriter, article: StoredArticle): Promise<WriteOperation> {
  return { kind: 'upsert', article, hash: await articleHash(article), inBase: live.inBase(article.id) };
}

export const articleWriteRoute = new Hono<AppEnv>()
  .put('/:id', tooLarge(MAX_ARTICLE_BYTES), async (c) => {
    requireMediaType(c, ['application/json']);
    const id = c.req.param('id');
    const validation = validateBody(id, new TextDecoder().decode(await c.req.arrayBuffer()));
    if (!validation.ok) throw invalidArticle(refused(validation));
    const live = writer(c);
    const [result] = await live.write([await upsert(live, validation.article)]);
    const status = result!.outcome === 'created' ? 201 : 200;
    // Live-Sequence: the store's change sequence of this write (writes apply in its order).
    return c.json(articleJson(validation.article), status, {
      Location: `/api/articles/${encodeURIComponent(id)}`,
      'Cache-Control': 'no-store',
      'Live-Sequence': String(result!.sequence),
    });
  })
  .delete('/:id', tooLarge(0), async (c) => {
    const id = c.req.param('id');
    const live = writer(c);
    const [result] = await live.write([{ kind: 'retract', id, inBase: live.inBase(id) }]);
    if (result!.outcome === 'unknown') {
      const shown = id.length > 80 ? `${id.slice(0, 80)}…` : id;
      throw new ProblemError(404, 'not-found', `no article with id ${JSON.stringify(shown)}`, 'id');
    }
    return c.body(null, 204, { 'Live-Sequence': String(result!.sequence) });
  });

/** One line of a bulk upload's report. */
export interface LineReport {
  line: number;
  id: string | null;
  status: 'created' | 'replaced' | 'refused';
  errors?: FieldError[];
}

export const bulkWriteRoute = new Hono<AppEnv>().post('/', tooLarge(MAX_BULK_BYTES), async (c) => {
  requireMediaType(c, ['application/x-ndjson', 'application/jsonl']);
  const text = new TextDecoder().decode(await c.req.arrayBuffer());
  const validations = [...parseJsonlArticles(BODY_FILE, text)];
  if (validations.length > MAX_BULK_LINES) {
    throw new ProblemError(413, 'content-too-large', `${validations.length} articles in one upload is over the limit of ${MAX_BULK_LINES}; split it`);
  }
  const live = writer(c);
  const rawLines = text.split('\n');
  const lines: LineReport[] = [];
  const operations: WriteOperation[] = [];
  const written: LineReport[] = [];
  for (const validation of validations) {
    if (!validation.ok) {
      const line = validation.problems[0]?.line ?? 0;
      const idText = idOfLine(rawLines, line);
      lines.push({ line, id: idText, status: 'refused', errors: refused(validation) });
      continue;
    }
    const report: LineReport = { line: validation.line, id: validation.article.id, status: 'created' };
    lines.push(report);
    written.push(report);
    operations.push(await upsert(live, validation.article));
  }
  const results = operations.length === 0 ? [] : await live.write(operations);
  for (const [i, result] of results.entries()) written[i]!.status = result.outcome === 'replaced' ? 'replaced' : 'created';
  const count = (status: LineReport['status']) => lines.filter((line) => line.status === status).length;
  const sequence = Math.max(0, ...results.map((result) => result.sequence));
  return c.json({ created: count('created'), replaced: count('replaced'), refused: count('refused'), lines }, 200, {
    'Cache-Control': 'no-store',
    'Live-Sequence': String(sequence),
  });
});

/** The id a refused line gives, when it is readable JSON with a string id. */
function idOfLine(rawLines: readonly string[], line: number): string | null {
  if (line < 1) return null;
  try {
    const value = JSON.parse(rawLines[line - 1] ?? '') as { id?: unknown };
    return typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id) : null;
  } catch {
    return null;
  }
}

/** GET /api/live/export: every entry of the live set (JSON Lines), for build-index --live. */
export const liveExportRoute = new Hono<AppEnv>().get('/', async (c) => {
  const { epoch, sequence, entries } = await writer(c).exportAll();
  const lines = entries.map((entry) =>
    JSON.stringify(
      entry.article === null ? { id: entry.id, retracted: true, sequence: entry.sequence } : { ...entry.article, sequence: entry.sequence, hash: entry.hash },
    ),
  );
  return c.body(lines.map((line) => `${line}\n`).join(''), 200, {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-store',
    'Live-Epoch': epoch,
    'Live-Sequence': String(sequence),
  });
});
