import {
  nonBlankString,
  isRecord,
  InstantSpan,
  lineWarning,
  parseEpochMs,
  parseIsoTimestamp,
  type EmitEvent,
  type Instant,
} from '@rimuru/adapter-kit';
import { totalTokens, type SessionActivity } from '@rimuru/core';
import type { PiFileState } from './file-state.js';
import { parsePiUsage } from './usage-tokens.js';

type Fields = Record<string, unknown>;

/**
 * Entry types pi (and OpenClaw, which writes pi's format) put in a session file that carry no
 * usage: their time is activity, nothing else is counted. Any other type is reported.
 */
const KNOWN_TYPES = new Set([
  'session',
  'message',
  'model_change',
  'thinking_level_change',
  'compaction',
  'branch_summary',
  'custom',
  'custom_message',
  'label',
  'session_info',
]);

/** How a file's session is named and how its parent's file name becomes an id. */
export interface PiSessionNaming {
  sessionExternalId: string;
  /** The session id of a parent session file named in the header (null: unknown). */
  parentIdFromPath(path: string): string | null;
}

/** Line time: ISO text (pi writes it on every entry), epoch ms as a fallback. */
function instantOf(value: unknown): Instant | null {
  return typeof value === 'number' ? parseEpochMs(value) : parseIsoTimestamp(value);
}

/**
 * Interprets the lines of one pi-format session file (pi-agent, OpenClaw), keeping what later
 * lines need in `state` and gathering a stretch's activity until `drain`.
 *
 * Usage comes from `message` entries whose `message.role` is `assistant` and that carry a
 * `usage` object: one per model call. Its dedupe key is built from the message's own content
 * (its epoch-ms `timestamp`, provider, model, tokens, response id), never from the entry id or
 * the file: pi re-generates entry ids when it migrates a v1 file, copies a parent's entries
 * verbatim into a branched or forked file, and OpenClaw renames files to `.deleted`/`.reset`
 * archives — each copy must still count once. In a branched file, entries older than its
 * header were copied from the parent: they rank below the parent's own copy, so the call stays
 * with the session that made it whenever that file is read too.
 */
export class PiLineInterpreter {
  private readonly span = new InstantSpan();
  private models = new Set<string>();

  constructor(
    private readonly naming: PiSessionNaming,
    readonly state: PiFileState,
    private readonly emit: EmitEvent,
  ) {}

  record(value: unknown, line: number | null): void {
    if (!isRecord(value)) {
      this.emit(lineWarning(line, 'invalid-record', 'line is JSON but not an object'));
      return;
    }
    const type = value['type'];
    const at = instantOf(value['timestamp']);
    if (type === 'session') {
      this.header(value, at);
    } else if (type === 'message') {
      this.message(value, at, line);
      return;
    } else if (type === 'model_change') {
      this.state.model = nonBlankString(value['modelId']) ?? nonBlankString(value['model']) ?? this.state.model;
    } else if (type === 'custom' && value['customType'] === 'model-snapshot') {
      // OpenClaw records the model it resolved as a custom entry.
      const data = isRecord(value['data']) ? value['data'] : value;
      this.state.model = nonBlankString(data['modelId']) ?? nonBlankString(data['model']) ?? this.state.model;
    } else if (type === 'session_info') {
      this.state.title = nonBlankString(value['name']) ?? this.state.title;
    } else if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
      this.emit(lineWarning(line, 'unknown-record', `unknown entry type ${JSON.stringify(type ?? null)}`));
    }
    this.addActivity(at);
  }

  /** True for an entry a branched or forked file copied from its parent (older than its header). */
  private copied(at: Instant): boolean {
    return this.state.parentPath !== null && this.state.headerMs !== null && at.ms < this.state.headerMs;
  }

  /** Copied entries are the parent's activity, not the branch's: the branch starts at its header. */
  private addActivity(at: Instant | null): void {
    if (at !== null && !this.copied(at)) this.span.add(at);
  }

  private header(value: Fields, at: Instant | null): void {
    this.state.cwd = nonBlankString(value['cwd']) ?? this.state.cwd;
    if (at !== null) this.state.headerMs = at.ms;
    this.state.parentPath =
      nonBlankString(value['parentSession']) ?? nonBlankString(value['branchedFrom']) ?? this.state.parentPath;
    this.state.model ??= nonBlankString(value['modelId']) ?? nonBlankString(value['model']);
  }

  private message(value: Fields, lineAt: Instant | null, line: number | null): void {
    const message = value['message'];
    if (!isRecord(message)) {
      this.emit(lineWarning(line, 'invalid-record', 'message entry without a message object'));
      this.addActivity(lineAt);
      return;
    }
    const messageAt = parseEpochMs(message['timestamp']);
    const at = lineAt ?? messageAt;
    this.addActivity(at);
    if (message['role'] !== 'assistant') return;

    const model = nonBlankString(message['model']) ?? nonBlankString(message['modelId']) ?? this.state.model;
    if (message['usage'] === undefined || message['usage'] === null) {
      this.state.tokenless += 1;
      if (model !== null) this.models.add(model);
      return;
    }
    const parsed = parsePiUsage(message['usage']);
    if (!parsed.ok) {
      this.emit(lineWarning(line, 'invalid-record', parsed.reason));
      return;
    }
    this.state.usageSeen = true;
    const tokens = parsed.tokens;
    // Aborted and failed calls keep all-zero usage: nothing was billed.
    if (totalTokens(tokens) === 0) return;
    if (at === null) {
      this.emit(lineWarning(line, 'invalid-record', 'assistant usage without a timestamp'));
      return;
    }
    const provider = nonBlankString(message['provider']) ?? '';
    const responseId = nonBlankString(message['responseId']) ?? '';
    const when = messageAt?.ms ?? at.iso;
    const raw = message['usage'] as Fields;
    // parsePiUsage accepted it: each class is a count, or absent or null (0).
    const rawCount = (key: string): number => {
      const value = raw[key];
      return typeof value === 'number' ? value : 0;
    };
    const dedupeKey = [
      when,
      provider,
      model ?? '',
      rawCount('input'),
      rawCount('output'),
      rawCount('cacheRead'),
      rawCount('cacheWrite'),
      rawCount('totalTokens'),
      responseId,
    ].join('|');
    this.emit({
      type: 'usage',
      sessionExternalId: this.naming.sessionExternalId,
      dedupeKey,
      rank: this.copied(at) ? 0 : 1,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: at.iso,
      model,
      tokens,
      recordedCostUsd: parsed.recordedCostUsd,
      speed: null,
      line,
    });
  }

  /** The stretch's activity (null when no line had a time); the stretch starts empty again. */
  drain(): SessionActivity | null {
    const span = this.span.take();
    const models = [...this.models].sort();
    this.models = new Set();
    if (span === null) return null;
    const state = this.state;
    const activity: SessionActivity = {
      type: 'activity',
      sessionExternalId: this.naming.sessionExternalId,
      firstAt: span.first.iso,
      lastAt: span.last.iso,
      projectPath: state.cwd,
      parentExternalId: state.parentPath === null ? null : this.naming.parentIdFromPath(state.parentPath),
      tokensKnown: state.usageSeen,
      title: state.title,
    };
    // A transcript without token data still names its models and counts its replies.
    if (!state.usageSeen) {
      if (models.length > 0) activity.models = models;
      if (state.tokenless > 0) activity.requestCount = state.tokenless;
    }
    return activity;
  }
}
