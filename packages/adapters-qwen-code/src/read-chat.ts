import { DEFAULT_READ_LIMITS, InstantSpan, readJsonLines, type ReadLimits } from '@rimuru/adapter-kit';
import { basename } from 'node:path';
import type { AdapterEvent, Logger, ReadPosition } from '@rimuru/core';
import { decodeChatState, encodeChatState, initialChatState } from './chat-state.js';
import { interpretRecord } from './interpret-record.js';

export { DEFAULT_READ_LIMITS, type ReadLimits };

/**
 * Reads a Qwen Code chat log from `from`: usage per assistant call, the session's activity
 * per stretch, diagnostics, and a checkpoint (offset + state) after every stretch. A
 * position whose state cannot be continued is read again from the start (keyed events make
 * that harmless).
 */
export async function* readQwenChat(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  logger?: Logger,
): AsyncGenerator<AdapterEvent> {
  let position = from;
  let decoded = decodeChatState(from);
  if (decoded === null) {
    logger?.debug(`qwen-code: checkpoint state of ${path} not resumable; reading from the start`);
    position = { offset: 0, state: null };
    decoded = initialChatState();
  }
  const state = decoded;
  const stem = basename(path).replace(/\.jsonl$/, '');
  yield* readJsonLines(path, { offset: position.offset, linesBefore: state.line }, limits, (emit) => {
    const span = new InstantSpan();
    let models = new Set<string>();
    const sink = { emit, instant: span.add.bind(span), model: (m: string) => models.add(m) };
    return {
      record: (value, line) => interpretRecord(value, line, stem, state, sink),
      checkpoint: (lines) => {
        const taken = span.take();
        if (taken !== null && state.sessionId !== null) {
          emit({
            type: 'activity',
            sessionExternalId: state.sessionId,
            firstAt: taken.first.iso,
            lastAt: taken.last.iso,
            projectPath: state.projectPath,
            parentExternalId: null,
            tokensKnown: state.tokensKnown,
            title: null,
            models: [...models],
          });
          models = new Set();
        }
        state.line = lines ?? state.line;
        return encodeChatState(state);
      },
    };
  });
}
