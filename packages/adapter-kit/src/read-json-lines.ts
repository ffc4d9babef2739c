import type { AdapterEvent, JsonValue } from '@rimuru/core';
import { openChunkFile, type ChunkFile } from './chunk-file.js';
import { isBlankLine, parseJsonLine } from './json-line.js';
import { splitLinesTransient } from './line-splitter.js';
import { checkpointDue, type ReadLimits } from './read-limits.js';
import { lineWarning, unreadableSource } from './source-diagnostic.js';

/** Where an incremental read starts: a byte offset and how many lines lie before it. */
export interface JsonLinesStart {
  offset: number;
  /** Lines before `offset`; null when unknown (an offset given without state): lines are then numbered null. */
  linesBefore: number | null;
}

/** Queues an event for the reader's output, in order with the reader's own diagnostics and checkpoints. */
export type EmitEvent = (event: AdapterEvent) => void;

/** What an adapter adds to the shared read loop: how a record is interpreted and what a checkpoint keeps. */
export interface JsonLinesHandlers {
  /** One complete, non-blank line that is valid JSON; `line` is its 1-based number in the file. */
  record(value: unknown, line: number | null): void;
  /**
   * Closes a stretch (the lines since the previous checkpoint) once `linesConsumed` lines lie before the
   * checkpoint offset: emit what the stretch gathered (activity) and return the checkpoint's adapter state.
   */
  checkpoint(linesConsumed: number | null): JsonValue | null;
}

/**
 * The incremental JSONL read every append-only adapter shares: reads `path` from `start.offset` in chunks,
 * reports oversized, non-UTF-8 and non-JSON lines as warnings, hands every other non-blank line to the
 * adapter, and yields a checkpoint whenever a stretch reaches the limits and once at the end. Only
 * complete lines are consumed: a partial last line (the agent is still writing it) is read next time.
 * `handlers` is called once with the `emit` the adapter's own events go through.
 */
export async function* readJsonLines(
  path: string,
  start: JsonLinesStart,
  limits: ReadLimits,
  handlers: (emit: EmitEvent) => JsonLinesHandlers,
): AsyncGenerator<AdapterEvent> {
  let file: ChunkFile;
  try {
    file = await openChunkFile(path);
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  try {
    yield* readOpen(file, start, limits, handlers);
  } finally {
    await file.close();
  }
}

async function* readOpen(
  file: ChunkFile,
  start: JsonLinesStart,
  limits: ReadLimits,
  handlers: (emit: EmitEvent) => JsonLinesHandlers,
): AsyncGenerator<AdapterEvent> {
  const base = start.linesBefore;
  let pending: AdapterEvent[] = [];
  const emit: EmitEvent = (event) => {
    pending.push(event);
  };
  const adapter = handlers(emit);

  let consumedOffset = start.offset;
  let consumedLines = 0;
  let checkpointOffset = start.offset;
  let linesSinceCheckpoint = 0;
  let checkpoints = 0;
  const checkpoint = (): void => {
    const state = adapter.checkpoint(base === null ? null : base + consumedLines);
    pending.push({ type: 'checkpoint', offset: consumedOffset, state });
    checkpointOffset = consumedOffset;
    linesSinceCheckpoint = 0;
    checkpoints += 1;
  };

  // Each batch is fully parsed before the next is asked for, as splitLinesTransient requires.
  const split = splitLinesTransient(file, {
    start: start.offset,
    chunkSize: limits.chunkSize,
    maxLineBytes: limits.maxLineBytes,
  });
  for await (const batch of split) {
    for (const item of batch) {
      const line = base === null ? null : base + item.number;
      if (item.kind === 'too-long') {
        emit(
          lineWarning(line, 'line-too-long', `line of ${item.length} bytes exceeds ${limits.maxLineBytes}; skipped`),
        );
      } else if (!isBlankLine(item.bytes)) {
        const parsed = parseJsonLine(item.bytes);
        if (parsed.ok) adapter.record(parsed.value, line);
        else emit(lineWarning(line, parsed.code, parsed.message));
      }
      consumedOffset = item.end;
      consumedLines = item.number;
      linesSinceCheckpoint += 1;
      if (checkpointDue(limits, consumedOffset - checkpointOffset, linesSinceCheckpoint)) checkpoint();
    }
    // One yield per chunk, not per line: lines are processed synchronously in between.
    if (pending.length > 0) {
      const out = pending;
      pending = [];
      yield* out;
    }
  }
  // Always end on a checkpoint, but not twice at the same place.
  if (linesSinceCheckpoint > 0 || checkpoints === 0) checkpoint();
  yield* pending;
}
