import { readFile, stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { parseJson } from './json-fields.js';

/** Side files and task documents above this size are not read (no real task gets near it). */
const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

export type JsonFileRead =
  | { kind: 'value'; value: unknown; bytes: number }
  | { kind: 'missing' }
  | {
      kind: 'problem';
      code: 'invalid-json' | 'invalid-utf8' | 'source-too-large' | 'unreadable-source';
      message: string;
      bytes: number;
    };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a whole JSON document; a missing file is `missing`, never an error. */
export async function readJsonFile(path: string): Promise<JsonFileRead> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > MAX_JSON_FILE_BYTES) {
      return {
        kind: 'problem',
        code: 'source-too-large',
        message: `${info.size} bytes exceed ${MAX_JSON_FILE_BYTES}`,
        bytes: info.size,
      };
    }
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return {
      kind: 'problem',
      code: 'unreadable-source',
      message: error instanceof Error ? error.message : String(error),
      bytes: 0,
    };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { kind: 'problem', code: 'invalid-utf8', message: 'not valid UTF-8', bytes: bytes.length };
  }
  const value = parseJson(text);
  if (value === undefined)
    return { kind: 'problem', code: 'invalid-json', message: 'not valid JSON', bytes: bytes.length };
  return { kind: 'value', value, bytes: bytes.length };
}
