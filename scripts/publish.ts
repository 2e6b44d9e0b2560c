/**
 * npm run publish -- <file.md|file.jsonl> [--endpoint URL]: publishes (or corrects) articles on
 * a running Worker without a rebuild. A Markdown file is one article (its id the file name),
 * sent with PUT /api/articles/:id; a JSON Lines file is sent in bulk (POST /api/articles,
 * 5,000 lines a request). Articles are checked first with the build's own validation, so an
 * editor sees `file:line: field: reason` before anything is sent. Token: PUBLISH_TOKEN.
 * Exit 0 when every article was taken, 1 otherwise, 2 for a wrong command line.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMarkdownArticle } from '../build-index/parse-markdown.ts';
import { formatProblem } from '../build-index/problems.ts';
import { parseJsonlArticles } from '../src/corpus/parse-jsonl.ts';
import { liveClient, reportFailure, send } from './live-client.ts';

const COMMAND = 'publish';
const USAGE = 'usage: npm run publish -- <file.md|file.jsonl> [--endpoint https://your-worker] (token in PUBLISH_TOKEN)';
/** Lines per bulk request: well inside the Worker's 10,000 lines and 24 MiB. */
const LINES_PER_REQUEST = 5000;

interface LineReport {
  line: number;
  id: string | null;
  status: string;
  errors?: { field: string; reason: string }[];
}

async function main(): Promise<number> {
  let file: string;
  let endpoint: string | undefined;
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { endpoint: { type: 'string' } } });
    if (positionals.length !== 1) throw new Error('give exactly one .md or .jsonl file');
    file = positionals[0]!;
    endpoint = values.endpoint;
  } catch (error) {
    console.error(`${COMMAND}: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!file.endsWith('.md') && !file.endsWith('.jsonl')) {
    console.error(`${COMMAND}: ${file}: not an article file (.md for one article, .jsonl for many)`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${COMMAND}: ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return 1;
  }
  const client = liveClient(COMMAND, endpoint);
  if (client === undefined) return 2;

  if (file.endsWith('.md')) {
    const validation = parseMarkdownArticle(file, basename(file, '.md'), text);
    if (!validation.ok) {
      for (const problem of validation.problems) console.error(formatProblem(problem));
      return 1;
    }
    const { id, ...fields } = validation.article;
    const response = await send(COMMAND, client, `/api/articles/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(fields),
    });
    if (response === undefined) return 1;
    if (response.status !== 200 && response.status !== 201) {
      await reportFailure(COMMAND, response, file);
      return 1;
    }
    console.log(`${COMMAND}: ${id} ${response.status === 201 ? 'published' : 'replaced'} on ${client.endpoint}`);
    return 0;
  }

  const validations = [...parseJsonlArticles(file, text)];
  const refused = validations.flatMap((validation) => (validation.ok ? [] : validation.problems));
  for (const problem of refused) console.error(formatProblem(problem));
  const lines = text.split('\n');
  const valid = validations.flatMap((validation) => (validation.ok ? [validation.line] : []));
  let created = 0;
  let replaced = 0;
  let failed = refused.length > 0;
  for (let start = 0; start < valid.length; start += LINES_PER_REQUEST) {
    const chunk = valid.slice(start, start + LINES_PER_REQUEST);
    const body = chunk.map((line) => lines[line - 1]).join('\n');
    const response = await send(COMMAND, client, '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body });
    if (response === undefined) return 1;
    if (response.status !== 200) {
      await reportFailure(COMMAND, response, file);
      console.error(`${COMMAND}: ${start} of ${valid.length} valid article(s) were taken before this request failed`);
      return 1;
    }
    const report = (await response.json()) as { created: number; replaced: number; lines: LineReport[] };
    created += report.created;
    replaced += report.replaced;
    for (const line of report.lines.filter((entry) => entry.status === 'refused')) {
      failed = true;
      for (const error of line.errors ?? []) console.error(`${file}:${chunk[line.line - 1] ?? line.line}: ${error.field}: ${error.reason}`);
    }
  }
  console.log(`${COMMAND}: ${created} published, ${replaced} replaced on ${client.endpoint}${refused.length > 0 ? `; ${refused.length} refused (above)` : ''}`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
