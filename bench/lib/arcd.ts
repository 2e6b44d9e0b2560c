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
      for (const qa of paragraph.qas) questions.push({ text: qa.question, relevant: id });
    }
  }
  return { passages, questions };
}
