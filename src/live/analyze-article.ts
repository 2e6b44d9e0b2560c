/**
 * The live set's one call into the analyzer: an article's index terms and field lengths exactly
 * as MiniSearch's `add()` makes them with the embedded index's options (minisearchOptions over the
 * analyzer of its lexicon), so a live article scores as it would after a rebuild with that lexicon.
 */
import type { StoredArticle } from '../search/index-format.ts';
import { minisearchOptions, type IndexedFields } from '../search/options.ts';
import type { Analyzer } from '../text/analyze.ts';

export interface AnalyzedArticle {
  /** By field id: distinct tokens (MiniSearch's field length). */
  fieldLengths: number[];
  /** By field id: index term → term frequency. */
  terms: Map<string, number>[];
}

/** `fieldIds` maps the indexed fields to the ids the embedded index uses; `analyzer` is its analyzer. */
export function analyzeArticle(article: StoredArticle, fieldIds: Record<string, number>, analyzer: Analyzer): AnalyzedArticle {
  const options = minisearchOptions(analyzer);
  const { tokenize, processTerm, fields } = options as Required<Pick<typeof options, 'tokenize' | 'processTerm' | 'fields'>>;
  const document: IndexedFields = { id: article.id, title: article.title, body: article.body };
  const fieldLengths: number[] = [];
  const terms: Map<string, number>[] = [];
  for (const field of fields) {
    const fieldId = fieldIds[field]!;
    const counts = new Map<string, number>();
    terms[fieldId] = counts;
    const tokens = tokenize(String(document[field as keyof IndexedFields]), field);
    fieldLengths[fieldId] = new Set(tokens).size;
    for (const token of tokens) {
      const processed = processTerm(token, field);
      for (const term of Array.isArray(processed) ? processed : [processed]) {
        if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
    }
  }
  return { fieldLengths, terms };
}
