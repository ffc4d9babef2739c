/** Narrowing helpers for untyped JSON records. */
export type Fields = Record<string, unknown>;

export { isRecord as isObject, nonBlankString as nonEmptyString } from '@rimuru/adapter-kit';
