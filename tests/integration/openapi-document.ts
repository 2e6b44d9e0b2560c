/**
 * An OpenAPI 3.1 document as the tests read it: the objects they look at, JSON pointers, and walks
 * over its references and schemas. Shared by the lint (tests/build/openapi-lint.test.ts, in Node)
 * and the contract checker (openapi-checker.ts, in workerd); it imports nothing.
 */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type Method = (typeof METHODS)[number];

export interface Ref {
  $ref: string;
}

/** A JSON Schema 2020-12 schema, as OpenAPI 3.1 writes them. */
export type SchemaObject = Record<string, unknown>;

export interface MediaTypeObject {
  schema?: SchemaObject;
}

export interface HeaderObject {
  required?: boolean;
  schema?: SchemaObject;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | Ref>;
  content?: Record<string, MediaTypeObject>;
}

export interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
}

export interface OperationObject {
  operationId?: string;
  parameters?: (ParameterObject | Ref)[];
  requestBody?: { content: Record<string, MediaTypeObject> } | Ref;
  responses: Record<string, ResponseObject | Ref>;
}

export type PathItemObject = Partial<Record<Method, OperationObject>> & { parameters?: (ParameterObject | Ref)[] };

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, PathItemObject>;
  components?: Record<string, Record<string, unknown>>;
}

export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && typeof (value as Ref).$ref === 'string';
}

export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value a local reference (`#/a/b`) names in `doc`, or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let value: unknown = doc;
  for (const token of ref.slice(2).split('/').map(unescapeToken)) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, token)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** Every `$ref` in `value`, with the JSON pointer of the object that holds it. */
export function refsIn(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (typeof value !== 'object' || value === null) return [];
  const own = isRef(value) ? [{ at, ref: value.$ref }] : [];
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
  return [...own, ...entries.flatMap(([key, child]) => refsIn(child, `${at}/${escapeToken(key)}`))];
}

/** Keywords whose value is a schema, an array of schemas, or a map of schemas (JSON Schema 2020-12). */
const SUBSCHEMA = [
  'items',
  'contains',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'contentSchema',
];
const SUBSCHEMA_LIST = ['prefixItems', 'allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

export type SchemaVisitor = (schema: Record<string, unknown>, at: string) => void;

function visitSchema(schema: unknown, at: string, visit: SchemaVisitor): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const s = schema as Record<string, unknown>;
  visit(s, at);
  for (const key of SUBSCHEMA) visitSchema(s[key], `${at}/${key}`, visit);
  for (const key of SUBSCHEMA_LIST) if (Array.isArray(s[key])) s[key].forEach((item, i) => visitSchema(item, `${at}/${key}/${i}`, visit));
  for (const key of SUBSCHEMA_MAP) {
    const map = s[key];
    if (typeof map === 'object' && map !== null) for (const [name, item] of Object.entries(map)) visitSchema(item, `${at}/${key}/${escapeToken(name)}`, visit);
  }
}

/** Calls `visit` on every Schema Object of the document (components.schemas, every `schema` member, and the schemas inside them), with its pointer. */
export function forEachSchema(doc: OpenApiDocument, visit: SchemaVisitor): void {
  const walk = (value: unknown, at: string): void => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      const where = `${at}/${escapeToken(key)}`;
      if (key === 'schema') visitSchema(child, where, visit);
      else if (at === '#/components' && key === 'schemas')
        for (const [name, schema] of Object.entries(child as object)) visitSchema(schema, `${where}/${escapeToken(name)}`, visit);
      else walk(child, where);
    }
  };
  walk(doc, '#');
}
