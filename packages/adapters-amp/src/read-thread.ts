import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import type { AdapterDiagnostic, AdapterEvent } from '@rimuru/core';
import { interpretThread } from './thread.js';

/** Threads are read whole; a larger file is not a thread Amp wrote. */
const MAX_THREAD_BYTES = 256 * 1024 * 1024;

function warning(code: string, message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code, message, line: null };
}

function sourceError(code: string, error: unknown): AdapterDiagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'diagnostic', severity: 'error', code, message, line: null };
}

/**
 * Reads one thread document whole (a snapshot source: Amp rewrites it as the thread grows):
 * usage events, one activity, diagnostics for what could not be read, and a final checkpoint.
 * Stable dedupe keys make a re-read of the grown document idempotent.
 */
export async function* readThread(path: string): AsyncGenerator<AdapterEvent> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > MAX_THREAD_BYTES) {
      yield sourceError('source-too-large', `thread of ${info.size} bytes exceeds ${MAX_THREAD_BYTES}; skipped`);
      yield { type: 'checkpoint', offset: info.size, state: null };
      return;
    }
    bytes = await readFile(path);
  } catch (error) {
    yield sourceError('unreadable-source', error);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    // Amp writes the document at once; a torn or foreign file is reported, and read again when it changes.
    yield warning(
      error instanceof SyntaxError ? 'invalid-json' : 'invalid-utf8',
      'thread file is not valid UTF-8 JSON',
    );
    yield { type: 'checkpoint', offset: bytes.length, state: null };
    return;
  }
  const parsed = interpretThread(value, basename(path).replace(/\.json$/i, ''));
  if (parsed.kind === 'invalid') {
    yield warning('invalid-record', parsed.reason);
  } else {
    for (const problem of parsed.problems) yield warning('invalid-record', problem);
    yield* parsed.usages;
    if (parsed.activity !== null) yield parsed.activity;
  }
  yield { type: 'checkpoint', offset: bytes.length, state: null };
}
