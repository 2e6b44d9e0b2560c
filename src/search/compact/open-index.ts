/**
 * The compact file → the parts of a loaded index: the scoring pass over the file's postings,
 * read in place, the article store and the vocabulary. Cost at cold start: the JSON header,
 * typed-array views, one string per article id, where each vocabulary entry starts.
 */
import type { MatchList, QueryPart } from '../match-list.ts';
import type { Lexicon } from '../../text/lexicon.ts';
import type { ArticleLookup, IndexManifest, Vocabulary } from '../index-format.ts';
import { ArticleStore } from './article-store.ts';
import { BodyDecoder } from './body-text.ts';
import { matchTerms, type ScoringParts } from './match-terms.ts';
import { CompactFormatError, readBlob } from './read-blob.ts';
import { ReweightedTermIndex, type CorpusStatistics } from './reweighted-terms.ts';
import { decodeUtf16, StringColumn } from './string-column.ts';
import { ColumnLexicon } from './lexicon-column.ts';
import { CompactTermIndex, type TermIndex } from './term-index.ts';
import { ColumnVocabulary } from './vocabulary.ts';

export interface CompactIndex {
  manifest: IndexManifest;
  /** Every match of a query, no result object per match (see match-terms.ts). */
  match(parts: readonly QueryPart[]): MatchList;
  articles: ArticleLookup;
  vocabulary: Vocabulary;
  /** The counts the index was analyzed with; queries must be analyzed with the same. */
  lexicon: Lexicon;
  /** Whether any article has the index term. */
  hasTerm(term: string): boolean;
  /** Article ids by position (= short id), in code-unit order. */
  ids: readonly string[];
  /** The file's terms, scored with the statistics it was built with. */
  termIndex: TermIndex;
  fieldIds: Record<string, number>;
  /** MiniSearch's field lengths (distinct tokens), per position and field id. */
  fieldLengths: Uint32Array;
  /** match() over the same postings, scoring with other statistics (a live set's combined corpus). */
  reweighted(statistics: CorpusStatistics): Pick<CompactIndex, 'match'>;
}

/** All strings of a column at once: one decode, then slices that share its memory. */
function allStrings(units: Uint16Array, offsets: Uint32Array): string[] {
  const text = decodeUtf16(units);
  const strings = new Array<string>(offsets.length - 1);
  for (let i = 0; i < strings.length; i++) strings[i] = text.slice(offsets[i]!, offsets[i + 1]!);
  return strings;
}

function checkFields(fieldIds: Record<string, number>, fields: readonly string[]): void {
  const built = Object.keys(fieldIds);
  if (built.length !== fields.length || fields.some((field, i) => fieldIds[field] !== i)) {
    throw new CompactFormatError(`index: built for fields ${built.join(', ')}, the options list ${fields.join(', ')}; run npm run build-index`);
  }
}

/** `fields`: the searched fields in scoring order, which must be the ones the file was built with. */
export function openCompactIndex(bytes: ArrayBuffer | Uint8Array, fields: readonly string[]): CompactIndex {
  const { header, sections: s } = readBlob(bytes);
  const lexicon = new ColumnLexicon(new StringColumn(s.lexiconUnits, s.lexiconOffsets), s.lexiconCounts, s.lexiconHamzated);
  checkFields(header.fieldIds, fields);
  const idColumn = new StringColumn(s.idUnits, s.idOffsets);
  const ids = allStrings(s.idUnits, s.idOffsets);
  // Built on the first lookup by id (an article request):
  // a Map beats binary search over the id column there, and cold start does not pay for it.
  let positions: Map<string, number> | undefined;
  const positionOf = (id: string): number | undefined => (positions ??= new Map(ids.map((known, at) => [known, at]))).get(id);
  const termIndex = new CompactTermIndex({
    terms: new StringColumn(s.termUnits, s.termOffsets),
    postingOffsets: s.postingOffsets,
    postings: s.postings,
    fieldCount: fields.length,
    globalDocumentFrequencies: header.globalDocumentFrequencies === true,
  });
  const scoring: ScoringParts = {
    termIndex,
    ids,
    fields,
    fieldIds: header.fieldIds,
    averageFieldLength: header.averageFieldLength,
    fieldLengths: s.fieldLengths,
    documentCount: header.documentCount,
  };
  const reweighted = (statistics: CorpusStatistics): Pick<CompactIndex, 'match'> => {
    const reweighed: ScoringParts = {
      ...scoring,
      termIndex: new ReweightedTermIndex(termIndex, statistics),
      averageFieldLength: statistics.averageFieldLength,
      documentCount: statistics.documentCount,
    };
    return { match: (parts) => matchTerms(reweighed, parts) };
  };
  const articles = new ArticleStore(
    {
      ids: idColumn,
      dates: new StringColumn(s.dateUnits, s.dateOffsets),
      sourceCodes: s.sourceCodes,
      sources: header.sources,
      records: s.records,
      recordOffsets: s.recordOffsets,
      bodies: new BodyDecoder(new StringColumn(s.bodyWordUnits, s.bodyWordOffsets), s.bodyCodes, s.bodyOffsets, {
        terms: new StringColumn(s.termUnits, s.termOffsets),
        data: s.bodyWordMatches,
        offsets: s.bodyWordMatchOffsets,
      }),
    },
    ids,
    positionOf,
  );
  return {
    manifest: header.manifest,
    match: (parts) => matchTerms(scoring, parts),
    articles,
    vocabulary: new ColumnVocabulary(s.vocabularyKeys, s.vocabularyWords, s.vocabularyCounts),
    lexicon,
    hasTerm: (term) => termIndex.has(term),
    ids,
    termIndex,
    fieldIds: header.fieldIds,
    fieldLengths: s.fieldLengths,
    reweighted,
  };
}
