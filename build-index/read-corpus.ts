/**
 * Reads a corpus folder: every `.md` article and every line of every `.jsonl` / `.jsonl.gz`
 * file. Each article ends up either in `articles` or, with its reason, in `problems`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { StoredArticle } from '../src/search/index-format.ts';
import { decodeText } from './decode-text.ts';
import { parseJsonlArticles } from '../src/corpus/parse-jsonl.ts';
import { parseMarkdownArticle } from './parse-markdown.ts';
import type { Problem } from './problems.ts';
import type { Validation } from '../src/corpus/validate-article.ts';

/** Larger corpus files are refused before reading: a bundle could not hold them anyway. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface CorpusReport {
  articles: StoredArticle[];
  /** Articles (or whole files) refused, each with its reason. */
  problems: Problem[];
  /** Accepted articles with something worth knowing (an ignored field). */
  warnings: Problem[];
  files: number;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return (
    entries
      // Everything but folders: a link, a pipe or a device in the corpus is reported, not skipped.
      .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
  );
}

function articleKind(path: string): 'markdown' | 'jsonl' | 'jsonl.gz' | undefined {
  if (path.endsWith('.md')) return 'markdown';
  if (path.endsWith('.jsonl')) return 'jsonl';
  if (path.endsWith('.jsonl.gz')) return 'jsonl.gz';
  return undefined;
}

async function* readFileArticles(path: string, shown: string): AsyncGenerator<Validation> {
  const fileProblem = (field: string, reason: string, line = 0): Validation => ({ ok: false, problems: [{ file: shown, line, field, reason }] });
  const kind = articleKind(path);
  if (kind === undefined) {
    yield fileProblem('file', 'not an article file: the corpus holds .md, .jsonl and .jsonl.gz files only');
    return;
  }
  let bytes: Uint8Array;
  try {
    // stat follows links: a link whose target vanished fails here with ENOENT.
    const info = await stat(path);
    if (!info.isFile()) {
      yield fileProblem('file', 'not a regular file (a folder, a pipe or a device); the corpus holds article files only');
      return;
    }
    const { size } = info;
    if (size > MAX_FILE_BYTES) {
      yield fileProblem('file', `${size} bytes is over the limit of ${MAX_FILE_BYTES}; split it into several .jsonl files`);
      return;
    }
    bytes = await readFile(path);
    if (kind === 'jsonl.gz') bytes = gunzipSync(bytes);
  } catch (error) {
    yield fileProblem('file', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield fileProblem('encoding', decoded.reason, decoded.line);
    return;
  }
  if (kind === 'markdown') {
    const id = path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
    yield parseMarkdownArticle(shown, id, decoded.text);
  } else {
    yield* parseJsonlArticles(shown, decoded.text);
  }
}

/**
 * Reads and validates the whole corpus. Files are read in sorted order and the first article
 * with a given id wins; later ones are reported as duplicates.
 */
export async function readCorpus(dir: string, onProgress?: (articles: number) => void): Promise<CorpusReport> {
  const report: CorpusReport = { articles: [], problems: [], warnings: [], files: 0 };
  const firstSeen = new Map<string, string>();
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (error) {
    report.problems.push({
      file: dir,
      line: 0,
      field: 'corpus',
      reason: `cannot be listed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    });
    return report;
  }
  for (const path of files) {
    report.files++;
    const shown = relative(process.cwd(), path) || path;
    for await (const result of readFileArticles(path, shown)) {
      if (!result.ok) {
        report.problems.push(...result.problems);
        continue;
      }
      const { article } = result;
      const where = `${shown}:${result.line}`;
      const previous = firstSeen.get(article.id);
      if (previous !== undefined) {
        report.problems.push({ file: shown, line: result.line, field: 'id', reason: `duplicate id "${article.id}", first given at ${previous}` });
        continue;
      }
      firstSeen.set(article.id, where);
      report.articles.push(article);
      report.warnings.push(...result.warnings);
      onProgress?.(report.articles.length);
    }
  }
  return report;
}
