/**
 * What `npm run publish` and `npm run retract` share: the endpoint and token they use, and one
 * line per failure an editor or a CMS hook can act on (the API's problem detail, the refused
 * fields as `file:line: field: reason`).
 */

/** `wrangler dev`'s address (npm start). */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8787';

export interface LiveClient {
  endpoint: string;
  token: string;
}

/** The endpoint (--endpoint, else PUBLISH_ENDPOINT, else wrangler dev) and PUBLISH_TOKEN; undefined, reported, when one is missing or wrong. */
export function liveClient(command: string, endpoint: string | undefined): LiveClient | undefined {
  const token = process.env['PUBLISH_TOKEN'];
  if (token === undefined || token === '') {
    console.error(`${command}: set PUBLISH_TOKEN to the Worker's publishing token (the PUBLISH_TOKEN secret; .dev.vars for wrangler dev)`);
    return undefined;
  }
  const base = endpoint ?? process.env['PUBLISH_ENDPOINT'] ?? DEFAULT_ENDPOINT;
  if (!/^https?:\/\/[^\s/]+/.test(base)) {
    console.error(`${command}: --endpoint must be the Worker's http(s) origin, e.g. https://search.example.com, not ${JSON.stringify(base)}`);
    return undefined;
  }
  return { endpoint: base.replace(/\/+$/, ''), token };
}

interface Problem {
  status?: number;
  detail?: string;
  errors?: { field: string; reason: string; line?: number }[];
}

/** The request, or a one-line reason why it did not reach the Worker. */
export async function send(command: string, client: LiveClient, path: string, init: RequestInit): Promise<Response | undefined> {
  const url = `${client.endpoint}${path}`;
  try {
    return await fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${client.token}` } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    console.error(`${command}: cannot reach ${url} (${cause?.code ?? cause?.message ?? (error as Error).message}); is the Worker running there?`);
    return undefined;
  }
}

/** Reports a refused request: the problem's detail, and each refused field located in `file`. */
export async function reportFailure(command: string, response: Response, file?: string): Promise<void> {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // Not a problem document (a proxy's page): the status says enough.
  }
  const hint = response.status === 401 ? ' (check PUBLISH_TOKEN)' : '';
  console.error(`${command}: ${response.status} ${problem.detail ?? response.statusText}${hint}`);
  for (const error of problem.errors ?? []) console.error(`${file ?? 'request'}:${error.line ?? 1}: ${error.field}: ${error.reason}`);
}
