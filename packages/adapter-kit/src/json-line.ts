import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

/** A decoder that throws on invalid UTF-8 instead of inventing U+FFFD characters. */
export function strictUtf8Decoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true });
}

/** True for lines of only spaces/tabs/CRs: skipped silently (editors and crashes leave them). */
export function isBlankLine(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

export type JsonLineParse =
  { ok: true; value: unknown } | { ok: false; code: 'invalid-utf8' | 'invalid-json'; message: string };

const BYTE_ORDER_MARK = 0xfeff;

/**
 * One JSONL line as a JSON value, or why it is not one. The message names only the line's
 * length: echoing its bytes would put a user's prompt text into logs.
 *
 * Decodes as a strict (fatal) TextDecoder would, but faster: `isUtf8` validates natively and
 * `toString` then decodes without a second check. A leading byte order mark is dropped, as
 * the TextDecoder drops it.
 */
export function parseJsonLine(bytes: Uint8Array): JsonLineParse {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) {
    return { ok: false, code: 'invalid-utf8', message: `line of ${bytes.length} bytes is not valid UTF-8` };
  }
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: 'invalid-json', message: `line of ${bytes.length} bytes is not valid JSON` };
  }
}
