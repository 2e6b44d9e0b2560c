/**
 * Recent searches, kept in localStorage under one key per API endpoint, newest first. Storage
 * may be unavailable (private modes, sandboxed frames, a full quota): recent searches are a
 * convenience, so every failure reads as an empty list and writes nothing.
 */
const KEEP = 5;

export function readRecent(key: string): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string').slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

/** Puts `q` first (once); an empty `q` clears the list. */
export function saveRecent(key: string, q: string): void {
  try {
    if (q) localStorage.setItem(key, JSON.stringify([q, ...readRecent(key).filter((item) => item !== q)].slice(0, KEEP)));
    else localStorage.removeItem(key);
  } catch {
    // Not stored: see above.
  }
}
