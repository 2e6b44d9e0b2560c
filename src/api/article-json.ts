/** An article as the API shows it (GET /api/articles/:id, and the answer to a PUT). */
import type { StoredArticle } from '../search/index-format.ts';

export function articleJson(article: StoredArticle): Record<string, unknown> {
  const { id, title, source, date, url, author, tags, body } = article;
  return { id, title, source: source ?? null, date: date ?? null, url: url ?? null, author: author ?? null, tags: tags ?? [], body };
}
