/**
 * One article per Markdown file: YAML front matter between `---` lines, then the body.
 * The id is the file name without `.md`.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { Problem } from './problems.ts';
import { validateArticle, type Validation } from '../src/corpus/validate-article.ts';

const FENCE = '---';

export function parseMarkdownArticle(file: string, id: string, text: string): Validation {
  const fail = (line: number, field: string, reason: string): Validation => ({ ok: false, problems: [{ file, line, field, reason }] });
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== FENCE) {
    return fail(1, 'front matter', `the file must start with a "${FENCE}" line, then YAML fields (title: …), then "${FENCE}"`);
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === FENCE);
  if (close === -1) return fail(1, 'front matter', `no closing "${FENCE}" line after the front matter`);

  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Line numbers in the file: the YAML starts on line 2.
  const fileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((error) => ({
      file,
      line: fileLine(error.pos[0]),
      field: 'front matter',
      reason: `invalid YAML: ${error.message.split('\n')[0]}`,
    }));
    return { ok: false, problems };
  }
  if (!isMap(doc.contents)) return fail(2, 'front matter', 'must be YAML "key: value" fields');

  const fields = { ...(doc.toJS() as Record<string, unknown>) };
  const fieldLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) fieldLines[String(pair.key.value)] = fileLine(pair.key.range[0]);
  }
  if ('body' in fields) {
    return fail(fieldLines['body'] ?? 2, 'body', 'the body is the text after the front matter, not a front matter field');
  }
  if ('id' in fields) {
    return fail(fieldLines['id'] ?? 2, 'id', `the id of a Markdown article is its file name ("${id}"); remove the id field`);
  }

  // The body starts on the first non-blank line after the closing fence.
  let bodyStart = close + 1;
  while (bodyStart < lines.length && lines[bodyStart]!.trim() === '') bodyStart++;
  fields['body'] = lines.slice(bodyStart).join('\n');
  // An empty body is reported on the line after the closing fence, where it should start.
  fieldLines['body'] = bodyStart < lines.length ? bodyStart + 1 : close + 2;
  return validateArticle(id, fields, { file, lines: fieldLines, defaultLine: 1 });
}
