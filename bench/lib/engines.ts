/**
 * The engines the relevance bench compares. Each indexes the same passages (body only) and
 * answers a free-text question with its top-10 passage ids, best first.
 */
import { createRequire } from 'node:module';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { stemmer as snowballArabic } from '@orama/stemmers/arabic';
import { stopwords as oramaArabicStopWords } from '@orama/stopwords/arabic';
import { searchArticles } from '../../src/search/search-articles.ts';
import { buildIndexData } from '../../build-index/build-index-data.ts';
import type { StoredArticle } from '../../src/search/index-format.ts';
import { loadIndex, type LoadedIndex } from '../../src/search/read-index.ts';
import { cleanWord, normalizeText } from '../../src/text/normalize.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import type { Passage } from './arcd.ts';

export interface Engine {
  name: string;
  /** One line on how the engine was set up, printed under the table. */
  setup: string;
  build(passages: readonly Passage[]): (question: string) => string[];
}

const TOP = 10;

/** A plain MiniSearch over the body with the given term processing; OR of terms, BM25. */
function miniSearchEngine(name: string, setup: string, options: Partial<ConstructorParameters<typeof MiniSearch>[0]>): Engine {
  return {
    name,
    setup,
    build(passages) {
      const index = new MiniSearch({ fields: ['body'], ...options });
      index.addAll(passages.map(({ id, body }) => ({ id, body })));
      return (question) =>
        index
          .search(question)
          .slice(0, TOP)
          .map((hit) => String(hit.id));
    },
  };
}

/** The index the Worker would load for these articles: the build's compact file, read in place. */
export function productIndex(articles: readonly StoredArticle[]): LoadedIndex {
  const data = buildIndexData(articles, { builtAt: '2026-01-01T00:00:00.000Z' });
  return loadIndex({ manifest: data.manifest, indexBlob: data.blob });
}

/** The product: the real MINISEARCH_OPTIONS and the Worker's searchArticles (query syntax, boosts, snippets). */
const product: Engine = {
  name: 'Product analyzer (MiniSearch)',
  setup: 'MINISEARCH_OPTIONS + searchArticles() from src/, as the Worker runs them (snippets included in the time)',
  build(passages) {
    const index = productIndex(passages.map(({ id, body }) => ({ id, title: '', body })));
    return (q) => searchArticles(index, { q, limit: TOP, offset: 0, sources: [], sort: 'relevance' }).hits.map((hit) => hit.id);
  },
};

/** The little of lunr's API the bench uses (lunr ships no types). */
interface LunrBuilder {
  use(plugin: unknown): void;
  ref(name: string): void;
  field(name: string): void;
  add(doc: Record<string, string>): void;
}
interface LunrQuery {
  term(term: string, options: object): void;
}
interface LunrIndex {
  query(build: (query: LunrQuery) => void): { ref: string }[];
}
interface LunrToken {
  toString(): string;
}
interface Lunr {
  (config: (this: LunrBuilder) => void): LunrIndex;
  tokenizer(text: string): LunrToken[];
  Pipeline: new () => { add(...fns: unknown[]): void; run(tokens: LunrToken[]): LunrToken[] };
  ar: { trimmer: unknown; stopWordFilter: unknown };
}

function lunrEngine(): Engine {
  const require = createRequire(import.meta.url);
  const lunr = require('lunr') as Lunr;
  require('lunr-languages/lunr.stemmer.support')(lunr);
  require('lunr-languages/lunr.ar')(lunr);
  return {
    name: 'lunr 2 + lunr-languages `ar`',
    setup:
      'lunr.ar pipeline (trimmer, stop words, stemmer); the question goes through lunr.tokenizer, the same trimmer and stop words, then the query builder (so `؟` or `:` are not query syntax)',
    build(passages) {
      const index = lunr(function () {
        this.use(lunr.ar);
        this.ref('id');
        this.field('body');
        for (const { id, body } of passages) this.add({ id, body });
      });
      // lunr.ar trims punctuation and drops stop words only at index time (its search pipeline
      // only stems), so the query's words go through the same two steps here: `خاشقجي؟` → `خاشقجي`.
      const queryPipeline = new lunr.Pipeline();
      queryPipeline.add(lunr.ar.trimmer, lunr.ar.stopWordFilter);
      return (question) => {
        const tokens = queryPipeline.run(lunr.tokenizer(question));
        return index
          .query((query) => {
            for (const token of tokens) query.term(token.toString(), {});
          })
          .slice(0, TOP)
          .map((hit) => hit.ref);
      };
    },
  };
}

function oramaEngine(withStopWords: boolean): Engine {
  return {
    name: `Orama 3 + Snowball Arabic stemmer${withStopWords ? ' + its stop words' : ''}`,
    setup: `language 'arabic', stemming with @orama/stemmers/arabic${withStopWords ? ', @orama/stopwords/arabic' : ''}; BM25, any term matches (threshold 1)`,
    build(passages) {
      const db = create({
        schema: { id: 'string', body: 'string' } as const,
        components: {
          tokenizer: { language: 'arabic', stemming: true, stemmer: snowballArabic, stopWords: withStopWords ? oramaArabicStopWords : false },
        },
      });
      const inserted = insertMultiple(
        db,
        passages.map(({ id, body }) => ({ id, body })),
      );
      if (inserted instanceof Promise) throw new Error('bench: Orama insert was asynchronous');
      return (term) => {
        const results = oramaSearch(db, { term, properties: ['body'], limit: TOP, threshold: 1 });
        if (results instanceof Promise) throw new Error('bench: Orama search was asynchronous');
        return results.hits.map((hit) => hit.document.id);
      };
    },
  };
}

export function engines(): Engine[] {
  return [
    miniSearchEngine('MiniSearch, no Arabic handling', 'MiniSearch defaults (its tokenizer, lowercase)', {}),
    miniSearchEngine('MiniSearch + normalization only', 'product tokenizer; processTerm = normalizeText (marks, alef/ya/ta marbuta folds)', {
      tokenize,
      processTerm: (token: string) => normalizeText(token) || null,
    }),
    miniSearchEngine('MiniSearch + Snowball Arabic', 'product tokenizer; processTerm = Snowball Arabic stem of cleanWord', {
      tokenize,
      processTerm: (token: string) => snowballArabic(cleanWord(token)) || null,
    }),
    product,
    lunrEngine(),
    oramaEngine(false),
    oramaEngine(true),
  ];
}
