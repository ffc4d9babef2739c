import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TextDecoder } from 'node:util';
import { isRecord, parseEpochMs, trimmedString } from '@rimuru/adapter-kit';
import type { AdapterDiagnostic, AdapterEvent } from '@rimuru/core';
import { chatFolderInstant, interpretChat, type ChatContext } from './chat.js';

const MAX_CHAT_BYTES = 256 * 1024 * 1024;

function warning(code: string, message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code, message, line: null };
}

/** `sessionState.fileContext.cwd` of the chat's `run-state.json`, if it has one. */
async function runStateCwd(chatDir: string): Promise<string | null> {
  try {
    const value: unknown = JSON.parse(await readFile(join(chatDir, 'run-state.json'), 'utf8'));
    const session = isRecord(value) ? value['sessionState'] : undefined;
    const context = isRecord(session) ? session['fileContext'] : undefined;
    return isRecord(context) ? trimmedString(context['cwd']) : null;
  } catch {
    // No run state (older chats) or one being rewritten: the project stays unknown this read.
    return null;
  }
}

/** `<channel>/projects/<project>/chats/<chat id>/chat-messages.json` → context of the chat. */
async function chatContext(path: string, mtimeMs: number): Promise<ChatContext> {
  const chatDir = dirname(path);
  const chatId = basename(chatDir);
  const projectDir = dirname(dirname(chatDir));
  const channel = basename(dirname(dirname(projectDir)));
  return {
    sessionId: `${channel}/${basename(projectDir)}/${chatId}`,
    chatStart: chatFolderInstant(chatId),
    fileWrite: parseEpochMs(mtimeMs),
    cwd: await runStateCwd(chatDir),
  };
}

/** Reads one chat whole (snapshot source); stable keys make re-reads idempotent. */
export async function* readChat(path: string): AsyncGenerator<AdapterEvent> {
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    const info = await stat(path);
    mtimeMs = info.mtimeMs;
    if (info.size > MAX_CHAT_BYTES) {
      yield {
        type: 'diagnostic',
        severity: 'error',
        code: 'source-too-large',
        message: `chat of ${info.size} bytes skipped`,
        line: null,
      };
      yield { type: 'checkpoint', offset: info.size, state: null };
      return;
    }
    bytes = await readFile(path);
  } catch (error) {
    yield {
      type: 'diagnostic',
      severity: 'error',
      code: 'unreadable-source',
      message: error instanceof Error ? error.message : String(error),
      line: null,
    };
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    yield warning(
      error instanceof SyntaxError ? 'invalid-json' : 'invalid-utf8',
      'chat-messages.json is not valid UTF-8 JSON',
    );
    yield { type: 'checkpoint', offset: bytes.length, state: null };
    return;
  }
  const parsed = interpretChat(value, await chatContext(path, mtimeMs));
  if (parsed.kind === 'invalid') yield warning('invalid-record', parsed.reason);
  else {
    for (const problem of parsed.problems) yield warning('invalid-record', problem);
    yield* parsed.usages;
    if (parsed.activity !== null) yield parsed.activity;
  }
  yield { type: 'checkpoint', offset: bytes.length, state: null };
}
