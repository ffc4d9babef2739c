import {
  DEFAULT_READ_LIMITS,
  InstantSpan,
  lineWarning,
  parseIsoTimestamp,
  readJsonLines,
  type ReadLimits,
} from '@rimuru/adapter-kit';
import { basename } from 'node:path';
import { totalTokens, type AdapterEvent, type JsonValue, type ReadPosition, type TokenCounts } from '@rimuru/core';

/**
 * The made-up Acme Agent format, one JSON object per line:
 *   {"type":"session","id":"s-1","cwd":"/work/app","timestamp":"…"}          (first line)
 *   {"type":"request","id":"r-1","timestamp":"…","model":"acme-1","input":120,"output":30,"cacheRead":0}
 * `input` excludes cached tokens; each request line is one billed call.
 */
interface State {
  line: number;
  sessionId: string | null;
  cwd: string | null;
}

function count(value: unknown): number | null {
  if (value === undefined) return 0;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function decode(from: ReadPosition): State {
  const s = from.state as Record<string, JsonValue> | null;
  if (from.offset > 0 && s !== null && typeof s === 'object' && typeof s['line'] === 'number') {
    return {
      line: s['line'],
      sessionId: typeof s['sessionId'] === 'string' ? s['sessionId'] : null,
      cwd: typeof s['cwd'] === 'string' ? s['cwd'] : null,
    };
  }
  return { line: 0, sessionId: null, cwd: null };
}

/**
 * Reads one session file from `from` (an append source: byte offset plus the state kept in
 * the checkpoint), through adapter-kit's shared JSONL loop: partial last lines are left for
 * the next read, bad lines become diagnostics, and a checkpoint closes every stretch.
 */
export function readAcmeSession(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncIterable<AdapterEvent> {
  const state = decode(from);
  const start = state.line === 0 ? 0 : from.offset;
  return readJsonLines(path, { offset: start, linesBefore: state.line }, limits, (emit) => {
    const span = new InstantSpan();
    return {
      record(value, line) {
        const r = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
        state.sessionId ??= typeof r['id'] === 'string' && r['type'] === 'session' ? r['id'] : basename(path, '.jsonl');
        const at = parseIsoTimestamp(r['timestamp']);
        if (at !== null) span.add(at);
        if (r['type'] === 'session') {
          if (typeof r['cwd'] === 'string') state.cwd ??= r['cwd'];
          return;
        }
        if (r['type'] !== 'request') {
          emit(lineWarning(line, 'unknown-record', 'not a session or request line'));
          return;
        }
        const [input, output, cacheRead] = [count(r['input']), count(r['output']), count(r['cacheRead'])];
        if (input === null || output === null || cacheRead === null || typeof r['id'] !== 'string' || at === null) {
          emit(lineWarning(line, 'invalid-record', 'request without id, timestamp or valid counts'));
          return;
        }
        const tokens: TokenCounts = { input, output, cacheRead, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 };
        emit({
          type: 'usage',
          sessionExternalId: state.sessionId,
          dedupeKey: `${state.sessionId}:${r['id']}`,
          rank: totalTokens(tokens),
          replayKey: null,
          isReplayCopy: false,
          occurredAt: at.iso,
          model: typeof r['model'] === 'string' ? r['model'] : null,
          tokens,
          recordedCostUsd: null,
          speed: null,
          line,
        });
      },
      checkpoint(lines) {
        const taken = span.take();
        if (taken !== null && state.sessionId !== null) {
          emit({
            type: 'activity',
            sessionExternalId: state.sessionId,
            firstAt: taken.first.iso,
            lastAt: taken.last.iso,
            projectPath: state.cwd,
            parentExternalId: null,
            tokensKnown: true,
            title: null,
          });
        }
        state.line = lines ?? state.line;
        return { line: state.line, sessionId: state.sessionId, cwd: state.cwd };
      },
    };
  });
}
