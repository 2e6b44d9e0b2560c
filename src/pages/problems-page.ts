/**
 * GET /docs/problems: what each problem `type` of the API means (RFC 9457 asks that a type URI
 * tell a person what went wrong); every problem document links here with `#<type>`.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { PROBLEM_TYPES, type ProblemType } from '../http/problem.ts';
import { renderPage } from './page-shell.ts';

const EXPLANATIONS: Record<ProblemType, string> = {
  'invalid-parameter': 'A query parameter has a value outside its rules; `parameter` names it and `detail` says the rule. Fix the value and retry.',
  'missing-parameter': 'A required query parameter (q) is absent; `parameter` names it.',
  'not-found': 'No article with this id, or no route at this path (see /openapi.json).',
  'method-not-allowed':
    'This path does not take that method; the Allow header lists the ones it does (reads are GET and HEAD; only /api/articles takes writes).',
  'too-many-requests': 'This client sent more requests than the rate limit allows; wait the seconds given in Retry-After.',
  'uri-too-long': 'The URL is longer than any valid request (8 kB); shorten the query.',
  'content-too-large':
    'Reads take no request body (send the parameters in the query string); writes take one up to their limit (2 MiB for one article, 32 MiB for a bulk upload).',
  'index-unavailable': 'The Worker was deployed with an index built for another version; the operator must rebuild and redeploy.',
  'invalid-article':
    'A published article (PUT or POST /api/articles) has fields the build would refuse too; `errors` lists each field with the reason (and, in a bulk upload, its line). Fix them and send it again.',
  'unsupported-media-type':
    'The request body is not in the media type the route takes: application/json for PUT /api/articles/{id}, application/x-ndjson for POST /api/articles.',
  unauthorized:
    'A write without a valid publishing token: send Authorization: Bearer <PUBLISH_TOKEN>. The answer never says whether the header or the token was wrong.',
  'writes-disabled':
    'This deployment has no publishing token (the PUBLISH_TOKEN secret) or no live store, so it takes no writes; the operator sets it with wrangler secret put PUBLISH_TOKEN.',
  'live-set-full':
    'The live set holds as many articles as it may (5,000): every search isolate keeps it in memory. The operator folds it into the embedded index with the next deploy (npm run build-index -- --live <endpoint>, then npm run deploy); folded articles stop counting.',
  'live-unavailable':
    'The store of live articles did not answer while this Worker had not read it yet; searching without it could show retracted articles. Retry in a few seconds.',
  'internal-error': 'An unexpected error; it was logged. Retrying later may help.',
};

export function problemsPage(c: Context): Promise<Response> {
  const types = Object.keys(PROBLEM_TYPES) as ProblemType[];
  return renderPage(c, {
    title: 'API problem types',
    body: html`<main lang="en" dir="ltr">
      <h1>API problem types</h1>
      <p>Errors are <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a> problem documents (<code>application/problem+json</code>).</p>
      <dl>
        ${types.map((type) => html`<dt id="${type}"><code>${type}</code></dt><dd>${PROBLEM_TYPES[type]}: ${EXPLANATIONS[type]}</dd>`)}
      </dl>
    </main>`,
  });
}
