import { open, type FileHandle } from 'node:fs/promises';
import type { TextDecoder } from 'node:util';
import {
  checkpointDue,
  DEFAULT_READ_LIMITS,
  isBlankLine,
  lineWarning as warn,
  parseJsonLine,
  splitLines,
  strictUtf8Decoder,
  unreadableSource,
  type ReadLimits,
} from '@rimuru/adapter-kit';
import type { AdapterEvent, ReadPosition } from '@rimuru/core';
import { ActivityStretch } from './activity-stretch.js';
import { interpretRecord, type RecordSink } from './interpret-record.js';
import { encodeState, linesBefore } from './read-state.js';
import { sessionIdFromPath } from './session-from-path.js';

export { DEFAULT_READ_LIMITS, type ReadLimits };

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
    yield unreadableSource(error);
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
  const decoder = strictUtf8Decoder();
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
      } else if (!isBlankLine(item.bytes)) {
        processLine(item.bytes, line, decoder, sink, pathSessionId);
      }
      consumedOffset = item.end;
      consumedLines = item.number;
      linesSinceCheckpoint += 1;
      if (checkpointDue(limits, consumedOffset - checkpointOffset, linesSinceCheckpoint)) {
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
  const parsed = parseJsonLine(bytes, decoder);
  if (!parsed.ok) {
    sink.diagnostic(warn(line, parsed.code, parsed.message));
    return;
  }
  interpretRecord(parsed.value, line, sink, pathSessionId);
}
