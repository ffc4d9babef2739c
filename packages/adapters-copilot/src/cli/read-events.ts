import { open, type FileHandle } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { AdapterEvent, ReadPosition, SessionActivity } from '@rimuru/core';
import { errorMessage, sourceError, warning } from '../diagnostic.js';
import { splitLines } from '../line-splitter.js';
import type { Instant } from '../timestamp.js';
import { encodeCliState, initialCliState, type CliReadState } from './cli-state.js';
import { interpretEvent, sessionIdFromPath, type EventSink } from './interpret-event.js';

export interface CliReadLimits {
  /** Bytes read per filesystem call. */
  chunkSize: number;
  /** Longer lines are skipped with a `line-too-long` diagnostic. */
  maxLineBytes: number;
  /** A checkpoint follows after this many consumed bytes... */
  checkpointBytes: number;
  /** ...or this many consumed lines, whichever comes first. */
  checkpointLines: number;
}

export const DEFAULT_CLI_READ_LIMITS: Readonly<CliReadLimits> = Object.freeze({
  chunkSize: 2 * 1024 * 1024,
  maxLineBytes: 64 * 1024 * 1024,
  checkpointBytes: 8 * 1024 * 1024,
  checkpointLines: 20_000,
});

/** First and last activity over one stretch (the lines between two checkpoints). */
class Stretch {
  private first: Instant | null = null;
  private last: Instant | null = null;

  add(at: Instant): void {
    if (this.first === null || at.ms < this.first.ms) this.first = at;
    if (this.last === null || at.ms > this.last.ms) this.last = at;
  }

  drain(state: CliReadState, path: string): SessionActivity | null {
    const { first, last } = this;
    this.first = null;
    this.last = null;
    if (first === null || last === null) return null;
    return {
      type: 'activity',
      sessionExternalId: state.sessionId ?? sessionIdFromPath(path),
      firstAt: first.iso,
      lastAt: last.iso,
      projectPath: state.projectPath,
      parentExternalId: null,
      tokensKnown: state.tokensKnown,
      title: null,
    };
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/**
 * Reads a Copilot CLI event log (`events.jsonl`) from `from.offset`: activity, usage from
 * each `session.shutdown`, diagnostics, and a checkpoint after every stretch and at the end.
 * Only complete lines are consumed, so a line the CLI is still writing is read next time.
 */
export async function* readCliEvents(
  path: string,
  from: ReadPosition,
  limits: CliReadLimits = DEFAULT_CLI_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    yield sourceError('unreadable-source', errorMessage(error));
    return;
  }
  try {
    yield* readOpen(handle, path, from, limits);
  } finally {
    await handle.close();
  }
}

async function* readOpen(
  handle: FileHandle,
  path: string,
  from: ReadPosition,
  limits: CliReadLimits,
): AsyncGenerator<AdapterEvent> {
  const state = initialCliState(from);
  const base = state.line;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stretch = new Stretch();
  let pending: AdapterEvent[] = [];
  const sink: EventSink = {
    activity: (at) => stretch.add(at),
    usage: (event) => pending.push(event),
    diagnostic: (diagnostic) => pending.push(diagnostic),
  };

  let consumedOffset = from.offset;
  let consumedLines = 0;
  let checkpointOffset = from.offset;
  let linesSinceCheckpoint = 0;
  let checkpoints = 0;
  const checkpoint = (): void => {
    const activity = stretch.drain(state, path);
    if (activity !== null) pending.push(activity);
    state.line = base === null ? null : base + consumedLines;
    pending.push({ type: 'checkpoint', offset: consumedOffset, state: encodeCliState(state) });
    checkpointOffset = consumedOffset;
    linesSinceCheckpoint = 0;
    checkpoints += 1;
  };

  const split = splitLines(handle, { start: from.offset, chunkSize: limits.chunkSize, maxLineBytes: limits.maxLineBytes });
  for await (const batch of split) {
    for (const item of batch) {
      const line = base === null ? null : base + item.number;
      if (item.kind === 'too-long') {
        sink.diagnostic(warning(line, 'line-too-long', `line of ${item.length} bytes exceeds ${limits.maxLineBytes}; skipped`));
      } else if (!isBlank(item.bytes)) {
        processLine(item.bytes, line, path, decoder, state, sink);
      }
      consumedOffset = item.end;
      consumedLines = item.number;
      linesSinceCheckpoint += 1;
      if (consumedOffset - checkpointOffset >= limits.checkpointBytes || linesSinceCheckpoint >= limits.checkpointLines) {
        checkpoint();
      }
    }
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

function processLine(
  bytes: Buffer,
  line: number | null,
  path: string,
  decoder: TextDecoder,
  state: CliReadState,
  sink: EventSink,
): void {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    sink.diagnostic(warning(line, 'invalid-utf8', `line of ${bytes.length} bytes is not valid UTF-8`));
    return;
  }
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    sink.diagnostic(warning(line, 'invalid-json', `line of ${bytes.length} bytes is not valid JSON`));
    return;
  }
  interpretEvent(record, line, path, state, sink);
}
