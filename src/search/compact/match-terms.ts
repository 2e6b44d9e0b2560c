/**
 * The runtime engine's one scoring pass: the matches of a query (an OR of parts, each an OR of
 * analyzed terms with its own field weights) over postings, scored with BM25 in typed arrays.
 * The build makes the index with MiniSearch, and this pass gives MiniSearch's search() answer
 * for such queries — the same documents, scores to the last bit, matched terms and fields,
 * order — which tests/build/compact-equality.test.ts holds it to. Exclusions, phrases, filters,
 * facets, sorting and paging read its MatchList (src/search/search-articles.ts).
 *
 * Floating point is not associative, so the sums follow MiniSearch's order exactly: per term,
 * the fields in search order; then the terms in query order; then the parts; then × the number
 * of distinct terms matched. Ties keep the order in which documents were first matched.
 */
import type { MatchDetail, MatchList, QueryPart } from '../match-list.ts';
import type { TermPostings } from './postings.ts';

/** What scoring reads of an index: the compact file's, reweighed for a live set, or the live set's own. */
export interface ScoringParts {
  termIndex: { get(term: string): TermPostings | undefined };
  /** Article ids by position. */
  ids: readonly string[];
  /** The searched fields, in the order their scores are summed. */
  fields: readonly string[];
  fieldIds: Record<string, number>;
  /** By field id. */
  averageFieldLength: readonly number[];
  /** Distinct terms per position and field id. */
  fieldLengths: Uint32Array;
  documentCount: number;
}

/** MiniSearch's BM25+ parameters (its defaults, which the build uses). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** Distinct query terms the pass tracks: a count per document fits a byte (the work budget allows far fewer). */
const MAX_DISTINCT_TERMS = 255;

const NO_MATCHES: MatchList = {
  length: 0,
  position: (i) => {
    throw new RangeError(`no match ${i}`);
  },
  score: () => 0,
  matched: (i) => {
    throw new RangeError(`no match ${i}`);
  },
  matchedAll: () => () => false,
  detail: (i) => {
    throw new RangeError(`no match ${i}`);
  },
};

/** One term's scores within one part: the documents it touched, in first-touch order, and its weighted score in each. */
interface TermScores {
  docs: Int32Array;
  scores: Float64Array;
}

/**
 * Working memory that lives only while one pass runs, kept between passes (a search allocated
 * and zeroed several arrays the size of the corpus per query, and the garbage collector paid for
 * them). Entries are valid only where their stamp is the current one, so nothing is cleared.
 */
const scratch = {
  capacity: 0,
  stamp: 0,
  termStamp: new Int32Array(0),
  slot: new Int32Array(0),
  partStamp: new Int32Array(0),
  partScore: new Float64Array(0),
  inPart: new Int32Array(0),
};

/** The scratch arrays for a corpus of `size`, and `stamps` fresh stamp values above every one in them. */
function scratchFor(size: number, stamps: number): typeof scratch {
  if (scratch.capacity < size || scratch.stamp + stamps >= 0x7fffffff) {
    const capacity = Math.max(size, scratch.capacity);
    Object.assign(scratch, {
      capacity,
      stamp: 0,
      termStamp: new Int32Array(capacity),
      slot: new Int32Array(capacity),
      partStamp: new Int32Array(capacity),
      partScore: new Float64Array(capacity),
      inPart: new Int32Array(capacity),
    });
  }
  return scratch;
}

export function matchTerms(index: ScoringParts, parts: readonly QueryPart[]): MatchList {
  const distinct = [...new Set(parts.flatMap((part) => part.terms))];
  if (distinct.length === 0) return NO_MATCHES;
  if (distinct.length > MAX_DISTINCT_TERMS) throw new RangeError(`a query of ${distinct.length} different terms; at most ${MAX_DISTINCT_TERMS}`);
  const { fields, documentCount, fieldLengths, averageFieldLength } = index;
  const fieldIds = fields.map((field) => index.fieldIds[field]!);
  const fieldCount = Object.keys(index.fieldIds).length;
  const { k, b, d } = BM25;

  const size = index.ids.length;
  // What the match list reads: kept with it.
  const total = new Float64Array(size);
  // How many distinct query terms each document matched: the score is multiplied by it.
  const termsMatched = new Uint8Array(size);
  // Fields each distinct term matched in each document, as bits (field position in `fields`).
  const fieldMask = new Uint8Array(distinct.length * size);
  // Documents in the order they were first matched.
  const order = new Int32Array(size);
  let matchedCount = 0;
  // What only this pass reads. Stamps: which term last touched each document while a term's
  // postings are read; which part last touched it (stamps at or below `callStamp` are older passes').
  const work = scratchFor(size, parts.length + parts.reduce((sum, part) => sum + part.terms.length, 0) + 1);
  const { termStamp, slot, partStamp, partScore, inPart } = work;
  const callStamp = work.stamp;

  /** The weighted BM25 score of one term in every document that has it, fields summed in order. */
  const scoreTerm = (term: string, t: number, boosts: readonly number[]): TermScores | undefined => {
    const postings = index.termIndex.get(term);
    if (postings === undefined) return undefined;
    const stamp = ++work.stamp;
    let bound = 0;
    for (const field of postings.values()) bound += field.docIds.length;
    const docs = new Int32Array(bound);
    const scores = new Float64Array(bound);
    let touched = 0;
    for (let f = 0; f < fields.length; f++) {
      const field = postings.get(fieldIds[f]!);
      if (field === undefined) continue;
      const matching = field.size;
      const fieldId = fieldIds[f]!;
      const avgFieldLength = averageFieldLength[fieldId]!;
      const boost = boosts[f]!;
      const docIds = field.docIds;
      const frequencies = field.frequencies;
      const bit = 1 << f;
      // MiniSearch 7.2.0's calcBM25Score and weighting, the same operations in the same order: the same doubles.
      const invDocFreq = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      for (let i = 0; i < docIds.length; i++) {
        const doc = docIds[i]!;
        const termFreq = frequencies[i]!;
        const fieldLength = fieldLengths[doc * fieldCount + fieldId]!;
        const raw = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weighted = 1 * 1 * boost * 1 * raw;
        if (termStamp[doc] !== stamp) {
          termStamp[doc] = stamp;
          slot[doc] = touched;
          docs[touched] = doc;
          scores[touched] = weighted;
          touched++;
        } else {
          scores[slot[doc]!] = scores[slot[doc]!]! + weighted;
        }
        const cell = t * size + doc;
        if (fieldMask[cell] === 0) termsMatched[doc] = termsMatched[doc]! + 1;
        fieldMask[cell] = fieldMask[cell]! | bit;
      }
    }
    return { docs: docs.subarray(0, touched), scores: scores.subarray(0, touched) };
  };

  for (const { terms, boost } of parts) {
    const boosts = fields.map((field) => (Object.hasOwn(boost, field) ? boost[field] : undefined) || 1);
    const thisPart = ++work.stamp;
    // A term repeated in a part scores the same each time: read its postings once.
    const scored = new Map<string, TermScores | undefined>();
    let inPartCount = 0;
    for (const term of terms) {
      let termScores = scored.get(term);
      if (!scored.has(term)) scored.set(term, (termScores = scoreTerm(term, distinct.indexOf(term), boosts)));
      if (termScores === undefined) continue;
      // A part's terms are OR-ed: their scores summed in query order.
      const { docs, scores } = termScores;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (partStamp[doc] !== thisPart) {
          if (partStamp[doc]! <= callStamp) order[matchedCount++] = doc;
          partStamp[doc] = thisPart;
          inPart[inPartCount++] = doc;
          partScore[doc] = scores[i]!;
        } else {
          partScore[doc] = partScore[doc]! + scores[i]!;
        }
      }
    }
    // The OR of the parts adds each one's sum, in query order.
    for (let i = 0; i < inPartCount; i++) {
      const doc = inPart[i]!;
      total[doc] = total[doc]! + partScore[doc]!;
    }
  }

  // Documents that matched the same terms in the same fields share one frozen detail (a search
  // matches thousands of documents, in a handful of ways).
  const fieldBits = fields.length;
  const shareable = fieldBits * distinct.length <= 30;
  const shared = new Map<number, Pick<MatchDetail, 'terms' | 'match'>>();
  // Term t's field bits, shifted to their place in the key.
  const keyWeights = distinct.map((_, t) => 2 ** (fieldBits * t));
  const describe = (doc: number): Pick<MatchDetail, 'terms' | 'match'> => {
    const match: Record<string, string[]> = {};
    for (let t = 0; t < distinct.length; t++) {
      const mask = fieldMask[t * size + doc]!;
      if (mask !== 0) match[distinct[t]!] = fields.filter((_, f) => (mask & (1 << f)) !== 0);
    }
    return { terms: Object.keys(match), match };
  };
  const matched = (doc: number): Pick<MatchDetail, 'terms' | 'match'> => {
    if (!shareable) return describe(doc);
    let key = 0;
    for (let t = 0; t < distinct.length; t++) key += fieldMask[t * size + doc]! * keyWeights[t]!;
    let known = shared.get(key);
    if (known === undefined) shared.set(key, (known = deepFreeze(describe(doc))));
    return known;
  };
  const score = (doc: number): number => total[doc]! * (termsMatched[doc] || 1);
  return {
    length: matchedCount,
    position: (i) => order[i]!,
    score: (i) => score(order[i]!),
    matched: (i) => matched(order[i]!),
    matchedAll: (terms) => {
      const cells = [...new Set(terms)].map((term) => distinct.indexOf(term) * size);
      if (cells.some((cell) => cell < 0)) return () => false;
      return (i) => {
        const doc = order[i]!;
        for (const cell of cells) if (fieldMask[cell + doc] === 0) return false;
        return true;
      };
    },
    detail: (i) => {
      const doc = order[i]!;
      return { id: index.ids[doc]!, score: score(doc), ...matched(doc) };
    },
  };
}

function deepFreeze<T extends Pick<MatchDetail, 'terms' | 'match'>>(detail: T): T {
  for (const fields of Object.values(detail.match)) Object.freeze(fields);
  Object.freeze(detail.match);
  Object.freeze(detail.terms);
  return detail;
}
