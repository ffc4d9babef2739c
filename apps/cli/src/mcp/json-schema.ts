// The tools' schemas are JSON Schema, the protocol's own format, written with these few
// helpers. `objectOf<T>` takes one schema per key of T, so an answer type that gains, loses or
// renames a field no longer compiles until its schema follows; `additionalProperties: false`
// makes the server's own check of every answer catch what the types cannot.

export interface JsonSchema {
  [key: string]: unknown;
}

export const string: JsonSchema = { type: 'string' };
export const instant: JsonSchema = { type: 'string', format: 'date-time' };
export const integer: JsonSchema = { type: 'integer' };
export const count: JsonSchema = { type: 'integer', minimum: 0 };
export const number: JsonSchema = { type: 'number' };
export const boolean: JsonSchema = { type: 'boolean' };

export function enumOf(values: readonly string[], description?: string): JsonSchema {
  return { type: 'string', enum: [...values], ...(description === undefined ? {} : { description }) };
}

export function arrayOf(items: JsonSchema): JsonSchema {
  return { type: 'array', items };
}

/** The schema or null. */
export function nullable(schema: JsonSchema): JsonSchema {
  return typeof schema.type === 'string'
    ? { ...schema, type: [schema.type, 'null'] }
    : { anyOf: [schema, { type: 'null' }] };
}

export function described(schema: JsonSchema, description: string): JsonSchema {
  return { ...schema, description };
}

/** An object with exactly T's keys; those listed in `optional` may be absent. */
export function objectOf<T extends object>(
  properties: { [K in keyof Required<T>]: JsonSchema },
  optional: readonly (keyof T)[] = [],
): JsonSchema & { type: 'object' } {
  const keys = Object.keys(properties);
  return {
    type: 'object',
    properties,
    required: keys.filter((k) => !optional.includes(k as keyof T)),
    additionalProperties: false,
  };
}
