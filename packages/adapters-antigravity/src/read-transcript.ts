import {
  DEFAULT_READ_LIMITS,
  InstantSpan,
  lineWarning,
  parseIsoTimestamp,
  readJsonLines,
  type ReadLimits,
} from '@rimuru/adapter-kit';
import type { AdapterEvent, JsonValue, ReadPosition } from '@rimuru/core';
import { conversationIdOf } from './discover.js';

function linesBefore(from: ReadPosition): number | null {
  if (from.offset === 0) return 0;
  const s = from.state;
  if (s !== null && typeof s === 'object' && !Array.isArray(s) && s['v'] === 1) {
    const line = s['line'];
    if (typeof line === 'number' && Number.isSafeInteger(line) && line >= 0) return line;
  }
  return null;
}

/**
 * Reads `brain/<id>/.system_generated/logs/transcript.jsonl`, the step log
 * `{step_index, source, type, status, created_at, content?, thinking?, tool_calls?}`: activity
 * only (it has no tokens; those are in the conversation database). A line without
 * `step_index`/`type` is a diagnostic.
 */
export function readAntigravityTranscript(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  const before = linesBefore(from);
  const start = before === null ? { offset: 0, linesBefore: 0 } : { offset: from.offset, linesBefore: before };
  const id = conversationIdOf(path);
  return readJsonLines(path, start, limits, (emit) => {
    const span = new InstantSpan();
    return {
      record: (value, line) => {
        const r =
          value !== null && typeof value === 'object' && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : null;
        if (r === null || typeof r['type'] !== 'string' || typeof r['step_index'] !== 'number') {
          emit(lineWarning(line, 'invalid-record', 'not a transcript step (no step_index/type)'));
          return;
        }
        const at = parseIsoTimestamp(r['created_at']);
        if (at !== null) span.add(at);
      },
      checkpoint: (lines): JsonValue => {
        const taken = span.take();
        if (taken !== null) {
          emit({
            type: 'activity',
            sessionExternalId: id,
            firstAt: taken.first.iso,
            lastAt: taken.last.iso,
            projectPath: null,
            parentExternalId: null,
            tokensKnown: false,
            title: null,
          });
        }
        return lines === null ? null : { v: 1, line: lines };
      },
    };
  });
}
