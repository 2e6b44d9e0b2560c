/**
 * Which requests are writes: they carry a body, a publishing token and their own rate limit,
 * and stay out of CORS (no browser on another origin may send them) and out of the reads'
 * no-body rule.
 */

/** Writes by path: the methods each takes (GET on the export is a write for these purposes: it needs the token). */
export const WRITE_ROUTES = {
  '/api/articles': ['POST'],
  '/api/articles/:id': ['PUT', 'DELETE'],
  '/api/live/export': ['GET'],
} as const;

export function isWriteRequest(method: string, path: string): boolean {
  if (path === '/api/articles') return method === 'POST';
  if (path === '/api/live/export') return true;
  return (method === 'PUT' || method === 'DELETE') && /^\/api\/articles\/[^/]+$/.test(path);
}
