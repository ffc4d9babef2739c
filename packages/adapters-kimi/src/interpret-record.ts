import {
  nonBlankString,
  isRecord,
  InstantSpan,
  lineWarning,
  parseEpochMs,
  type EmitEvent,
  type Instant,
} from '@rimuru/adapter-kit';
import { totalTokens, type SessionActivity, type TokenCounts } from '@rimuru/core';
import type { WireLocation } from './layout.js';
import type { SessionContext } from './session-context.js';
import { KIMI_CLI_KEYS, KIMI_CODE_KEYS, parseKimiUsage } from './usage-tokens.js';
import type { WireState } from './wire-state.js';

type Fields = Record<string, unknown>;

/** Output tokens of one call stay far below this, so `total * RANK_SCALE + output` orders by total, then output. */
const RANK_SCALE = 4_000_000;

/**
 * kimi-cli writes epoch seconds as a float (`time.time()`): truncated to the millisecond, as
 * ccusage does, with a hair of slack so `x.123` read back as `x.12299999` stays `x.123`.
 */
function fromSeconds(value: unknown): Instant | null {
  return typeof value === 'number' && Number.isFinite(value) ? parseEpochMs(Math.floor(value * 1000 + 1e-6)) : null;
}

/**
 * Interprets one wire-log line of either layout, gathering a stretch's activity until `drain`.
 *
 * - Kimi Code (protocol 1.x): top-level `type` (`metadata`, `config.update`, `turn.prompt`,
 *   `llm.request`, `context.append_loop_event`, `usage.record`, …) and epoch-ms `time`.
 *   Usage comes only from `usage.record` with `usageScope` `turn` (or none): one per model
 *   step. Other scopes are aggregates of those, and `step.end` loop events repeat the same
 *   numbers, so neither is counted.
 * - kimi-cli: `{timestamp: epoch-s, message: {type, payload}}`; usage comes from `StatusUpdate`
 *   `payload.token_usage`, keyed by `payload.message_id` where given (a later update of the
 *   same message with larger counts wins).
 */
export class WireInterpreter {
  private readonly span = new InstantSpan();

  constructor(
    private readonly location: WireLocation,
    private readonly context: SessionContext,
    readonly state: WireState,
    private readonly emit: EmitEvent,
  ) {}

  record(value: unknown, line: number | null): void {
    if (!isRecord(value)) {
      this.emit(lineWarning(line, 'invalid-record', 'line is JSON but not an object'));
      return;
    }
    if (typeof value['type'] === 'string') this.codeRecord(value, value['type'], line);
    else if (isRecord(value['message']) && typeof value['message']['type'] === 'string')
      this.cliRecord(value, value['message'], line);
    else this.emit(lineWarning(line, 'unknown-record', 'line has neither a type nor a message type'));
  }

  private codeRecord(value: Fields, type: string, line: number | null): void {
    const at = parseEpochMs(value['time']) ?? (type === 'metadata' ? parseEpochMs(value['created_at']) : null);
    if (at !== null) this.span.add(at);
    if (type === 'config.update' || type === 'profile.bind') {
      this.state.model = nonBlankString(value['modelAlias']) ?? this.state.model;
      const disclosure = value['environmentDisclosure'];
      this.state.cwd =
        nonBlankString(value['cwd']) ??
        (isRecord(disclosure) ? nonBlankString(disclosure['cwd']) : null) ??
        this.state.cwd;
      return;
    }
    if (type !== 'usage.record') return;
    const scope = value['usageScope'];
    if (scope !== undefined && scope !== 'turn') return;
    const parsed = parseKimiUsage(value['usage'], KIMI_CODE_KEYS);
    if (!parsed.ok) {
      this.emit(lineWarning(line, 'invalid-record', parsed.reason));
      return;
    }
    if (totalTokens(parsed.tokens) === 0) return;
    if (at === null) {
      this.emit(lineWarning(line, 'invalid-record', 'usage.record without a time'));
      return;
    }
    const t = parsed.tokens;
    // No id on the record: the agent file, its time and counts name one model step.
    this.usage(
      `code:${this.location.sessionId}:${this.location.agentId ?? ''}:${at.ms}:${t.input}:${t.output}:${t.cacheRead}:${t.cacheWrite5m}`,
      at,
      nonBlankString(value['model']) ?? this.state.model,
      t,
      line,
    );
  }

  private cliRecord(value: Fields, message: Fields, line: number | null): void {
    const at = fromSeconds(value['timestamp']);
    if (at !== null) this.span.add(at);
    if (message['type'] !== 'StatusUpdate') return;
    const payload = message['payload'];
    if (!isRecord(payload) || payload['token_usage'] === undefined || payload['token_usage'] === null) return;
    const parsed = parseKimiUsage(payload['token_usage'], KIMI_CLI_KEYS);
    if (!parsed.ok) {
      this.emit(lineWarning(line, 'invalid-record', parsed.reason));
      return;
    }
    if (totalTokens(parsed.tokens) === 0) return;
    if (at === null) {
      this.emit(lineWarning(line, 'invalid-record', 'StatusUpdate usage without a timestamp'));
      return;
    }
    const t = parsed.tokens;
    const messageId = nonBlankString(payload['message_id']);
    const key =
      messageId !== null
        ? `cli:${this.location.sessionId}:msg:${messageId}`
        : `cli:${this.location.sessionId}:${at.ms}:${t.input}:${t.output}:${t.cacheRead}:${t.cacheWrite5m}`;
    this.usage(key, at, this.context.defaultModel, t, line);
  }

  private usage(dedupeKey: string, at: Instant, model: string | null, tokens: TokenCounts, line: number | null): void {
    this.emit({
      type: 'usage',
      sessionExternalId: this.location.sessionId,
      dedupeKey,
      rank: totalTokens(tokens) * RANK_SCALE + tokens.output,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: at.iso,
      model,
      tokens,
      recordedCostUsd: null,
      speed: null,
      line,
    });
  }

  drain(): SessionActivity | null {
    const span = this.span.take();
    if (span === null) return null;
    return {
      type: 'activity',
      sessionExternalId: this.location.sessionId,
      firstAt: span.first.iso,
      lastAt: span.last.iso,
      projectPath: this.context.projectPath ?? this.state.cwd,
      parentExternalId: null,
      tokensKnown: true,
      title: this.context.title,
    };
  }
}
