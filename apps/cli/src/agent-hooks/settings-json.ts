import { RimuruError } from '@rimuru/core';

/** An agent's JSON settings file as parsed: what the hook, guard and statusline installers edit. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A settings file's text as an object ({} when absent or blank). A file that is not a JSON
 * object is never overwritten: the user is told to fix it before `what` (installing hooks, …).
 */
export function parseSettings(text: string | null, path: string, what: string): JsonObject {
  if (text === null || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RimuruError('CONFIG_ERROR', `${path} is not valid JSON: fix it before ${what}`);
  }
  if (!isObject(value as Json)) throw new RimuruError('CONFIG_ERROR', `${path} is not a JSON object`);
  return value as JsonObject;
}

/** The text a settings file is written back as: two-space JSON and a final newline. */
export function settingsText(settings: JsonObject): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
