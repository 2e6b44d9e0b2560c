/**
 * The compact index file (`index-data.bin`): one ArrayBuffer the Worker reads in place.
 *
 *   bytes 0..3   header length h (uint32, little-endian)
 *   bytes 4..4+h header: UTF-8 JSON (CompactHeader)
 *   then         sections, each 8-byte aligned, at the offsets the header lists
 *
 * Sections are typed arrays in the platform's byte order; every platform that runs workerd or
 * Node is little-endian, and the reader refuses a file whose byte-order probe does not match.
 */
import type { IndexManifest } from '../index-format.ts';

/** Element type of each section, so the reader can make a view without copying. */
export const SECTION_TYPES = {
  /** Sorted index terms, UTF-16. */
  termUnits: 'u16',
  termOffsets: 'u32',
  /** Byte offset of each term's postings; one more entry than terms. */
  postingOffsets: 'u32',
  /** Per term, per field: varint count, then (varint doc gap, varint term frequency) pairs. */
  postings: 'u8',
  /** MiniSearch's field lengths, fieldCount per document. */
  fieldLengths: 'u32',
  /** Article ids by short id (sorted by code unit, the build's order). */
  idUnits: 'u16',
  idOffsets: 'u32',
  dateUnits: 'u16',
  dateOffsets: 'u32',
  /** Index into `sources` + 1; 0 when the article has none. */
  sourceCodes: 'u16',
  /** Per article, UTF-8 JSON of the fields not kept in columns (title, url, author, tags). */
  records: 'u8',
  recordOffsets: 'u32',
  /** Bodies as word codes (body-text.ts): the dictionary, then each body's varint ranks. */
  bodyWordUnits: 'u16',
  bodyWordOffsets: 'u32',
  bodyCodes: 'u8',
  bodyOffsets: 'u32',
  /**
   * Per dictionary entry, analyzed at build time, with terms as positions in the sorted term
   * list. First, for quoted phrases, the index term of each token in order: varint count, varint
   * positions. Then the words in it that snippets can match: varint count, then per word varint
   * start, varint length, varint term count, varint term positions. Neither phrases nor snippets
   * analyze text per request.
   */
  bodyWordMatches: 'u8',
  bodyWordMatchOffsets: 'u32',
  /** Suggestion vocabulary: keys and words joined by newlines, UTF-16; counts by key. */
  vocabularyKeys: 'u16',
  vocabularyWords: 'u16',
  vocabularyCounts: 'u32',
  /**
   * The lexicon the analyzer decides affixes by (src/text/lexicon.ts): sorted word forms, UTF-16,
   * with their counts and how often each was written with a hamza on a leading ال.
   */
  lexiconUnits: 'u16',
  lexiconOffsets: 'u32',
  lexiconCounts: 'u32',
  lexiconHamzated: 'u32',
  /** One uint32 equal to BYTE_ORDER_PROBE, written in the builder's byte order. */
  byteOrder: 'u32',
} as const;

export type SectionName = keyof typeof SECTION_TYPES;
export type SectionType = (typeof SECTION_TYPES)[SectionName];

export const BYTE_ORDER_PROBE = 0x01020304;
export const SECTION_ALIGNMENT = 8;

export interface SectionRef {
  /** Byte offset from the start of the file. */
  offset: number;
  byteLength: number;
}

export interface CompactHeader {
  manifest: IndexManifest;
  documentCount: number;
  nextId: number;
  /** MiniSearch's field name → field id. */
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** A shard's: postings give, after each field's count, the whole corpus's (see encode-index.ts). */
  globalDocumentFrequencies?: boolean;
  sources: string[];
  sections: Record<SectionName, SectionRef>;
}

/** Per article fields kept in `records` (the rest are columns). */
export interface ArticleRecord {
  title: string;
  url?: string;
  author?: string;
  tags?: string[];
}
