/**
 * RFC 9457 problem details: every error the API returns, as `application/problem+json`.
 */

/** Problem types; each `type` URI resolves to a section of the API documentation. */
export const PROBLEM_TYPES = {
  'invalid-parameter': 'Invalid parameter',
  'missing-parameter': 'Missing parameter',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'too-many-requests': 'Too many requests',
  'uri-too-long': 'URI too long',
  'content-too-large': 'Content too large',
  'index-unavailable': 'Search index unavailable',
  'invalid-article': 'Invalid article',
  'unsupported-media-type': 'Unsupported media type',
  unauthorized: 'Unauthorized',
  'writes-disabled': 'Writes disabled',
  'live-unavailable': 'Live set unavailable',
  'live-set-full': 'Live set full',
  'internal-error': 'Internal error',
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** The query or path parameter at fault, when there is one. */
  parameter?: string;
  /** invalid-article: every field refused, with the build's reason for it. */
  errors?: FieldError[];
}

/** One refused field of an article, as build-index reports it (`file:line: field: reason`). */
export interface FieldError {
  field: string;
  reason: string;
  /** Bulk upload: the line of the request body. */
  line?: number;
}

/** Thrown by handlers; `app.onError` turns it into the response. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly status: number;
  readonly problemType: ProblemType;
  readonly detail: string;
  readonly parameter: string | undefined;
  readonly headers: Record<string, string>;
  readonly errors: FieldError[] | undefined;

  constructor(status: number, problemType: ProblemType, detail: string, parameter?: string, headers: Record<string, string> = {}, errors?: FieldError[]) {
    super(detail);
    this.status = status;
    this.problemType = problemType;
    this.detail = detail;
    this.parameter = parameter;
    this.headers = headers;
    this.errors = errors;
  }
}

export function invalidParameter(parameter: string, detail: string): ProblemError {
  return new ProblemError(400, 'invalid-parameter', detail, parameter);
}

export function problemResponse(error: ProblemError, instance: string): Response {
  const body: ProblemBody = {
    type: `/docs/problems#${error.problemType}`,
    title: PROBLEM_TYPES[error.problemType],
    status: error.status,
    detail: error.detail,
    instance,
  };
  if (error.parameter !== undefined) body.parameter = error.parameter;
  if (error.errors !== undefined) body.errors = error.errors;
  // `<`, `>` and `&` as \u escapes: the same JSON, but echoed input can never form markup if a
  // client or a proxy ever shows the document as HTML.
  const json = JSON.stringify(body).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Response(json, {
    status: error.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...error.headers },
  });
}
