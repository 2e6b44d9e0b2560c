/**
 * Lints the OpenAPI document the Worker serves at /openapi.json (src/api/openapi.ts; the served
 * JSON is this object serialized, which tests/integration/openapi-contract.test.ts checks): it
 * must be a valid OpenAPI 3.1 document by @seriousme/openapi-schema-validator (the OpenAPI
 * Initiative's published JSON Schemas, with Ajv, which compiles to code and so runs here in
 * Node, not in workerd), and meet what those schemas cannot say: every operation has a unique
 * operationId, every path parameter is declared (and only those), every $ref resolves, every
 * component is used, every error answer is an RFC 9457 problem document, and schemas use no
 * keyword that JSON Schema 2020-12 and OpenAPI do not define (the published schemas accept any
 * Schema Object, so a misspelt `additionalPropertes` would silently leave a schema open). Code
 * generators and the contract test rely on each of these.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DOCUMENT } from '../../src/api/openapi.ts';
import {
  forEachSchema,
  METHODS,
  refsIn,
  resolvePointer,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
} from '../integration/openapi-document.ts';

/** The document as served: JSON. */
const served = JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)) as Record<string, unknown>;
const doc = served as unknown as OpenApiDocument;

function operations(document: OpenApiDocument): { where: string; path: string; operation: OperationObject; shared: ParameterObject[] }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation === undefined
        ? []
        : [{ where: `${method.toUpperCase()} ${path}`, path, operation, shared: (item.parameters ?? []) as ParameterObject[] }];
    }),
  );
}

/** The keywords of a Schema Object in OpenAPI 3.1: JSON Schema 2020-12's vocabularies and OpenAPI's own. */
const SCHEMA_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
  '$comment',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'example',
]);

/** A Reference Object's target, or the object itself. */
function deref<T>(value: T | { $ref: string }): T {
  return typeof value === 'object' && value !== null && '$ref' in value ? (resolvePointer(doc, value.$ref) as T) : value;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(served));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations(doc).map(({ where, operation }) => operation.operationId ?? `${where} has none`);
    expect(ids.filter((id) => id.endsWith(' has none'))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('declares every path parameter as a required path parameter, and no other', () => {
    const wrong = operations(doc).flatMap(({ where, path, operation, shared }) => {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      const declared = [...shared, ...(operation.parameters ?? [])].map((parameter) => deref(parameter)).filter((parameter) => parameter.in === 'path');
      return [
        ...inPath
          .filter((name) => !declared.some((parameter) => parameter.name === name && parameter.required === true))
          .map((name) => `${where}: {${name}} is not declared as a required path parameter`),
        ...declared.filter((parameter) => !inPath.includes(parameter.name)).map((parameter) => `${where}: path parameter ${parameter.name} is not in the path`),
      ];
    });
    expect(wrong).toEqual([]);
  });

  it('resolves every $ref inside the document', () => {
    const unresolved = refsIn(doc).filter(({ ref }) => resolvePointer(doc, ref) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('uses every component it defines', () => {
    const used = new Set(refsIn(doc).map(({ ref }) => ref));
    const defined = Object.entries(doc.components ?? {}).flatMap(([kind, entries]) =>
      kind === 'securitySchemes' ? [] : Object.keys(entries).map((name) => `#/components/${kind}/${name}`),
    );
    expect(defined.filter((ref) => !used.has(ref))).toEqual([]);
  });

  it('answers every error as an RFC 9457 problem document (HEAD: without the body)', () => {
    const notProblems = operations(doc)
      .filter(({ where }) => !where.startsWith('HEAD '))
      .flatMap(({ where, operation }) =>
        Object.entries(operation.responses)
          .filter(([status]) => /^[45]/.test(status))
          .filter(([, response]) => (deref(response) as ResponseObject).content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem')
          .map(([status]) => `${where} ${status}`),
      );
    expect(notProblems).toEqual([]);
  });

  it('gives every path that serves GET a HEAD with the same answers and no content', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      if (item.get === undefined) continue;
      expect(Object.keys(item.head?.responses ?? {}), path).toEqual(Object.keys(item.get.responses));
      for (const response of Object.values(item.head!.responses)) expect((deref(response) as ResponseObject).content, path).toBeUndefined();
    }
  });

  it('writes its schemas with the keywords of JSON Schema 2020-12 and OpenAPI only', () => {
    const unknown: string[] = [];
    forEachSchema(doc, (schema, at) =>
      unknown.push(
        ...Object.keys(schema)
          .filter((key) => !SCHEMA_KEYWORDS.has(key) && !key.startsWith('x-'))
          .map((key) => `${at}: ${key}`),
      ),
    );
    expect(unknown).toEqual([]);
    let schemas = 0;
    forEachSchema(doc, () => schemas++);
    expect(schemas).toBeGreaterThan(50);
  });

  it('is refused by the linter when broken, so that a pass means something', async () => {
    const broken = structuredClone(served) as { paths: Record<string, Record<string, { responses: unknown }>> };
    broken.paths['/api/search']!['get']!.responses = { '200': { $ref: '#/components/responses/Nothing' } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
    const invalid = structuredClone(served) as { paths: Record<string, Record<string, { responses: unknown }>> };
    invalid.paths['/api/search']!['get']!.responses = 'none';
    expect((await new Validator().validate(invalid)).valid).toBe(false);
  });
});
