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
// C0 controls other than tab and newline, DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
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

function controlCharacterLine(text: string, firstLine: number): number | undefined {
  const at = text.search(CONTROL);
  if (at === -1) return undefined;
  return firstLine + (text.slice(0, at).match(/\n/g)?.length ?? 0);
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

  const text = (field: 'title' | 'body', max: number, firstLine = lineOf(field)): string | undefined => {
    const value = fields[field];
    if (isBlank(value)) return void fail(field, 'required and must not be empty');
    if (typeof value !== 'string') return void fail(field, `must be text, not ${typeof value} (quote it in YAML)`);
    const trimmed = value.trim();
    if (trimmed.length > max) return void fail(field, `${trimmed.length} characters is over the limit of ${max}`);
    const controlLine = controlCharacterLine(value, firstLine);
    if (controlLine !== undefined) return void fail(field, 'contains a control character', controlLine);
    return trimmed;
  };
  const title = text('title', MAX_TITLE_CHARS);
  if (title !== undefined && title.includes('\n')) fail('title', 'must be a single line');
  const body = text('body', MAX_BODY_CHARS);

  const optional = (field: 'source' | 'author' | 'url' | 'date'): string | undefined => {
    const value = fields[field];
    if (isBlank(value)) return undefined;
    if (typeof value !== 'string') return void fail(field, `must be text, not ${typeof value}`);
    const trimmed = value.trim();
    if (trimmed.length > MAX_META_CHARS) return void fail(field, `over the limit of ${MAX_META_CHARS} characters`);
    if (CONTROL.test(trimmed) || trimmed.includes('\n')) return void fail(field, 'must be one line of text without control characters');
    return trimmed;
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
    if (!Array.isArray(list) || !list.every((tag) => typeof tag === 'string' && tag.trim() !== '' && !CONTROL.test(tag))) {
      fail('tags', 'must be a list of non-empty strings');
    } else if (list.length > MAX_TAGS) fail('tags', `${list.length} tags is over the limit of ${MAX_TAGS}`);
    else tags = list.map((tag: string) => tag.trim());
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
