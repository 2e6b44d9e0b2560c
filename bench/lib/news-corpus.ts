/**
 * SaudiNewsNet records → a corpus folder in the product's bulk format (one `.jsonl` file), for
 * benches and round-trip tests that need real articles at scale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const SAUDI_NEWS_NET = new URL('../../../shared/data/saudinewsnet/saudinewsnet.jsonl.gz', import.meta.url);

interface NewsRecord {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
}

/** An article as the corpus file gives it (the fields a round trip must return unchanged). */
export interface CorpusRecord {
  id: string;
  title: string;
  body: string;
  date: string;
  source: string;
  url?: string;
  author?: string;
}

/** C0 controls but tab and newline, DEL, C1: the build refuses text with them (validate-article.ts). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/**
 * The first `count` records the build accepts (a title, a body, no control characters), as
 * corpus records with ids `snn-<n>`, so that `count` records means `count` indexed articles.
 */
export function readNews(count: number): CorpusRecord[] {
  const records: CorpusRecord[] = [];
  for (const line of gunzipSync(readFileSync(SAUDI_NEWS_NET)).toString('utf8').split('\n')) {
    if (records.length >= count) break;
    if (line.trim() === '') continue;
    const news = JSON.parse(line) as NewsRecord;
    const title = news.title.replace(/\s+/g, ' ').trim();
    if (title === '' || news.content.trim() === '' || CONTROL.test(news.content) || CONTROL.test(title)) continue;
    const record: CorpusRecord = { id: `snn-${records.length}`, title, body: news.content, date: news.date_extracted, source: news.source };
    if (/^https?:\/\//.test(news.url)) record.url = news.url;
    if (news.author.trim() !== '') record.author = news.author;
    records.push(record);
  }
  return records;
}

/** Writes `records` into `<dir>/news.jsonl` and returns the file's path. */
export function writeCorpusFile(dir: string, records: readonly CorpusRecord[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'news.jsonl');
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  return file;
}
