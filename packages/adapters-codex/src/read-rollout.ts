import { open, type FileHandle } from 'node:fs/promises';
import type { TextDecoder } from 'node:util';
import {
  checkpointDue,
  DEFAULT_READ_LIMITS,
  isBlankLine,
  parseJsonLine,
  splitLines,
  strictUtf8Decoder,
  unreadableSource,
  type Instant,
  type ReadLimits,
} from '@rimuru/adapter-kit';
import type { AdapterEvent, Logger, ReadPosition, SessionActivity } from '@rimuru/core';
import { interpretRecord, warn, type RecordSink } from './interpret-record.js';
import { decodeState, encodeState, initialState, type RolloutState } from './rollout-state.js';

export { DEFAULT_READ_LIMITS, type ReadLimits };

const START: ReadPosition = { offset: 0, state: null };

/** First and last activity seen in one stretch (the lines between two checkpoints). */
class Stretch {
  first: Instant | null = null;
  last: Instant | null = null;

  add(at: Instant): void {
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
    yield unreadableSource(error);
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
  const decoder = strictUtf8Decoder();
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
      } else if (!isBlankLine(item.bytes)) {
        processLine(item.bytes, line, path, decoder, state, sink);
      }
      consumedOffset = item.end;
      state.line = line;
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

function processLine(bytes: Buffer, line: number, path: string, decoder: TextDecoder, state: RolloutState, sink: RecordSink): void {
  const parsed = parseJsonLine(bytes, decoder);
  if (!parsed.ok) {
    sink.diagnostic(warn(line, parsed.code, parsed.message));
    return;
  }
  interpretRecord(parsed.value, line, path, state, sink);
}
