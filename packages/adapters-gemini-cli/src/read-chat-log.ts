import {
  isRecord,
  DEFAULT_READ_LIMITS,
  InstantSpan,
  lineWarning,
  parseIsoTimestamp,
  readJsonLines,
  type EmitEvent,
  type Instant,
  type ReadLimits,
} from '@rimuru/adapter-kit';
import { isAbsolute } from 'node:path';
import type { AdapterEvent, Logger, ReadPosition } from '@rimuru/core';
import { chatLocation, projectPathOf, type ChatLocation } from './chat-location.js';
import { interpretMessage, type MessageSink } from './chat-message.js';
import { decodeLogState, encodeLogState, initialLogState, type LogState } from './log-state.js';

export { DEFAULT_READ_LIMITS, type ReadLimits };

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Interprets the lines of one chat log against the running state. */
class LogReader {
  private readonly span = new InstantSpan();
  private readonly sink: MessageSink;

  constructor(
    private readonly state: LogState,
    private readonly location: ChatLocation,
    private readonly projectPath: string | null,
    private readonly emit: EmitEvent,
  ) {
    this.sink = {
      usage: emit,
      diagnostic: emit,
      instant: (at) => this.instant(at),
      tokensSeen: () => {
        if (!state.tokensKnown) state.dirty = true;
        state.tokensKnown = true;
      },
      model: (m) => {
        if (!state.pendingModels.includes(m)) state.pendingModels.push(m);
      },
    };
  }

  private instant(at: Instant): void {
    this.span.add(at);
    if (this.state.lastAt === null || at.iso > this.state.lastAt) this.state.lastAt = at.iso;
  }

  private setTitle(value: unknown): void {
    const title = nonEmptyString(value);
    if (title === null || this.state.title !== null) return;
    this.state.title = title;
    this.state.dirty = true;
  }

  /** Header fields (first line, or a legacy record written on one line) and `$set` patches. */
  private fields(fields: Record<string, unknown>, line: number | null): void {
    for (const key of ['startTime', 'lastUpdated']) {
      if (fields[key] === undefined) continue;
      const at = parseIsoTimestamp(fields[key]);
      if (at === null) {
        this.emit(lineWarning(line, 'invalid-record', `${key} is not an ISO-8601 instant`));
        continue;
      }
      this.instant(at);
      if (key === 'startTime' && this.state.startAt === null) this.state.startAt = at.iso;
    }
    this.setTitle(fields['summary']);
    const dirs = fields['directories'];
    const first = Array.isArray(dirs) ? nonEmptyString(dirs[0]) : null;
    if (this.state.projectHint === null && first !== null && isAbsolute(first)) this.state.projectHint = first;
    // `$set.messages` replaces the model's context (compression, history sync): every message in
    // it was recorded before or is a synthetic one without tokens, so reading each again is safe.
    const messages = fields['messages'];
    if (Array.isArray(messages)) messages.forEach((m, i) => this.message(m, line, `messages[${i}]: `));
  }

  private message(m: unknown, line: number | null, where = ''): void {
    if (!isRecord(m)) {
      this.emit(lineWarning(line, 'invalid-record', `${where}message is not an object`));
      return;
    }
    const scope = {
      sessionId: this.state.sessionId ?? this.location.stem,
      fallbackAt: parseIsoTimestamp(this.state.startAt),
      line,
      where,
    };
    interpretMessage(m, scope, this.sink);
  }

  record(value: unknown, line: number | null): void {
    if (!isRecord(value)) {
      this.emit(lineWarning(line, 'invalid-record', 'line is not a JSON object'));
      return;
    }
    // The file's first record decides the session: the header names it; without one, the file name.
    this.state.sessionId ??= nonEmptyString(value['sessionId']) ?? this.location.stem;
    if (typeof value['$rewindTo'] === 'string') return; // hides messages from the view; they were billed all the same
    if (value['$set'] !== undefined) {
      if (isRecord(value['$set'])) this.fields(value['$set'], line);
      else this.emit(lineWarning(line, 'invalid-record', '$set is not an object'));
      return;
    }
    if (typeof value['id'] === 'string') {
      this.message(value, line);
      return;
    }
    if (typeof value['sessionId'] === 'string') {
      this.fields(value, line);
      return;
    }
    this.emit(
      lineWarning(line, 'unknown-record', 'record is neither a header, a message, $set nor $rewindTo; ignored'),
    );
  }

  /** Closes a stretch: its activity, when it saw an instant or learned something worth reporting. */
  closeStretch(): void {
    const taken = this.span.take();
    const s = this.state;
    if (s.sessionId === null) return;
    let first = taken?.first.iso;
    let last = taken?.last.iso;
    if (taken === null) {
      if ((!s.dirty && s.pendingModels.length === 0) || s.lastAt === null) return;
      first = s.lastAt;
      last = s.lastAt;
    }
    this.emit({
      type: 'activity',
      sessionExternalId: s.sessionId,
      firstAt: first as string,
      lastAt: last as string,
      projectPath: this.projectPath ?? s.projectHint,
      parentExternalId: this.location.parentExternalId,
      tokensKnown: s.tokensKnown,
      title: s.title,
      models: [...s.pendingModels],
    });
    s.pendingModels = [];
    s.dirty = false;
  }
}

/**
 * Reads a Gemini CLI chat log (`*.jsonl`, since 0.40) from `from`: an append-only file of a
 * header line, message lines upserted by id, `{"$set": {…}}` patches and `{"$rewindTo": id}`
 * markers. Yields usage, activity, diagnostics and a checkpoint (offset + state) after every
 * stretch. A position whose state cannot be continued is read again from the start: every
 * event is keyed, so that only repeats what the store already has.
 */
export async function* readChatLog(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  logger?: Logger,
): AsyncGenerator<AdapterEvent> {
  let position = from;
  let decoded = decodeLogState(from);
  if (decoded === null) {
    logger?.debug(`gemini-cli: checkpoint state of ${path} not resumable; reading from the start`);
    position = { offset: 0, state: null };
    decoded = initialLogState();
  }
  const state = decoded;
  const location = chatLocation(path);
  const projectPath = await projectPathOf(location);
  yield* readJsonLines(path, { offset: position.offset, linesBefore: state.line }, limits, (emit) => {
    const reader = new LogReader(state, location, projectPath, emit);
    return {
      record: (value, line) => reader.record(value, line),
      checkpoint: (lines) => {
        reader.closeStretch();
        state.line = lines ?? state.line;
        return encodeLogState(state);
      },
    };
  });
}
