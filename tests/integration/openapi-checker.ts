/**
 * Checks real answers of the Worker against an OpenAPI 3.1 document, with @cfworker/json-schema
 * (JSON Schema 2020-12, the dialect of OpenAPI 3.1; it interprets schemas instead of compiling
 * them to code, which workerd forbids). Used by openapi-contract.test.ts.
 *
 * An answer conforms when the document lists its path, method and status; its Content-Type is
 * one the response declares (or it has no body when the response declares no content); the body
 * is valid against the declared schema, with its `$ref`s resolved into the document; declared
 * headers that it sends are valid; a problem document's `status` is the HTTP status; and every
 * field of the body is declared. That last check uses a copy of the document in which every
 * object schema with `properties` (and no `additionalProperties`) is closed with
 * `unevaluatedProperties: false`: the served document stays open, so that clients tolerate new
 * fields, but a field the Worker sends and the document does not describe is a failure here.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import {
  escapeToken,
  forEachSchema,
  isRef,
  METHODS,
  resolvePointer,
  type HeaderObject,
  type Method,
  type OpenApiDocument,
  type OperationObject,
  type ResponseObject,
} from './openapi-document.ts';

/** The base URI the document is registered under, so that its `#/components/...` refs resolve. */
const DOCUMENT_URI = 'https://contract.test/openapi.json';

/** A copy of the document in which every object schema that lists its properties and says nothing of others is closed. */
function closedCopy(doc: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(doc);
  forEachSchema(copy, (schema) => {
    if (schema['properties'] !== undefined && schema['additionalProperties'] === undefined && schema['unevaluatedProperties'] === undefined)
      schema['unevaluatedProperties'] = false;
  });
  return copy;
}

function mediaTypeOf(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/** Wrappers the validator adds around the error that says what is wrong. */
const WRAPPER = /^(A subschema had errors|Property ".*" does not match schema|Items did not match schema|False boolean schema)\.?$/;

/** Errors that say where and why: no wrappers, and no summary of a value that has a more precise error inside it. */
function describeErrors(errors: OutputUnit[]): string[] {
  const leaves = errors.filter((error) => !WRAPPER.test(error.error));
  const precise = leaves.filter((error) => !leaves.some((other) => other.instanceLocation.startsWith(`${error.instanceLocation}/`)));
  return (precise.length > 0 ? precise : errors).map((error) => `${error.instanceLocation}: ${error.error} (${error.keywordLocation})`);
}

/** The response the document declares for an answer, with the pointer it sits at; or why there is none. */
type Declared = { ok: true; response: ResponseObject; at: string } | { ok: false; violation: string };

/** What the checker reads of an answer (a Response; a test of the checker may pass less). */
export type Answer = Pick<Response, 'status' | 'headers' | 'text'>;

export interface CheckedAnswer {
  /** Empty when the answer conforms. */
  violations: string[];
  /** The parsed JSON body (undefined when there is none or it is not JSON), the text otherwise. */
  body: unknown;
  text: string;
}

export class OpenApiContract {
  readonly doc: OpenApiDocument;
  readonly #closed: OpenApiDocument;

  constructor(doc: OpenApiDocument) {
    this.doc = doc;
    this.#closed = closedCopy(doc);
  }

  /** Validates `instance` against the schema at `pointer` of `doc` (a fresh copy: the validator annotates what it reads). */
  #validate(doc: OpenApiDocument, pointer: string, instance: unknown): string[] {
    const registered = { ...structuredClone(doc), $id: DOCUMENT_URI };
    const validator = new Validator({ $ref: `${DOCUMENT_URI}${pointer}` }, '2020-12', false);
    validator.addSchema(registered as unknown as Schema);
    return describeErrors(validator.validate(instance).errors);
  }

  /** Valid against the served document, then with every field declared. */
  validate(pointer: string, instance: unknown, what: string): string[] {
    const open = this.#validate(this.doc, pointer, instance);
    if (open.length > 0) return open.map((error) => `${what} does not match ${pointer}: ${error}`);
    return this.#validate(this.#closed, pointer, instance).map((error) => `${what} has a field that ${pointer} does not declare: ${error}`);
  }

  /** The operations of a path, by method. */
  operations(path: string): [Method, OperationObject][] {
    const item = this.doc.paths[path];
    return item === undefined ? [] : METHODS.flatMap((method) => (item[method] === undefined ? [] : [[method, item[method]] as [Method, OperationObject]]));
  }

  #response(operation: OperationObject, at: string, status: number, what: string): Declared {
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => operation.responses[candidate] !== undefined);
    if (key === undefined)
      return {
        ok: false,
        violation: `${what} answered ${status}, a status the document does not list for it (it lists ${Object.keys(operation.responses).join(', ')})`,
      };
    let response: unknown = operation.responses[key];
    let pointer = `${at}/responses/${escapeToken(key)}`;
    for (let hops = 0; isRef(response) && hops < 10; hops++) {
      pointer = response.$ref;
      response = resolvePointer(this.doc, pointer);
    }
    if (typeof response !== 'object' || response === null || isRef(response))
      return { ok: false, violation: `${what} ${status}: its response ${pointer} does not resolve` };
    return { ok: true, response: response as ResponseObject, at: pointer };
  }

  /**
   * The response declared for `status` of `method` on `path`. A method the path does not serve is
   * answered by the guards that run before any route (405, 413, 414, 429): such a status must be
   * declared by every operation of the path, which then describes it for all methods.
   */
  declared(path: string, method: Method, status: number): Declared {
    const what = `${method.toUpperCase()} ${path}`;
    const item = this.doc.paths[path];
    if (item === undefined) return { ok: false, violation: `${what}: the document has no path ${path}` };
    const operation = item[method];
    if (operation !== undefined) return this.#response(operation, `#/paths/${escapeToken(path)}/${method}`, status, what);
    const answers = this.operations(path).map(([other, op]) =>
      this.#response(op, `#/paths/${escapeToken(path)}/${other}`, status, `${other.toUpperCase()} ${path}`),
    );
    const first = answers[0];
    if (first === undefined) return { ok: false, violation: `${what}: the document lists no operation on ${path}` };
    const missing = answers.filter((answer) => !answer.ok);
    if (missing.length > 0)
      return {
        ok: false,
        violation: `${what} (a method ${path} does not serve) answered ${status}, which not every operation of the path declares: ${missing.map((answer) => (answer.ok ? '' : answer.violation)).join('; ')}`,
      };
    return first;
  }

  /** Checks one real answer; reads its body. */
  async check(path: string, method: Method, response: Answer): Promise<CheckedAnswer> {
    const text = await response.text();
    const what = `${method.toUpperCase()} ${path} ${response.status}`;
    const declared = this.declared(path, method, response.status);
    if (!declared.ok) return { violations: [declared.violation], body: undefined, text };
    const violations: string[] = [];
    const { response: spec, at } = declared;

    for (const [name, header] of Object.entries(spec.headers ?? {})) {
      const headerAt = isRef(header) ? header.$ref : `${at}/headers/${escapeToken(name)}`;
      const resolved = resolvePointer(this.doc, headerAt) as HeaderObject | undefined;
      if (resolved === undefined) {
        violations.push(`${what}: header ${name} is a $ref that does not resolve`);
        continue;
      }
      const value = response.headers.get(name);
      if (value === null) {
        if (resolved.required === true) violations.push(`${what}: the required header ${name} is missing`);
        continue;
      }
      if (resolved.schema === undefined) continue;
      const types = [resolved.schema.type].flat();
      const numeric = (types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value);
      violations.push(...this.validate(`${headerAt}/schema`, numeric ? Number(value) : value, `${what} header ${name}`));
    }

    const contentType = mediaTypeOf(response.headers.get('Content-Type'));
    if (spec.content === undefined) {
      if (text !== '') violations.push(`${what} has a body (${JSON.stringify(contentType)}), but the document declares none`);
      return { violations, body: undefined, text };
    }
    const media = spec.content[contentType];
    if (media === undefined) {
      violations.push(`${what} answered Content-Type ${JSON.stringify(contentType)}; the document declares ${Object.keys(spec.content).join(', ')}`);
      return { violations, body: undefined, text };
    }
    let body: unknown = text;
    if (isJsonMediaType(contentType)) {
      try {
        body = JSON.parse(text);
      } catch {
        violations.push(`${what} is ${contentType} but its body is not JSON`);
        return { violations, body: undefined, text };
      }
    }
    if (media.schema !== undefined) violations.push(...this.validate(`${at}/content/${escapeToken(contentType)}/schema`, body, what));
    if (contentType === 'application/problem+json' && typeof body === 'object' && body !== null && (body as { status?: unknown }).status !== response.status) {
      violations.push(`${what}: the problem's status member is ${JSON.stringify((body as { status?: unknown }).status)}, not the HTTP status`);
    }
    return { violations, body, text };
  }

  /** Checks a request body against the operation's requestBody schema for its media type. */
  checkRequest(path: string, method: Method, mediaType: string, body: unknown): string[] {
    const what = `the request body of ${method.toUpperCase()} ${path}`;
    const requestBody = this.doc.paths[path]?.[method]?.requestBody;
    if (requestBody === undefined || isRef(requestBody)) return [`${what} is not declared inline`];
    if (requestBody.content[mediaType]?.schema === undefined) return [`${what} declares no schema for ${mediaType}`];
    return this.validate(`#/paths/${escapeToken(path)}/${method}/requestBody/content/${escapeToken(mediaType)}/schema`, body, what);
  }

  /** Every answer the document declares, as "METHOD path status". */
  declaredAnswers(): string[] {
    return Object.keys(this.doc.paths).flatMap((path) =>
      this.operations(path).flatMap(([method, op]) => Object.keys(op.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`)),
    );
  }
}
