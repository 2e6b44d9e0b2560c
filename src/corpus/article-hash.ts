/**
 * An article's content hash: SHA-256 (hex) of its JSON with the fields in the order validation
 * makes them (the build's corpus hash hashes the same JSON). A live entry whose hash equals the
 * embedded article's has been folded into the base by a rebuild and stops counting as live.
 */
import type { StoredArticle } from '../search/index-format.ts';

/** The stored fields only, in a fixed order (a lazily decoded base article has getters, not own fields). */
export function canonicalArticle(article: StoredArticle): StoredArticle {
  const { id, title, body, source, date, url, author, tags } = article;
  const canonical: StoredArticle = { id, title, body };
  if (source !== undefined) canonical.source = source;
  if (date !== undefined) canonical.date = date;
  if (url !== undefined) canonical.url = url;
  if (author !== undefined) canonical.author = author;
  if (tags !== undefined) canonical.tags = [...tags];
  return canonical;
}

export async function articleHash(article: StoredArticle): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(canonicalArticle(article)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
