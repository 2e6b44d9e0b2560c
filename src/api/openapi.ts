/** The OpenAPI 3.1 description of the public API, served at GET /openapi.json. */
import { PROBLEM_TYPES } from '../http/problem.ts';
import { QUERY_BUDGET } from '../search/budget.ts';
import { openApiParameters } from './openapi-parameters.ts';
import { searchParameters, suggestParameters } from './search-params.ts';

const problem = { $ref: '#/components/responses/Problem' };
/**
 * What the guards that run before any route answer, on every path and to any method: 405 (a
 * method the path does not serve, with Allow), 413 (a request body where none is taken), 414 (a
 * URL over 8 kB) and, on /api/*, the rate limit (429, with Retry-After). Every operation of a path
 * lists them; for a method the path does not serve, they are its only answers.
 */
const methodNotAllowed = { $ref: '#/components/responses/MethodNotAllowed' };
const tooManyRequests = { $ref: '#/components/responses/TooManyRequests' };
const documentGuards = { '405': methodNotAllowed, '413': problem, '414': problem };
const guardProblems = { ...documentGuards, '429': tooManyRequests };
/** A route that searches: the index cannot be read, or the live store has not answered yet. */
const unavailable = {
  $ref: '#/components/responses/Problem',
  description: 'The index cannot be loaded (index-unavailable), or the live store did not answer before this isolate first read it (live-unavailable).',
};
/**
 * Anything a route did not expect (a bug, a binding that throws): app.onError answers an
 * internal-error problem that says nothing of the cause, which it logs. Every /api operation can.
 */
const internalError = {
  $ref: '#/components/responses/Problem',
  description: 'An unexpected failure (internal-error): the Worker logs it, the answer says nothing of it.',
};
/** What the schema of q cannot say: the work budget, which src/search/budget.ts holds. */
const budgetNote = `Work budget: at most ${QUERY_BUDGET.distinctWords} different words (${QUERY_BUDGET.words} with repeats), ${QUERY_BUDGET.phrases} quoted phrases of up to ${QUERY_BUDGET.phraseWords} words and ${QUERY_BUDGET.exclusions} exclusions; past it the answer is a 400 invalid-parameter problem saying which part is over.`;
/**
 * Writes: the guards (405, 414; their own rate limit, 429), the token (401, 503 without one or
 * without a live store), their body limit (413); upserts also 507 once the live set is full.
 */
const writeGuards = { '401': { $ref: '#/components/responses/Unauthorized' }, '405': methodNotAllowed, '414': problem, '429': tooManyRequests, '503': problem };
const writeProblems = { ...writeGuards, '413': problem };
const bearer = [{ publishToken: [] }];
const liveSequence = {
  'Live-Sequence': {
    description: "The store's change sequence of this write: writes apply in its order.",
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
};
const range = { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2, description: '[start, end) in UTF-16 code units' };

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Arabic news search',
    version: '1',
    description:
      'Full-text search over Arabic news articles. Arabic is normalized (diacritics, tatweel, alef/hamza, ya, ta marbuta, digits) and lightly stemmed (clitics such as و ب ال and common suffixes), identically for articles and queries. Errors are RFC 9457 problem details. Every path that serves GET serves HEAD (the same answers without a body); every path answers OPTIONS with 204: a CORS preflight on the read API (/api/search, /api/suggest, GET /api/articles/{id}, /api/health), the Allow list elsewhere (OPTIONS is not listed as an operation).',
  },
  paths: {
    '/api/search': {
      get: {
        operationId: 'search',
        summary: 'Search articles',
        parameters: openApiParameters(searchParameters, { q: budgetNote }),
        responses: {
          '200': {
            description: 'Matching articles, best first. Header Server-Timing: search;dur=<ms>.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchResponse' } } },
          },
          '304': { description: 'Not modified (If-None-Match matched the ETag).' },
          '400': problem,
          '503': unavailable,
          '500': internalError,
          ...guardProblems,
        },
      },
    },
    '/api/suggest': {
      get: {
        operationId: 'suggest',
        summary: 'Complete the word being typed',
        parameters: openApiParameters(suggestParameters),
        responses: {
          '200': {
            description: 'Completions, most frequent first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['query', 'suggestions'],
                  properties: {
                    query: { type: 'string' },
                    suggestions: { type: 'array', items: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } },
                  },
                },
              },
            },
          },
          '304': { description: 'Not modified.' },
          '400': problem,
          '503': unavailable,
          '500': internalError,
          ...guardProblems,
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        operationId: 'getArticle',
        summary: 'One article with its full text',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The article.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Article' } } } },
          '304': { description: 'Not modified.' },
          '404': problem,
          '503': unavailable,
          '500': internalError,
          ...guardProblems,
        },
      },
      put: {
        operationId: 'putArticle',
        summary: 'Publish or correct an article (live, without a rebuild)',
        description:
          'The fields are checked as build-index checks a corpus article; every bad field is listed in one invalid-article problem. Searches on this isolate see it at once, everywhere within LIVE_FRESHNESS_MS (5 s). Not open to CORS.',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,127}$' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ArticleInput' } } } },
        responses: {
          '201': {
            description: 'Published: no article had this id.',
            headers: { ...liveSequence, Location: { description: 'The path of the article: /api/articles/{id}.', required: true, schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Article' } } },
          },
          '200': {
            description: 'Replaced an article (live or of the embedded index).',
            headers: liveSequence,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Article' } } },
          },
          '400': problem,
          '415': problem,
          '507': problem,
          '500': internalError,
          ...writeProblems,
        },
      },
      delete: {
        operationId: 'retractArticle',
        summary: 'Retract an article (live, or of the embedded index)',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '204': { description: 'Retracted (or already): GET answers 404 and no search, suggestion or page shows it.', headers: liveSequence },
          '404': problem,
          '500': internalError,
          ...writeProblems,
        },
      },
    },
    '/api/articles': {
      post: {
        operationId: 'bulkUpsert',
        summary: 'Publish or correct many articles at once (JSON Lines, up to 10,000 a request)',
        security: bearer,
        requestBody: {
          required: true,
          content: { 'application/x-ndjson': { schema: { type: 'string', description: 'One ArticleInput object with its id per line.' } } },
        },
        responses: {
          '200': {
            description: 'A report per line; the valid lines are written in one transaction, the refused ones not at all.',
            headers: liveSequence,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['created', 'replaced', 'refused', 'lines'],
                  properties: {
                    created: { type: 'integer' },
                    replaced: { type: 'integer' },
                    refused: { type: 'integer' },
                    lines: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['line', 'id', 'status'],
                        properties: {
                          line: { type: 'integer' },
                          id: { type: ['string', 'null'] },
                          status: { enum: ['created', 'replaced', 'refused'] },
                          errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '415': problem,
          '507': problem,
          '500': internalError,
          ...writeProblems,
        },
      },
    },
    '/api/live/export': {
      get: {
        operationId: 'exportLiveSet',
        summary: 'Every entry of the live set, for build-index --live',
        security: bearer,
        responses: {
          '200': {
            description: 'JSON Lines: each live article with its sequence and hash, or {id, retracted: true, sequence}.',
            headers: {
              'Live-Epoch': {
                description: "The live store's identity: a sequence is only comparable within one epoch.",
                required: true,
                schema: { type: 'string' },
              },
              'Live-Sequence': { description: 'The change sequence this export is complete up to.', required: true, schema: { type: 'integer', minimum: 0 } },
            },
            content: { 'application/x-ndjson': { schema: { type: 'string' } } },
          },
          '500': internalError,
          // A GET: no body limit of its own (413 is not one of its answers).
          ...writeGuards,
        },
      },
    },
    '/api/health': {
      get: {
        operationId: 'health',
        summary: 'Index status',
        responses: {
          '200': {
            description: 'The index is loaded (and, for a sharded corpus, every shard answers).',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
          },
          '503': {
            description:
              'The index cannot be loaded (a problem document), or a shard of a sharded corpus does not answer (the health document, status degraded; searches still answer, partially).',
            content: {
              'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
              'application/json': { schema: { $ref: '#/components/schemas/Health' } },
            },
          },
          '500': internalError,
          ...guardProblems,
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': {} } }, ...documentGuards },
      },
    },
  },
  components: {
    securitySchemes: { publishToken: { type: 'http', scheme: 'bearer', description: 'The PUBLISH_TOKEN secret of the Worker.' } },
    schemas: {
      ArticleInput: {
        type: 'object',
        required: ['title', 'body'],
        description: "The corpus's JSON Lines article shape (docs/corpus-format.md); id comes from the path and, if given, must match it.",
        properties: {
          id: { type: 'string' },
          title: { type: 'string', maxLength: 500 },
          body: { type: 'string', maxLength: 500000 },
          date: { type: 'string', description: 'ISO 8601' },
          source: { type: 'string' },
          url: { type: 'string', format: 'uri' },
          author: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' }, maxItems: 50 },
        },
      },
      FieldError: {
        type: 'object',
        required: ['field', 'reason'],
        properties: { field: { type: 'string' }, reason: { type: 'string' }, line: { type: 'integer' } },
      },
      Health: {
        type: 'object',
        required: ['status', 'articles', 'index'],
        properties: {
          status: { enum: ['ok', 'degraded'] },
          articles: { type: 'integer' },
          index: {
            type: 'object',
            required: ['version', 'hash', 'builtAt'],
            properties: {
              version: { type: 'integer' },
              analyzer: { type: 'string' },
              hash: { type: 'string' },
              builtAt: { type: 'string', format: 'date-time' },
              terms: { type: 'integer' },
              shards: { type: 'integer', description: 'Workers the articles are split across (1: this Worker holds them all).' },
            },
          },
          shards: {
            type: 'array',
            description: 'Sharded corpora only: each shard and whether it answered its health check.',
            items: { type: 'object', properties: { name: { type: 'string' }, status: { enum: ['ok', 'unavailable'] }, articles: { type: 'integer' } } },
          },
          live: {
            type: 'object',
            description: 'With a live store: the version of the live set served over the index, and how many articles it adds or replaces and hides.',
            required: ['epoch', 'sequence', 'articles', 'hidden'],
            properties: {
              epoch: { type: 'string', description: "The live store's identity." },
              sequence: { type: 'integer', description: 'The last change served.' },
              articles: { type: 'integer', description: 'Live articles: new, or replacing an article of the index.' },
              hidden: { type: 'integer', description: 'Articles of the index hidden: retracted or replaced.' },
            },
          },
        },
      },
      Hit: {
        type: 'object',
        required: ['id', 'title', 'source', 'date', 'url', 'score', 'snippet', 'highlights', 'titleHighlights'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          source: { type: ['string', 'null'] },
          date: { type: ['string', 'null'] },
          url: { type: ['string', 'null'] },
          score: { type: 'number' },
          snippet: { type: 'string', description: 'Plain text from the article around the best match.' },
          highlights: { type: 'array', items: range, description: 'Matched words in snippet.' },
          titleHighlights: { type: 'array', items: range, description: 'Matched words in title.' },
        },
      },
      SearchResponse: {
        type: 'object',
        required: ['query', 'total', 'offset', 'limit', 'hits', 'facets'],
        properties: {
          query: { type: 'string' },
          total: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
          hits: { type: 'array', items: { $ref: '#/components/schemas/Hit' } },
          facets: {
            type: 'object',
            properties: {
              source: {
                type: 'object',
                additionalProperties: { type: 'integer' },
                description: 'Matches per source, counted before the source filter, most frequent first.',
              },
            },
          },
          didYouMean: {
            type: 'string',
            description:
              'Present when a word of the query matched nothing and a corpus word one typing slip away was searched beside it (at half weight): the query as the reader probably meant it, in the corpus spelling. The hits already include its articles. Words under four letters are never corrected; sharded corpora do not correct.',
          },
          estimated: {
            type: 'boolean',
            enum: [true],
            description: `Present when more articles held a phrase's words than the work budget verifies (${QUERY_BUDGET.phraseChecks} articles and ${QUERY_BUDGET.phraseCheckWords} words of their bodies, best ranked first): the hits are the best of those checked, and total and facets count only the checked articles that hold the phrase, so the true numbers are at least these.`,
          },
          partial: {
            type: 'boolean',
            enum: [true],
            description: 'Present when the corpus is sharded and some shards did not answer: their matches are missing (the answer is not cached).',
          },
          unavailableShards: { type: 'array', items: { type: 'string' }, description: 'With partial: the shards that did not answer.' },
        },
      },
      Article: {
        type: 'object',
        required: ['id', 'title', 'source', 'date', 'url', 'author', 'tags', 'body'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          source: { type: ['string', 'null'] },
          date: { type: ['string', 'null'] },
          url: { type: ['string', 'null'] },
          author: { type: ['string', 'null'] },
          tags: { type: 'array', items: { type: 'string' } },
          body: { type: 'string', description: 'Paragraphs separated by blank lines.' },
        },
      },
      Problem: {
        type: 'object',
        description: 'RFC 9457 problem details.',
        required: ['type', 'title', 'status', 'detail', 'instance'],
        properties: {
          type: {
            type: 'string',
            format: 'uri-reference',
            enum: Object.keys(PROBLEM_TYPES).map((type) => `/docs/problems#${type}`),
            description: 'The section of /docs/problems that explains the problem.',
          },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status.' },
          detail: { type: 'string', description: 'What was wrong with this request, for a person.' },
          instance: { type: 'string', format: 'uri-reference', description: 'The path of the request.' },
          parameter: { type: 'string', description: 'The query or path parameter at fault.' },
          errors: {
            type: 'array',
            items: { $ref: '#/components/schemas/FieldError' },
            description: 'invalid-article: each refused field, with the reason build-index gives.',
          },
        },
      },
    },
    responses: {
      Problem: { description: 'RFC 9457 problem details.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      MethodNotAllowed: {
        description: 'A method the path does not serve (a method-not-allowed problem).',
        headers: { Allow: { description: 'The methods the path serves.', required: true, schema: { type: 'string' } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
      TooManyRequests: {
        description: 'The client has spent its request budget (a too-many-requests problem).',
        headers: { 'Retry-After': { description: 'Seconds to wait.', required: true, schema: { type: 'integer', minimum: 1 } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
      Unauthorized: {
        description: 'The request carries no valid publishing token (an unauthorized problem).',
        headers: { 'WWW-Authenticate': { description: 'The challenge: Bearer realm="publish".', required: true, schema: { type: 'string' } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
  },
} as const;

type JsonObject = Record<string, unknown>;

/**
 * HEAD on every path that serves GET: Hono answers a HEAD with the GET handler's status and
 * headers and no body (405's Allow lists it), so each of its answers is the GET's without content.
 */
function withHeadOperations<T extends { paths: object; components: { responses: object } }>(document: T): T {
  const components = document.components.responses as Record<string, JsonObject>;
  const headersOnly = (response: JsonObject): JsonObject => {
    const ref = response['$ref'];
    const merged: JsonObject = { ...(typeof ref === 'string' ? components[ref.slice(ref.lastIndexOf('/') + 1)] : {}), ...response };
    delete merged['$ref'];
    delete merged['content'];
    return merged;
  };
  const paths = Object.entries(document.paths as Record<string, JsonObject>).map(([path, item]) => {
    const get = item['get'] as JsonObject | undefined;
    if (get === undefined) return [path, item];
    const responses = Object.entries(get['responses'] as Record<string, JsonObject>).map(([status, response]) => [status, headersOnly(response)]);
    const head = {
      ...get,
      operationId: `${String(get['operationId'])}Head`,
      summary: `${String(get['summary'])}: status and headers only`,
      responses: Object.fromEntries(responses),
    };
    return [path, { ...item, head }];
  });
  return { ...document, paths: Object.fromEntries(paths) };
}

export const OPENAPI_DOCUMENT = withHeadOperations(DOCUMENT);
