/**
 * Peers' own test cases (tests/fixtures/peers/, each file names the commit it was read from) run
 * against our analyzer. Where our design agrees, we must give the peer's answer; where we differ
 * on purpose, the case is listed in a `deliberateDifferences` table with the reason, and the test
 * asserts that we still differ there, so the table cannot go stale.
 */
import { describe, expect, it } from 'vitest';
import * as generated from '../../../src/generated/index-data.js';
import { loadIndex } from '../../../src/search/read-index.ts';
import { cleanWord, normalizeText } from '../../../src/text/normalize.ts';
import charabia from '../../fixtures/peers/charabia-arabic.json' with { type: 'json' };
import luceneNormalization from '../../fixtures/peers/lucene-arabic-normalization.json' with { type: 'json' };
import luceneStem from '../../fixtures/peers/lucene-arabic-stem.json' with { type: 'json' };

interface PeerCase {
  name: string;
  input: string;
  expected: string;
}

const normalizationCases: (PeerCase & { peer: string })[] = [
  ...luceneNormalization.cases.map((c) => ({ ...c, peer: 'lucene' })),
  ...luceneNormalization.ruleCases.cases.map((c) => ({ ...c, peer: 'lucene (rule)' })),
  ...charabia.cases.map((c) => ({ ...c, peer: 'charabia' })),
];

/** `peer/case name` → why our normalizer gives another answer than the peer, and our answer. */
const normalizationDifferences: Readonly<Record<string, { ours: string; reason: string }>> = {
  // Hamza seats are folded so that the two ways news writes one word meet (مسؤول / مسئول).
  'lucene (rule)/hamza on waw kept': { ours: 'مسءول', reason: 'ؤ and ئ fold to ء (docs/analyzer.md, step 4)' },
  'lucene (rule)/hamza on ya kept': { ours: 'قاءد', reason: 'ؤ and ئ fold to ء (docs/analyzer.md, step 4)' },
  // Loanwords typed on Persian keyboards use ک; Lucene leaves that to its Persian analyzer.
  'lucene (rule)/Persian kaf kept': { ours: 'كتاب', reason: 'Persian and Urdu letters fold to Arabic ones (step 4)' },
};

describe('normalizeText on peers’ normalization cases', () => {
  it.each(normalizationCases.map((c) => [`${c.peer}/${c.name}`, c] as const))('%s', (key, c) => {
    const difference = normalizationDifferences[key];
    if (difference === undefined) {
      expect(normalizeText(c.input)).toBe(c.expected);
    } else {
      expect(normalizeText(c.input)).not.toBe(c.expected);
      expect(normalizeText(c.input)).toBe(difference.ours);
    }
  });

  it('lists only cases that exist in the fixtures', () => {
    const keys = new Set(normalizationCases.map((c) => `${c.peer}/${c.name}`));
    expect(Object.keys(normalizationDifferences).filter((key) => !keys.has(key))).toEqual([]);
  });
});

/**
 * Lucene's stemmer cases as conflation: the inputs Lucene stems to one stem, together with that
 * stem (Lucene leaves it as it is), form a class; we must give every member of a class one term.
 * Exact stems are not compared, since a term is only an internal key.
 */
const stemClasses = new Map<string, Set<string>>();
for (const c of luceneStem.cases) {
  const members = stemClasses.get(c.expected) ?? new Set([c.expected]);
  members.add(c.input);
  stemClasses.set(c.expected, members);
}

/** Lucene's stem → why we give its class more than one term. */
const stemDifferences: Readonly<Record<string, string>> = {
  // Lucene strips a leading و by letters; we strip it only with evidence that the rest is a word
  // (وزير is no و + زير). ساهد is made up, so nothing is known: the index keeps وساهدون whole and a
  // query for it searches both readings (tests/unit/text/analyze.test.ts).
  ساهد: 'an unknown word keeps its leading و in the index',
};

/** The Worker's index term of one word: the embedded index's analyzer (base list plus corpus). */
const analyzer = loadIndex(generated).analyzer;
const termOf = (word: string): string | null => analyzer.indexTerm(cleanWord(word));

describe('the analyzer on Lucene’s stemmer cases (conflation)', () => {
  it.each([...stemClasses].map(([stem, members]) => [stem, [...members]] as const))('gives the class of %s one term', (stem, members) => {
    const terms = new Set(members.map(termOf));
    if (stemDifferences[stem] === undefined) expect([...terms], members.join(' ')).toHaveLength(1);
    else expect(terms.size).toBeGreaterThan(1);
  });

  it('keeps the classes apart from each other', () => {
    const termsByClass = [...stemClasses.values()].map((members) => termOf([...members][0]!));
    expect(new Set(termsByClass).size).toBe(termsByClass.length);
  });

  it('lists only stems that exist in the fixtures', () => {
    expect(Object.keys(stemDifferences).filter((stem) => !stemClasses.has(stem))).toEqual([]);
  });
});
