/**
 * Writes build-index/base-lexicon.tsv: the word forms of SaudiNewsNet and their counts, the
 * evidence the analyzer starts from before it counts a corpus of its own (a corpus of a few
 * articles says nothing about `لبنان` versus `لبن`). Only articles from the 10,001st on are
 * counted: the first 10,000 are where the news check and the scale benches take their corpora,
 * so those measure on words whose counts the base list did not see.
 *
 *   node scripts/make-base-lexicon.ts [--min 5]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { CountingLexicon } from '../src/text/lexicon.ts';
import { wordSpans, wordTokens } from '../src/text/tokenize.ts';
import { BASE_LEXICON_FILE, formatLexicon } from '../build-index/lexicon.ts';

const SAUDI_NEWS_NET = new URL('../../shared/data/saudinewsnet/saudinewsnet.jsonl.gz', import.meta.url);
/** Records before this one are left out (see above). */
export const FIRST_LEXICON_RECORD = 10_000;

const minAt = process.argv.indexOf('--min');
const min = minAt === -1 ? 5 : Number(process.argv[minAt + 1]);

const lexicon = new CountingLexicon();
const lines = gunzipSync(readFileSync(SAUDI_NEWS_NET)).toString('utf8').split('\n');
let records = 0;
for (const [i, line] of lines.entries()) {
  if (i < FIRST_LEXICON_RECORD || line.trim() === '') continue;
  const news = JSON.parse(line) as { title: string; content: string };
  records++;
  for (const span of wordSpans(`${news.title}\n${news.content}`)) for (const token of wordTokens(span.text)) lexicon.addToken(token);
}
const entries = lexicon.entries().filter((entry) => entry.count >= min);
writeFileSync(
  BASE_LEXICON_FILE,
  formatLexicon(entries, `SaudiNewsNet records ${FIRST_LEXICON_RECORD + 1}–${FIRST_LEXICON_RECORD + records}, forms seen ${min} times or more`),
);
console.log(`${entries.length} forms from ${records} records → ${BASE_LEXICON_FILE.pathname}`);
