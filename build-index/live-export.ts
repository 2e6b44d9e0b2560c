/**
 * build-index --live <endpoint>: folds a running Worker's live set into the build. Reads
 * GET /api/live/export (token: PUBLISH_TOKEN), checks every article with the build's
 * validation, and applies the entries to the corpus: a live article replaces or adds its id,
 * a retraction removes it. Once deployed, the Worker finds the live entries it holds with the
 * same content hash and stops counting them as live (src/live/live-set.ts).
 */
import type { StoredArticle } from '../src/search/index-format.ts';
import { validateArticle } from '../src/corpus/validate-article.ts';
import type { Problem } from './problems.ts';

export interface LiveFold {
  articles: StoredArticle[];
  problems: Problem[];
  upserts: number;
  retractions: number;
  /** The live set's version that was folded (the export's Live-Sequence). */
  sequence: string;
}

/** The export's entries, read and checked; throws with a one-line reason when the Worker cannot give them. */
export async function readLiveExport(
  endpoint: string,
  token: string | undefined,
): Promise<{ entries: ({ id: string; retracted: true } | { article: StoredArticle })[]; problems: Problem[]; sequence: string }> {
  if (token === undefined || token === '') throw new Error("--live needs PUBLISH_TOKEN (the Worker's publishing token) in the environment");
  const url = `${endpoint.replace(/\/+$/, '')}/api/live/export`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new Error(`cannot reach ${url} (${cause?.code ?? (error as Error).message})`, { cause: error });
  }
  if (response.status !== 200) {
    const detail = await response.json().then(
      (problem) => (problem as { detail?: string }).detail,
      () => response.statusText,
    );
    throw new Error(`${url} answered ${response.status}: ${detail}`);
  }
  const file = `${url} (live export)`;
  const problems: Problem[] = [];
  const entries: ({ id: string; retracted: true } | { article: StoredArticle })[] = [];
  for (const [index, line] of (await response.text()).split('\n').entries()) {
    if (line.trim() === '') continue;
    // The export's own fields (sequence, hash) are not the article's.
    const fields = JSON.parse(line) as Record<string, unknown>;
    const retracted = fields['retracted'];
    for (const key of ['sequence', 'hash', 'retracted']) delete fields[key];
    if (retracted === true) {
      entries.push({ id: String(fields['id']), retracted: true });
      continue;
    }
    const validation = validateArticle(fields['id'], fields, { file, lines: {}, defaultLine: index + 1 });
    if (validation.ok) entries.push({ article: validation.article });
    else problems.push(...validation.problems);
  }
  return { entries, problems, sequence: response.headers.get('Live-Sequence') ?? '?' };
}

/** The corpus with the live set applied, in the export's order (each id's latest state). */
export async function foldLiveSet(corpus: readonly StoredArticle[], endpoint: string, token: string | undefined): Promise<LiveFold> {
  const { entries, problems, sequence } = await readLiveExport(endpoint, token);
  const byId = new Map(corpus.map((article) => [article.id, article]));
  let upserts = 0;
  let retractions = 0;
  for (const entry of entries) {
    if ('article' in entry) {
      byId.set(entry.article.id, entry.article);
      upserts++;
    } else if (byId.delete(entry.id)) {
      retractions++;
    }
  }
  return { articles: [...byId.values()], problems, upserts, retractions, sequence };
}
