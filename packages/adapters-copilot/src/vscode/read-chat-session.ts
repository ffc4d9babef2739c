import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import type { AdapterDiagnostic, AdapterEvent } from '@rimuru/core';
import { errorMessage, sourceError, warning } from '../diagnostic.js';
import { parseChatSession, type ChatSessionParse } from './chat-session.js';
import { MutationLogReplay } from './mutation-log.js';
import { workspaceProject } from './workspace-folder.js';

/** Chat files are read whole; anything larger is not a chat VS Code could load either. */
const MAX_CHAT_FILE_BYTES = 256 * 1024 * 1024;

function fileStem(path: string): string {
  return basename(path).replace(/\.jsonl?$/, '');
}

/**
 * The final state of a mutation log. A last line without `\n` that does not parse is a
 * write in progress: it is left for the next read (the file changes when it completes)
 * rather than reported.
 */
function replayLog(text: string, diagnostics: AdapterDiagnostic[]): unknown {
  const replay = new MutationLogReplay();
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') continue;
    const unterminated = index === lines.length - 1;
    let entry: unknown;
    try {
      entry = JSON.parse(content);
    } catch {
      if (!unterminated)
        diagnostics.push(warning(line, 'invalid-json', `line of ${content.length} characters is not valid JSON`));
      continue;
    }
    const rejected = replay.apply(entry);
    if (rejected !== null) diagnostics.push(warning(line, 'invalid-record', `mutation log entry skipped: ${rejected}`));
  }
  return replay.state;
}

function parseWhole(text: string, diagnostics: AdapterDiagnostic[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    diagnostics.push(warning(null, 'invalid-json', 'chat session file is not valid JSON'));
    return undefined;
  }
}

/**
 * Reads one VS Code Copilot Chat session file (`<sessionId>.json`, or the `.jsonl`
 * mutation log of newer builds) whole: at most one `activity` event with `tokensKnown:
 * false` (VS Code records no token counts, so none are emitted or estimated), diagnostics,
 * and a checkpoint at the end of what was read. Snapshot source: re-read whole on change.
 */
export async function* readChatSession(path: string, platform: string): AsyncGenerator<AdapterEvent> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > MAX_CHAT_FILE_BYTES) {
      yield sourceError(
        'source-too-large',
        `chat session of ${info.size} bytes exceeds ${MAX_CHAT_FILE_BYTES}; skipped`,
      );
      yield { type: 'checkpoint', offset: info.size, state: null };
      return;
    }
    bytes = await readFile(path);
  } catch (error) {
    yield sourceError('unreadable-source', errorMessage(error));
    return;
  }
  const diagnostics: AdapterDiagnostic[] = [];
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    diagnostics.push(warning(null, 'invalid-utf8', 'chat session file is not valid UTF-8'));
  }
  const value =
    text === null ? undefined : path.endsWith('.jsonl') ? replayLog(text, diagnostics) : parseWhole(text, diagnostics);

  let parsed: ChatSessionParse | null = null;
  if (value !== undefined) {
    parsed = parseChatSession(value, fileStem(path));
    if (parsed.kind === 'invalid') diagnostics.push(warning(null, 'invalid-record', parsed.reason));
    if (parsed.kind === 'session') {
      for (const problem of parsed.problems) diagnostics.push(warning(null, 'invalid-record', problem));
    }
  }
  yield* diagnostics;

  if (parsed?.kind === 'session') {
    const project = await workspaceProject(path, platform);
    if (project.problem !== null) yield warning(null, 'invalid-workspace', project.problem);
    const { summary } = parsed;
    yield {
      type: 'activity',
      sessionExternalId: summary.sessionId,
      firstAt: summary.firstAt,
      lastAt: summary.lastAt,
      projectPath: project.projectPath,
      parentExternalId: null,
      tokensKnown: false,
      title: summary.title,
      // No tokens, but the requests and the models they used are real: shown, never priced.
      models: summary.models,
      requestCount: summary.requestCount,
    };
  }
  yield { type: 'checkpoint', offset: bytes.length, state: null };
}
