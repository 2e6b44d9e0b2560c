/**
 * npm run retract -- <id> [--endpoint URL]: takes an article off a running Worker at once
 * (DELETE /api/articles/:id), a live one or one of the embedded index. Token: PUBLISH_TOKEN.
 * Exit 0 when retracted (or already), 1 when refused or unknown, 2 for a wrong command line.
 */
import { parseArgs } from 'node:util';
import { liveClient, reportFailure, send } from './live-client.ts';

const COMMAND = 'retract';
const USAGE = 'usage: npm run retract -- <article id> [--endpoint https://your-worker] (token in PUBLISH_TOKEN)';

async function main(): Promise<number> {
  let id: string;
  let endpoint: string | undefined;
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { endpoint: { type: 'string' } } });
    if (positionals.length !== 1 || positionals[0] === '') throw new Error('give exactly one article id');
    id = positionals[0]!;
    endpoint = values.endpoint;
  } catch (error) {
    console.error(`${COMMAND}: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const client = liveClient(COMMAND, endpoint);
  if (client === undefined) return 2;
  const response = await send(COMMAND, client, `/api/articles/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (response === undefined) return 1;
  if (response.status !== 204) {
    await reportFailure(COMMAND, response);
    return 1;
  }
  console.log(`${COMMAND}: ${id} retracted on ${client.endpoint}; searches everywhere drop it within the freshness bound`);
  return 0;
}

main().then((code) => process.exit(code));
