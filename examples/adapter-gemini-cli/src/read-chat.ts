import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { lineWarning, parseIsoTimestamp, strictUtf8Decoder, unreadableSource, type Instant } from '@rimuru/adapter-kit';
import { totalTokens, type AdapterEvent, type UsageEvent } from '@rimuru/core';
import { parseChatJson, parseChatJsonl, type ChatDocument } from './chat-document.js';
import { parseMessageTokens } from './message-tokens.js';

/** Chats are read whole; a file this large is not a chat Gemini CLI wrote. */
export const MAX_CHAT_BYTES = 256 * 1024 * 1024;

const warn = (message: string, code = 'invalid-record') => lineWarning(null, code, message);

function fileStem(path: string): string {
  return basename(path).replace(/\.jsonl?$/, '');
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The events of one chat document: usage per Gemini message with tokens, then the session's activity. */
function chatEvents(doc: ChatDocument, path: string, out: AdapterEvent[]): void {
  const sessionId = nonEmptyString(doc.fields['sessionId']) ?? fileStem(path);
  const instants: Instant[] = [];
  for (const field of ['startTime', 'lastUpdated']) {
    const at = parseIsoTimestamp(doc.fields[field]);
    if (at !== null) instants.push(at);
    else if (doc.fields[field] !== undefined) out.push(warn(`${field} is not an ISO-8601 instant`));
  }
  const models: string[] = [];
  let tokensKnown = false;
  doc.messages.forEach((m, i) => {
    const at = parseIsoTimestamp(m['timestamp']);
    if (at !== null) instants.push(at);
    if (m['type'] !== 'gemini' || m['tokens'] === undefined) return;
    const parsed = parseMessageTokens(m['tokens']);
    if (!parsed.ok) {
      out.push(warn(`messages[${i}]: ${parsed.reason}; usage skipped`));
      return;
    }
    tokensKnown = true;
    const model = nonEmptyString(m['model']);
    if (model !== null && !models.includes(model)) models.push(model);
    if (parsed.tokens === null) return;
    const id = nonEmptyString(m['id']);
    if (id === null || at === null) {
      out.push(warn(`messages[${i}]: usage without ${id === null ? 'an id' : 'a valid timestamp'}; skipped`));
      return;
    }
    const usage: UsageEvent = {
      type: 'usage',
      sessionExternalId: sessionId,
      // Message ids are unique per chat; the JSONL form repeats a message as it grows.
      dedupeKey: `${sessionId}:${id}`,
      rank: totalTokens(parsed.tokens),
      replayKey: null,
      isReplayCopy: false,
      occurredAt: at.iso,
      model,
      tokens: parsed.tokens,
      recordedCostUsd: null,
      speed: null,
      line: null,
    };
    out.push(usage);
  });
  if (instants.length === 0) {
    if (doc.messages.length > 0) out.push(warn('chat has no valid startTime, lastUpdated or message timestamp; skipped'));
    return;
  }
  const first = instants.reduce((a, b) => (b.ms < a.ms ? b : a));
  const last = instants.reduce((a, b) => (b.ms > a.ms ? b : a));
  out.push({
    type: 'activity',
    sessionExternalId: sessionId,
    firstAt: first.iso,
    lastAt: last.iso,
    // projectHash is a SHA-256 of the project root: the path cannot be recovered from it.
    projectPath: null,
    parentExternalId: null,
    tokensKnown,
    title: null,
    models,
  });
}

/**
 * Reads one Gemini CLI chat file whole (a snapshot source) and ends with a checkpoint at its
 * size: nothing to resume, and every event is keyed so that a re-read is idempotent.
 */
export async function* readGeminiChat(path: string): AsyncGenerator<AdapterEvent> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > MAX_CHAT_BYTES) {
      yield { type: 'diagnostic', severity: 'error', code: 'source-too-large', message: `chat file of ${info.size} bytes; skipped`, line: null };
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
    out.push(warn('chat file is not valid UTF-8', 'invalid-utf8'));
  }
  if (text !== null) {
    const parsed = path.endsWith('.jsonl') ? parseChatJsonl(text) : parseChatJson(text);
    if (!parsed.ok) out.push(warn(parsed.reason, parsed.code));
    else {
      for (const problem of parsed.problems) out.push(warn(problem));
      chatEvents(parsed.doc, path, out);
    }
  }
  yield* out;
  yield { type: 'checkpoint', offset: bytes.length, state: null };
}
