import { open, type FileHandle } from 'node:fs/promises';
import type { TextDecoder } from 'node:util';
import {
  checkpointDue,
  DEFAULT_READ_LIMITS,
  isBlankLine,
  parseJsonLine,
  splitLines,
  strictUtf8Decoder,
  type Instant,
  type ReadLimits,
} from '@rimuru/adapter-kit';
import type { AdapterEvent, ReadPosition, SessionActivity } from '@rimuru/core';
import { errorMessage, sourceError, warning } from '../diagnostic.js';
import { encodeCliState, initialCliState, type CliReadState } from './cli-state.js';
import { interpretEvent, sessionIdFromPath, type EventSink } from './interpret-event.js';

export type CliReadLimits = ReadLimits;

export const DEFAULT_CLI_READ_LIMITS: Readonly<CliReadLimits> = DEFAULT_READ_LIMITS;

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
  const decoder = strictUtf8Decoder();
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
      } else if (!isBlankLine(item.bytes)) {
        processLine(item.bytes, line, path, decoder, state, sink);
      }
      consumedOffset = item.end;
      consumedLines = item.number;
      linesSinceCheckpoint += 1;
      if (checkpointDue(limits, consumedOffset - checkpointOffset, linesSinceCheckpoint)) {
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
  const parsed = parseJsonLine(bytes, decoder);
  if (!parsed.ok) {
    sink.diagnostic(warning(line, parsed.code, parsed.message));
    return;
  }
  interpretEvent(parsed.value, line, path, state, sink);
}
