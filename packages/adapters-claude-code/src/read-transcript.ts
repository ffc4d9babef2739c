import { open, type FileHandle } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { AdapterDiagnostic, AdapterEvent, ReadPosition } from '@rimuru/core';
import { ActivityStretch } from './activity-stretch.js';
import { interpretRecord, type RecordSink } from './interpret-record.js';
import { splitLines } from './line-splitter.js';
import { encodeState, linesBefore } from './read-state.js';
import { sessionIdFromPath } from './session-from-path.js';

export interface ReadLimits {
  /** Bytes read per filesystem call. */
  chunkSize: number;
  /** Longer lines are skipped with a `line-too-long` diagnostic. */
  maxLineBytes: number;
  /** A checkpoint follows after this many consumed bytes... */
  checkpointBytes: number;
  /** ...or this many consumed lines, whichever comes first. */
  checkpointLines: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  chunkSize: 2 * 1024 * 1024,
  maxLineBytes: 64 * 1024 * 1024,
  checkpointBytes: 8 * 1024 * 1024,
  checkpointLines: 20_000,
});

function warn(line: number | null, code: string, message: string): AdapterDiagnostic {
  const where = line === null ? '' : `line ${line}: `;
  return { type: 'diagnostic', severity: 'warning', code, message: `${where}${message}`, line };
}

/** True for lines of only spaces/tabs/CRs: skipped silently (editors and crashes leave them). */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/**
 * Reads a Claude Code transcript from `from.offset`, yielding usage, activity and
 * diagnostics, and a checkpoint after every stretch and at the end. Only complete lines are
 * consumed: a checkpoint never covers a partial last line.
 */
export async function* readTranscript(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    yield { type: 'diagnostic', severity: 'error', code: 'unreadable-source', message: reason, line: null };
    return;
  }
  try {
    yield* readOpen(handle, from, limits, sessionIdFromPath(path));
  } finally {
    await handle.close();
  }
}

async function* readOpen(
  handle: FileHandle,
  from: ReadPosition,
  limits: ReadLimits,
  pathSessionId: string,
): AsyncGenerator<AdapterEvent> {
  const base = linesBefore(from);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stretch = new ActivityStretch();
  let pendingEvents: AdapterEvent[] = [];
  const sink: RecordSink = {
    activity: (sessionId, atMs, atIso, cwd) => stretch.add(sessionId, atMs, atIso, cwd),
    usage: (event) => pendingEvents.push(event),
    diagnostic: (diagnostic) => pendingEvents.push(diagnostic),
  };

  let consumedOffset = from.offset;
  let consumedLines = 0;
  let checkpointOffset = from.offset;
  let linesSinceCheckpoint = 0;
  let checkpoints = 0;
  const lineNumber = (n: number): number | null => (base === null ? null : base + n);
  const checkpoint = (): void => {
    for (const activity of stretch.drain()) pendingEvents.push(activity);
    const lines = base === null ? null : base + consumedLines;
    pendingEvents.push({ type: 'checkpoint', offset: consumedOffset, state: encodeState(lines) });
    checkpointOffset = consumedOffset;
    linesSinceCheckpoint = 0;
    checkpoints += 1;
  };

  const split = splitLines(handle, { start: from.offset, chunkSize: limits.chunkSize, maxLineBytes: limits.maxLineBytes });
  for await (const batch of split) {
    for (const item of batch) {
      const line = lineNumber(item.number);
      if (item.kind === 'too-long') {
        sink.diagnostic(warn(line, 'line-too-long', `line of ${item.length} bytes exceeds ${limits.maxLineBytes}; skipped`));
      } else if (!isBlank(item.bytes)) {
        processLine(item.bytes, line, decoder, sink, pathSessionId);
      }
      consumedOffset = item.end;
      consumedLines = item.number;
      linesSinceCheckpoint += 1;
      if (consumedOffset - checkpointOffset >= limits.checkpointBytes || linesSinceCheckpoint >= limits.checkpointLines) {
        checkpoint();
      }
    }
    if (pendingEvents.length > 0) {
      const out = pendingEvents;
      pendingEvents = [];
      yield* out;
    }
  }
  // Always end on a checkpoint, but not twice at the same place.
  if (linesSinceCheckpoint > 0 || checkpoints === 0) checkpoint();
  yield* pendingEvents;
}

function processLine(
  bytes: Buffer,
  line: number | null,
  decoder: TextDecoder,
  sink: RecordSink,
  pathSessionId: string,
): void {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    sink.diagnostic(warn(line, 'invalid-utf8', `line of ${bytes.length} bytes is not valid UTF-8`));
    return;
  }
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    sink.diagnostic(warn(line, 'invalid-json', `line of ${bytes.length} bytes is not valid JSON`));
    return;
  }
  interpretRecord(record, line, sink, pathSessionId);
}
