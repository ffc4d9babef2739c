import { open, type FileHandle } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { AdapterEvent, Logger, ReadPosition, SessionActivity } from '@rimuru/core';
import { interpretRecord, warn, type RecordSink } from './interpret-record.js';
import { splitLines } from './line-splitter.js';
import { decodeState, encodeState, initialState, type RolloutState } from './rollout-state.js';
import type { ParsedTimestamp } from './timestamp.js';

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

const START: ReadPosition = { offset: 0, state: null };

/** True for lines of only spaces/tabs/CRs: skipped silently. */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** First and last activity seen in one stretch (the lines between two checkpoints). */
class Stretch {
  first: ParsedTimestamp | null = null;
  last: ParsedTimestamp | null = null;

  add(at: ParsedTimestamp): void {
    if (this.first === null || at.ms < this.first.ms) this.first = at;
    if (this.last === null || at.ms > this.last.ms) this.last = at;
  }

  drain(state: RolloutState): SessionActivity | null {
    const { first, last } = this;
    this.first = null;
    this.last = null;
    if (first === null || last === null || state.sessionId === null) return null;
    return {
      type: 'activity',
      sessionExternalId: state.sessionId,
      firstAt: first.iso,
      lastAt: last.iso,
      projectPath: state.projectPath,
      parentExternalId: state.parentId,
      // Known as soon as a token_count with usage was read; the store keeps known once known.
      tokensKnown: state.tokensKnown,
      title: null,
    };
  }
}

/**
 * Reads a Codex rollout from `from`, yielding usage, activity and diagnostics and a
 * checkpoint (offset + running state) after every stretch and at the end. A position whose
 * state cannot be continued is read again from the start: all events are keyed
 * deterministically, so the re-read only repeats what the store already has.
 */
export async function* readRollout(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  logger?: Logger,
): AsyncGenerator<AdapterEvent> {
  let position = from;
  let state = decodeState(from);
  if (state === null) {
    logger?.debug(`codex: checkpoint state of ${path} not resumable; reading from the start`);
    position = START;
    state = initialState();
  }
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    yield { type: 'diagnostic', severity: 'error', code: 'unreadable-source', message: reason, line: null };
    return;
  }
  try {
    yield* readOpen(handle, path, position.offset, state, limits);
  } finally {
    await handle.close();
  }
}

async function* readOpen(
  handle: FileHandle,
  path: string,
  startOffset: number,
  state: RolloutState,
  limits: ReadLimits,
): AsyncGenerator<AdapterEvent> {
  const base = state.line;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stretch = new Stretch();
  let pending: AdapterEvent[] = [];
  const sink: RecordSink = {
    activity: (at) => stretch.add(at),
    usage: (event) => pending.push(event),
    diagnostic: (diagnostic) => pending.push(diagnostic),
  };

  let consumedOffset = startOffset;
  let checkpointOffset = startOffset;
  let linesSinceCheckpoint = 0;
  let checkpoints = 0;
  const checkpoint = (): void => {
    const activity = stretch.drain(state);
    if (activity !== null) pending.push(activity);
    pending.push({ type: 'checkpoint', offset: consumedOffset, state: encodeState(state) });
    checkpointOffset = consumedOffset;
    linesSinceCheckpoint = 0;
    checkpoints += 1;
  };

  const split = splitLines(handle, { start: startOffset, chunkSize: limits.chunkSize, maxLineBytes: limits.maxLineBytes });
  for await (const batch of split) {
    for (const item of batch) {
      const line = base + item.number;
      if (item.kind === 'too-long') {
        sink.diagnostic(warn(line, 'line-too-long', `line of ${item.length} bytes exceeds ${limits.maxLineBytes}; skipped`));
      } else if (!isBlank(item.bytes)) {
        processLine(item.bytes, line, path, decoder, state, sink);
      }
      consumedOffset = item.end;
      state.line = line;
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

function processLine(bytes: Buffer, line: number, path: string, decoder: TextDecoder, state: RolloutState, sink: RecordSink): void {
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
  interpretRecord(record, line, path, state, sink);
}
