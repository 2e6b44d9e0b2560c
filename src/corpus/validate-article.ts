/**
 * Field checks shared by every corpus format. Pure: takes the parsed fields and where each one
 * came from, returns the stored article or the problems.
 */
import type { StoredArticle } from '../search/index-format.ts';
import type { Problem } from './article-problem.ts';

/** Longest accepted title, in characters; real headlines stay far below. */
export const MAX_TITLE_CHARS = 500;
/** Longest accepted body, in characters (about 150 printed pages): larger is a broken export. */
export const MAX_BODY_CHARS = 500_000;
const MAX_META_CHARS = 500;
const MAX_TAGS = 50;

export const KNOWN_FIELDS = ['id', 'title', 'body', 'date', 'source', 'url', 'author', 'tags'] as const;

/** Article ids become URL path segments and file names: letters, digits, `_`, `-`, `.`. */
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,127}$/u;
// Invisible and harmless: C0 controls other than NUL, tab and newline; DEL; C1 controls. Removed
// with a warning (SaudiNewsNet's bodies hold stray U+001A SUBSTITUTE, for one).
const INVISIBLE = /[\u0001-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Not text: NUL and unpaired surrogates, from escapes (JSON "\u0000", "\ud800"); a NUL byte in a file is
// refused earlier (decode-text.ts).
const UNREADABLE = /\u0000|[\uD800-\uDFFF]/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface FieldSource {
  file: string;
  /** Line of each field; fields without an entry use `defaultLine`. */
  lines: Partial<Record<string, number>>;
  defaultLine: number;
}

export type Validation = { ok: true; article: StoredArticle; line: number; warnings: Problem[] } | { ok: false; problems: Problem[] };

function isValidDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const timeOk = m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && timeOk;
}

const lineAt = (text: string, at: number, firstLine: number): number => firstLine + (text.slice(0, at).match(/\n/g)?.length ?? 0);
const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

type Cleaned = { ok: true; text: string; removed?: { line: number; reason: string } } | { ok: false; line: number; reason: string };

/**
 * Text as stored: CR line endings made LF (JSON strings may hold them), invisible controls
 * removed and described for a warning; NUL and unpaired surrogates refused (not readable text).
 */
function cleanText(value: string, firstLine: number): Cleaned {
  const text = value.replace(/\r\n?/g, '\n');
  const bad = UNREADABLE.exec(text);
  if (bad !== null) {
    const reason =
      bad[0] === '\u0000'
        ? 'contains NUL (U+0000), which is not text; remove it (an escape such as "\\u0000")'
        : `contains an unpaired surrogate (${codePoint(bad[0])}), which is not text; fix the "\\u${bad[0].charCodeAt(0).toString(16)}" escape`;
    return { ok: false, line: lineAt(text, bad.index, firstLine), reason };
  }
  const first = text.search(INVISIBLE);
  if (first === -1) return { ok: true, text };
  const counts = new Map<string, number>();
  for (const [char] of text.matchAll(INVISIBLE)) counts.set(char, (counts.get(char) ?? 0) + 1);
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const which = [...counts].map(([char, n]) => `${codePoint(char)} ×${n}`).join(', ');
  return {
    ok: true,
    text: text.replace(INVISIBLE, ''),
    removed: { line: lineAt(text, first, firstLine), reason: `removed ${total} invisible control character(s) (${which})` },
  };
}

/** Absent, null and empty optional fields are all "not given" (CMS exports write all three). */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function validateArticle(id: unknown, fields: Record<string, unknown>, from: FieldSource): Validation {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const lineOf = (field: string): number => from.lines[field] ?? from.defaultLine;
  const fail = (field: string, reason: string, line = lineOf(field)): void => {
    problems.push({ file: from.file, line, field, reason });
  };

  const idText = typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? String(id) : id;
  if (typeof idText !== 'string' || idText === '') fail('id', 'required: a non-empty string');
  else if (!ID_PATTERN.test(idText)) {
    fail('id', `"${idText.slice(0, 80)}" is not a valid id: use letters, digits, "_", "-" or "." (at most 128, starting with a letter or digit)`);
  }

  /** The cleaned text, a warning when controls were removed; undefined (reported) when unreadable. */
  const clean = (field: string, value: string, firstLine = lineOf(field)): string | undefined => {
    const cleaned = cleanText(value, firstLine);
    if (!cleaned.ok) return void fail(field, cleaned.reason, cleaned.line);
    if (cleaned.removed) warnings.push({ file: from.file, line: cleaned.removed.line, field, reason: cleaned.removed.reason });
    return cleaned.text;
  };

  const text = (field: 'title' | 'body', max: number): string | undefined => {
    const value = fields[field];
    if (isBlank(value)) return void fail(field, 'required and must not be empty');
    if (typeof value !== 'string') return void fail(field, `must be text, not ${typeof value} (quote it in YAML)`);
    const cleaned = clean(field, value);
    if (cleaned === undefined) return undefined;
    const trimmed = cleaned.trim();
    if (trimmed === '') return void fail(field, 'required and must not be empty (it holds only invisible control characters)');
    if (trimmed.length > max) return void fail(field, `${trimmed.length} characters is over the limit of ${max}`);
    return trimmed;
  };
  const title = text('title', MAX_TITLE_CHARS);
  if (title !== undefined && title.includes('\n')) fail('title', 'must be a single line');
  const body = text('body', MAX_BODY_CHARS);

  const optional = (field: 'source' | 'author' | 'url' | 'date'): string | undefined => {
    const value = fields[field];
    if (isBlank(value)) return undefined;
    if (typeof value !== 'string') return void fail(field, `must be text, not ${typeof value}`);
    const cleaned = clean(field, value);
    if (cleaned === undefined) return undefined;
    const trimmed = cleaned.trim();
    if (trimmed.length > MAX_META_CHARS) return void fail(field, `over the limit of ${MAX_META_CHARS} characters`);
    if (trimmed.includes('\n')) return void fail(field, 'must be one line of text');
    return trimmed === '' ? undefined : trimmed;
  };
  const source = optional('source');
  const author = optional('author');
  const url = optional('url');
  if (url !== undefined && !/^https?:\/\/[^\s/]+/i.test(url)) fail('url', `"${url.slice(0, 80)}" is not an http(s) URL`);
  const date = optional('date');
  if (date !== undefined && !isValidDate(date)) {
    fail('date', `"${date.slice(0, 40)}" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time)`);
  }

  let tags: string[] | undefined;
  const rawTags = fields['tags'];
  if (!isBlank(rawTags)) {
    const list = typeof rawTags === 'string' ? [rawTags] : rawTags;
    if (!Array.isArray(list) || !list.every((tag) => typeof tag === 'string' && tag.trim() !== '')) {
      fail('tags', 'must be a list of non-empty strings');
    } else if (list.length > MAX_TAGS) fail('tags', `${list.length} tags is over the limit of ${MAX_TAGS}`);
    else {
      const cleaned = list.map((tag: string) => clean('tags', tag)?.trim());
      if (cleaned.some((tag) => tag === '')) fail('tags', 'must be a list of non-empty strings (one holds only invisible control characters)');
      else if (cleaned.every((tag) => tag !== undefined)) tags = cleaned;
    }
  }

  for (const field of Object.keys(fields)) {
    if (!(KNOWN_FIELDS as readonly string[]).includes(field)) {
      warnings.push({ file: from.file, line: lineOf(field), field, reason: `unknown field, ignored (known: ${KNOWN_FIELDS.join(', ')})` });
    }
  }

  if (problems.length > 0 || typeof idText !== 'string' || title === undefined || body === undefined) return { ok: false, problems };
  const article: StoredArticle = { id: idText, title, body };
  if (source !== undefined) article.source = source;
  if (date !== undefined) article.date = date;
  if (url !== undefined) article.url = url;
  if (author !== undefined) article.author = author;
  if (tags !== undefined) article.tags = tags;
  return { ok: true, article, line: lineOf('id'), warnings };
}
