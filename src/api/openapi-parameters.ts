/**
 * The OpenAPI `parameters` of a route, generated from its schema in src/api/search-params.ts: one
 * query parameter per entry, in the schema's order, with the description and the JSON Schema each
 * kind of parameter declares beside its check (src/api/query-parameters.ts).
 *
 * Not @valibot/to-json-schema: it describes the schema's input, and these schemas take strings off
 * the URL (every value given for a name) and check them in code, with the API's own messages; what
 * a client must send, an integer from 1 to 50, is known to the parameter kind, not to valibot.
 */
import * as v from 'valibot';
import { parameterDocument, type ParameterDocument } from './query-parameters.ts';

export interface QueryParameterObject extends ParameterDocument {
  name: string;
  in: 'query';
  description?: string;
}

/**
 * `notes` adds sentences to a parameter's description that the schema cannot hold because they
 * come from the Worker's own modules (the work budget of q): the schema imports valibot only.
 */
export function openApiParameters(schema: { entries: v.ObjectEntries }, notes: Partial<Record<string, string>> = {}): QueryParameterObject[] {
  return Object.entries(schema.entries).map(([name, entry]) => {
    const { required, schema: valueSchema, ...serialization } = parameterDocument(name, entry);
    const description = [v.getDescription(entry as Parameters<typeof v.getDescription>[0]), notes[name]].filter((part) => part !== undefined).join(' ');
    return {
      name,
      in: 'query',
      ...(required ? { required } : {}),
      ...(description === '' ? {} : { description }),
      schema: valueSchema,
      ...serialization,
    };
  });
}
