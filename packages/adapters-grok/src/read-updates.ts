import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEFAULT_READ_LIMITS, InstantSpan, readJsonLines, type ReadLimits } from '@rimuru/adapter-kit';
import type { AdapterEvent, JsonValue, ReadPosition } from '@rimuru/core';
import { interpretUpdate } from './interpret-update.js';
import { sessionPathFacts } from './session-path.js';

const VERSION = 1;

interface UpdatesState {
  line: number;
  /** Whether any turn_completed usage was read: decides tokensKnown. */
  usage: boolean;
}

function decodeState(from: ReadPosition): UpdatesState | null {
  if (from.offset === 0) return { line: 0, usage: false };
  const s = from.state;
  if (s === null || typeof s !== 'object' || Array.isArray(s) || s['v'] !== VERSION) return null;
  const line = s['line'];
  const usage = s['usage'];
  if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 0 || typeof usage !== 'boolean') return null;
  return { line, usage };
}

const encodeState = (s: UpdatesState): JsonValue => ({ v: VERSION, line: s.line, usage: s.usage });

/** `current_model_id` of the sibling summary, the model of usage rows that name none. */
async function summaryModel(path: string): Promise<string | null> {
  try {
    const json: unknown = JSON.parse(await readFile(join(dirname(path), 'summary.json'), 'utf8'));
    const model = (json as Record<string, unknown> | null)?.['current_model_id'];
    return typeof model === 'string' && model !== '' ? model : null;
  } catch {
    return null;
  }
}

/**
 * Reads a session's `updates.jsonl` from `from.offset`: per-turn usage events, one activity
 * per stretch, diagnostics, and a checkpoint after each stretch (partial last line never
 * consumed). A resumed read with unusable state starts again from 0 (keys are stable).
 */
export async function* readGrokUpdates(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  const resumed = decodeState(from);
  const state = resumed ?? { line: 0, usage: false };
  const start = resumed === null ? { offset: 0, linesBefore: 0 } : { offset: from.offset, linesBefore: resumed.line };
  const facts = sessionPathFacts(path);
  const ctx = { sessionId: facts.sessionId, fallbackModel: await summaryModel(path) };
  yield* readJsonLines(path, start, limits, (emit) => {
    const span = new InstantSpan();
    return {
      record: (value, line) =>
        interpretUpdate(value, line ?? 0, ctx, {
          at: (i) => span.add(i),
          usage: (e) => {
            state.usage = true;
            emit(e);
          },
          diagnostic: emit,
        }),
      checkpoint: (lines) => {
        const taken = span.take();
        if (taken !== null) {
          emit({
            type: 'activity',
            sessionExternalId: facts.sessionId,
            firstAt: taken.first.iso,
            lastAt: taken.last.iso,
            projectPath: facts.projectPath,
            parentExternalId: facts.parentId,
            tokensKnown: state.usage,
            title: null,
          });
        }
        state.line = lines ?? state.line;
        return encodeState(state);
      },
    };
  });
}
