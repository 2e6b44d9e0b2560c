/**
 * ARCD (SQuAD format) as a passage-retrieval task: every paragraph is one document, every
 * question's one relevant document is its own paragraph.
 */
import { readFileSync } from 'node:fs';

export interface Passage {
  id: string;
  /** The Wikipedia article the paragraph comes from (not indexed, see relevance.ts). */
  title: string;
  body: string;
}

export interface Question {
  text: string;
  /** Id of the paragraph the question was written about. */
  relevant: string;
  /** `tune` or `held-out`, by the Wikipedia article (see splitOf): analyzer changes are tuned on one half only. */
  split: Split;
}

export type Split = 'tune' | 'held-out';

/** A stable half of the articles (FNV-1a of the title): the same article always falls in the same half. */
export function splitOf(title: string): Split {
  let hash = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) hash = Math.imul(hash ^ title.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 2 === 0 ? 'tune' : 'held-out';
}

interface SquadFile {
  data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[];
}

export function loadArcd(url: URL): { passages: Passage[]; questions: Question[] } {
  const squad = JSON.parse(readFileSync(url, 'utf8')) as SquadFile;
  const passages: Passage[] = [];
  const questions: Question[] = [];
  for (const article of squad.data) {
    for (const paragraph of article.paragraphs) {
      const id = String(passages.length);
      passages.push({ id, title: article.title, body: paragraph.context });
      for (const qa of paragraph.qas) questions.push({ text: qa.question, relevant: id, split: splitOf(article.title) });
    }
  }
  return { passages, questions };
}
