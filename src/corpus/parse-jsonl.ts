/**
 * Bulk articles: one JSON object per line with `id`, `title`, `body` and the optional fields.
 */
import type { Problem } from './article-problem.ts';
import { validateArticle, type Validation } from './validate-article.ts';

/** Every line of a `.jsonl` file, validated; blank lines are allowed and skipped. */
export function* parseJsonlArticles(file: string, text: string): Generator<Validation> {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const lineNo = index + 1;
    const fail = (field: string, reason: string): Validation => ({ ok: false, problems: [{ file, line: lineNo, field, reason } satisfies Problem] });
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield fail('json', `not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield fail('json', 'each line must be one JSON object {"id": …, "title": …, "body": …}');
      continue;
    }
    const fields = { ...(value as Record<string, unknown>) };
    const id = fields['id'];
    yield validateArticle(id, fields, { file, lines: {}, defaultLine: lineNo });
  }
}
