/** The lookup the article route and the article page share: the article, or a 404 problem. */
import type { SearchBackend } from '../search/backend.ts';
import type { StoredArticle } from '../search/index-format.ts';
import { ProblemError } from './problem.ts';

/** The article with this id, or a 404 problem naming it. */
export async function findArticle(backend: SearchBackend, id: string): Promise<StoredArticle> {
  const article = await backend.article(id);
  if (article === undefined) {
    const shown = id.length > 80 ? `${id.slice(0, 80)}…` : id;
    throw new ProblemError(404, 'not-found', `no article with id ${JSON.stringify(shown)}`, 'id');
  }
  return article;
}
