import { readFile, stat } from 'node:fs/promises';
import {
  isRecord,
  InstantSpan,
  lineWarning,
  parseIsoTimestamp,
  strictUtf8Decoder,
  unreadableSource,
} from '@rimuru/adapter-kit';
import type { AdapterEvent } from '@rimuru/core';
import { chatLocation, projectPathOf } from './chat-location.js';
import { interpretMessage, type MessageSink } from './chat-message.js';

/** Documents are read whole; one this large is not a chat Gemini CLI wrote. */
const MAX_CHAT_BYTES = 256 * 1024 * 1024;

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The events of a parsed document: usage per Gemini message with tokens, then the session's activity. */
async function documentEvents(doc: Record<string, unknown>, path: string, out: AdapterEvent[]): Promise<void> {
  const location = chatLocation(path);
  const messages = doc['messages'];
  if (!Array.isArray(messages)) {
    out.push(lineWarning(null, 'unknown-record', 'chat document without a messages array; not a Gemini CLI chat'));
    return;
  }
  const sessionId = nonEmptyString(doc['sessionId']) ?? nonEmptyString(doc['session_id']) ?? location.stem;
  const span = new InstantSpan();
  for (const field of ['startTime', 'lastUpdated']) {
    const at = parseIsoTimestamp(doc[field]);
    if (at !== null) span.add(at);
    else if (doc[field] !== undefined)
      out.push(lineWarning(null, 'invalid-record', `${field} is not an ISO-8601 instant`));
  }
  const models = new Set<string>();
  let tokensKnown = false;
  const sink: MessageSink = {
    usage: (e) => out.push(e),
    diagnostic: (d) => out.push(d),
    instant: (at) => span.add(at),
    tokensSeen: () => {
      tokensKnown = true;
    },
    model: (m) => models.add(m),
  };
  const fallbackAt = parseIsoTimestamp(doc['startTime']) ?? parseIsoTimestamp(doc['lastUpdated']);
  messages.forEach((m, i) => {
    if (!isRecord(m)) out.push(lineWarning(null, 'invalid-record', `messages[${i}] is not an object`));
    else interpretMessage(m, { sessionId, fallbackAt, line: null, where: `messages[${i}]: ` }, sink);
  });
  const taken = span.take();
  if (taken === null) {
    if (messages.length > 0)
      out.push(lineWarning(null, 'invalid-record', 'chat has no valid startTime, lastUpdated or message timestamp'));
    return;
  }
  out.push({
    type: 'activity',
    sessionExternalId: sessionId,
    firstAt: taken.first.iso,
    lastAt: taken.last.iso,
    projectPath: await projectPathOf(location),
    parentExternalId: location.parentExternalId,
    tokensKnown,
    title: nonEmptyString(doc['summary']),
    models: [...models],
  });
}

/**
 * Reads a whole-document chat (`session-*.json`, Gemini CLI before 0.40, rewritten in place on
 * every change) as a snapshot: re-read whole whenever it changes, every event keyed so a
 * re-read is idempotent, ending on a checkpoint at its size.
 */
export async function* readChatJson(path: string): AsyncGenerator<AdapterEvent> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > MAX_CHAT_BYTES) {
      yield {
        type: 'diagnostic',
        severity: 'error',
        code: 'source-too-large',
        message: `chat file of ${info.size} bytes; skipped`,
        line: null,
      };
      yield { type: 'checkpoint', offset: info.size, state: null };
      return;
    }
    bytes = await readFile(path);
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  const out: AdapterEvent[] = [];
  let text: string | null = null;
  try {
    text = strictUtf8Decoder().decode(bytes);
  } catch {
    out.push(lineWarning(null, 'invalid-utf8', 'chat file is not valid UTF-8'));
  }
  if (text !== null) {
    let value: unknown;
    let parsed = true;
    try {
      value = JSON.parse(text);
    } catch {
      parsed = false;
      out.push(lineWarning(null, 'invalid-json', `chat file of ${bytes.length} bytes is not valid JSON`));
    }
    if (parsed) {
      if (isRecord(value)) await documentEvents(value, path, out);
      else out.push(lineWarning(null, 'invalid-record', 'chat file is not a JSON object'));
    }
  }
  yield* out;
  yield { type: 'checkpoint', offset: bytes.length, state: null };
}
