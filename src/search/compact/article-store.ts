/**
 * Articles read from the compact file on demand. Cold start decodes nothing; a search touches
 * only the columns its filters and facets read (source, date), and the page's hits decode their
 * own record (title, url, …) and body when the snippet is made.
 */
import type { ArticleLookup, StoredArticle } from '../index-format.ts';
import type { MatchFinder } from '../highlight.ts';
import type { BodyDecoder } from './body-text.ts';
import type { ArticleRecord } from './layout.ts';
import type { StringColumn } from './string-column.ts';

export interface ArticleStoreParts {
  ids: StringColumn;
  dates: StringColumn;
  sourceCodes: Uint16Array;
  sources: readonly string[];
  records: Uint8Array;
  recordOffsets: Uint32Array;
  bodies: BodyDecoder;
}

const utf8 = new TextDecoder();

/**
 * One article. Fields are getters on the prototype: destructuring and property reads work,
 * object spread and JSON.stringify of the instance do not (copy the fields you need).
 */
class LazyArticle implements StoredArticle {
  readonly id: string;
  readonly #parts: ArticleStoreParts;
  readonly #at: number;
  #record: ArticleRecord | undefined;
  #body: string | undefined;
  #date: string | undefined;

  constructor(parts: ArticleStoreParts, at: number, id: string) {
    this.#parts = parts;
    this.#at = at;
    this.id = id;
  }

  get source(): string | undefined {
    const code = this.#parts.sourceCodes[this.#at]!;
    return code === 0 ? undefined : this.#parts.sources[code - 1];
  }

  get date(): string | undefined {
    // Kept: sorting by date reads it at every comparison.
    this.#date ??= this.#parts.dates.get(this.#at);
    return this.#date === '' ? undefined : this.#date;
  }

  get title(): string {
    return this.#read().title;
  }

  get body(): string {
    return (this.#body ??= this.#parts.bodies.decode(this.#at));
  }

  /** The body's first `maxChars` characters (whole words), without decoding the rest. */
  bodyPrefix(maxChars: number): string {
    return this.#body ?? this.#parts.bodies.decode(this.#at, maxChars);
  }

  /** Finds the body's words that match `terms` from the build's analysis (see BodyDecoder.matchFinder). */
  bodyMatches(terms: ReadonlySet<string>): MatchFinder {
    return this.#parts.bodies.matchFinder(this.#at, terms);
  }

  /** Whether the body holds each phrase as a run of index terms (see BodyDecoder.containsRuns). */
  bodyContainsRuns(phrases: readonly (readonly string[])[]): boolean {
    return this.#parts.bodies.containsRuns(this.#at, phrases);
  }

  bodyWords(): number {
    return this.#parts.bodies.codeBytes(this.#at);
  }

  get url(): string | undefined {
    return this.#read().url;
  }

  get author(): string | undefined {
    return this.#read().author;
  }

  get tags(): string[] | undefined {
    return this.#read().tags;
  }

  #read(): ArticleRecord {
    if (this.#record === undefined) {
      const { records, recordOffsets } = this.#parts;
      const bytes = records.subarray(recordOffsets[this.#at]!, recordOffsets[this.#at + 1]!);
      this.#record = JSON.parse(utf8.decode(bytes)) as ArticleRecord;
    }
    return this.#record;
  }
}

export class ArticleStore implements ArticleLookup {
  readonly #parts: ArticleStoreParts;
  readonly #ids: readonly string[];
  readonly #positionOf: (id: string) => number | undefined;

  /** `ids` are the decoded id column (the MiniSearch side holds them anyway), by position. */
  constructor(parts: ArticleStoreParts, ids: readonly string[], positionOf: (id: string) => number | undefined) {
    this.#parts = parts;
    this.#ids = ids;
    this.#positionOf = positionOf;
  }

  get size(): number {
    return this.#parts.ids.length;
  }

  get sources(): readonly string[] {
    return this.#parts.sources;
  }

  get(id: string): StoredArticle | undefined {
    const at = this.#positionOf(id);
    return at === undefined ? undefined : this.at(at);
  }

  at(position: number): StoredArticle {
    return new LazyArticle(this.#parts, position, this.#ids[position]!);
  }

  sourceCode(position: number): number {
    return this.#parts.sourceCodes[position]!;
  }

  dateAt(position: number): string {
    return this.#parts.dates.get(position);
  }
}
