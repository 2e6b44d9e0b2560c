/**
 * The work budget of a search (src/search/budget.ts): a query past it is refused before any
 * search with a 400 naming the part that is over; queries at the limits are answered.
 */
import { describe, expect, it } from 'vitest';
import { QUERY_BUDGET } from '../../src/search/budget.ts';
import { get, search, type ProblemBody, type SearchBody } from './helpers.ts';

const words = (count: number, prefix = 'كلمة'): string[] =>
  Array.from(
    { length: count },
    (_, i) => `${prefix}${String.fromCharCode(0x0628 + (i % 26))}${i >= 26 ? String.fromCharCode(0x0628 + Math.floor(i / 26)) : ''}`,
  );

async function refusal(q: string): Promise<ProblemBody> {
  const response = await search({ q });
  expect(response.status).toBe(400);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as ProblemBody;
}

describe('the work budget of /api/search', () => {
  it('answers a query of as many different words as the budget allows, and refuses one more, saying so', async () => {
    expect((await search({ q: words(QUERY_BUDGET.distinctWords).join(' ') })).status).toBe(200);
    const problem = await refusal(words(QUERY_BUDGET.distinctWords + 1).join(' '));
    expect(problem).toMatchObject({ type: '/docs/problems#invalid-parameter', status: 400, parameter: 'q' });
    expect(problem.detail).toBe(
      `q has ${QUERY_BUDGET.distinctWords + 1} different words; the limit is ${QUERY_BUDGET.distinctWords}: keep the words that matter most`,
    );
  });

  it('refuses a flood of one repeated word past the word limit', async () => {
    expect((await refusal(Array.from({ length: QUERY_BUDGET.words + 1 }, () => 'ب').join(' '))).detail).toBe(
      `q has ${QUERY_BUDGET.words + 1} words; the limit is ${QUERY_BUDGET.words}`,
    );
  });

  it('refuses more quoted phrases than the budget, and a quoted phrase longer than it', async () => {
    const phrases = Array.from({ length: QUERY_BUDGET.phrases + 1 }, () => '"وزير الخارجية"').join(' ');
    expect((await refusal(phrases)).detail).toBe(`q has ${QUERY_BUDGET.phrases + 1} quoted phrases; the limit is ${QUERY_BUDGET.phrases}`);
    const long = `"${words(QUERY_BUDGET.phraseWords + 1).join(' ')}"`;
    expect((await refusal(long)).detail).toBe(`a quoted phrase of q has ${QUERY_BUDGET.phraseWords + 1} words; the limit is ${QUERY_BUDGET.phraseWords}`);
    expect((await search({ q: `"${words(QUERY_BUDGET.phraseWords).join(' ')}"` })).status).toBe(200);
  });

  it('refuses more exclusions than the budget', async () => {
    const q = `بوتين ${words(QUERY_BUDGET.exclusions + 1)
      .map((word) => `-${word}`)
      .join(' ')}`;
    expect((await refusal(q)).detail).toBe(`q has ${QUERY_BUDGET.exclusions + 1} -excluded words; the limit is ${QUERY_BUDGET.exclusions}`);
  });

  it('keeps exclusions meaning "without any of these words" within the budget', async () => {
    const all = (await (await search({ q: 'ترامب' })).json()) as SearchBody;
    expect(all.total).toBeGreaterThan(1);
    const without = (await (await search({ q: 'ترامب -بوتين -سوريا' })).json()) as SearchBody;
    expect(without.total).toBeLessThan(all.total);
    for (const hit of without.hits) {
      const article = (await (await get(`/api/articles/${hit.id}`)).json()) as { title: string; body: string };
      expect(`${article.title} ${article.body}`).not.toMatch(/بوتين|سوريا/);
    }
  });
});
