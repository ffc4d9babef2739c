import { dirname, join } from 'node:path';
import { unreadableSource } from '@rimuru/adapter-kit';
import { readSqliteSnapshot, type SqliteView } from '@rimuru/adapter-kit/sqlite';
import type { AdapterDiagnostic, AdapterEvent, SessionActivity } from '@rimuru/core';
import { parseBubble, type ParsedBubble } from './bubble.js';
import { parseComposer, type ParsedComposer } from './composer.js';
import { composerSessionEvents } from './composer-session.js';
import { decodeJsonValue, keyValueRows } from './kv-rows.js';
import { isoOf } from './timestamps.js';
import { readWorkspaceIndex, type WorkspaceIndex } from './workspace-index.js';

const COMPOSER_PREFIX = 'composerData:';
const BUBBLE_PREFIX = 'bubbleId:';

function warn(code: string, message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code, message, line: null };
}

interface GlobalContent {
  composers: Map<string, ParsedComposer>;
  bubbles: Map<string, Map<string, ParsedBubble>>;
  diagnostics: AdapterDiagnostic[];
}

function addBubble(content: GlobalContent, composerId: string, bubble: ParsedBubble, label: string): void {
  if (bubble.tokenProblem !== null)
    content.diagnostics.push(warn('invalid-record', `${label}: ${bubble.tokenProblem}; no usage taken`));
  let group = content.bubbles.get(composerId);
  if (group === undefined) {
    group = new Map();
    content.bubbles.set(composerId, group);
  }
  group.set(bubble.bubbleId, bubble);
}

/** Everything the global database holds about composers, parsed row by row. */
function readGlobalContent(db: SqliteView): GlobalContent {
  const content: GlobalContent = { composers: new Map(), bubbles: new Map(), diagnostics: [] };
  // Older builds have no cursorDiskKV: no composers, nothing malformed.
  if (!db.hasTable('cursorDiskKV')) return content;

  // Bubble rows first: a legacy composer's inline bubbles only fill ids that have no row.
  for (const row of keyValueRows(db, 'cursorDiskKV', BUBBLE_PREFIX)) {
    const rest = row.key.slice(BUBBLE_PREFIX.length);
    const colon = rest.indexOf(':');
    if (colon <= 0 || colon === rest.length - 1) {
      content.diagnostics.push(warn('invalid-record', `${row.key}: key is not bubbleId:<composerId>:<bubbleId>`));
      continue;
    }
    const decoded = decodeJsonValue(row.raw);
    if (!decoded.ok) {
      content.diagnostics.push(warn(decoded.code, `${row.key}: ${decoded.message}`));
      continue;
    }
    const parsed = parseBubble(decoded.value, rest.slice(colon + 1));
    if (!parsed.ok) content.diagnostics.push(warn('invalid-record', `${row.key}: ${parsed.message}`));
    else addBubble(content, rest.slice(0, colon), parsed.bubble, row.key);
  }

  for (const row of keyValueRows(db, 'cursorDiskKV', COMPOSER_PREFIX)) {
    const composerId = row.key.slice(COMPOSER_PREFIX.length);
    const decoded = decodeJsonValue(row.raw);
    if (!decoded.ok) {
      content.diagnostics.push(warn(decoded.code, `${row.key}: ${decoded.message}`));
      continue;
    }
    const parsed = parseComposer(decoded.value, composerId);
    if (!parsed.ok) {
      content.diagnostics.push(warn('invalid-record', `${row.key}: ${parsed.message}`));
      continue;
    }
    content.composers.set(composerId, parsed.composer);
    parsed.composer.inlineBubbles.forEach((item, i) => {
      const label = `${row.key} conversation[${i}]`;
      const bubble = parseBubble(item, null);
      if (!bubble.ok) content.diagnostics.push(warn('invalid-record', `${label}: ${bubble.message}`));
      else if (!content.bubbles.get(composerId)?.has(bubble.bubble.bubbleId))
        addBubble(content, composerId, bubble.bubble, label);
    });
  }
  return content;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sessionEvents(content: GlobalContent, index: WorkspaceIndex): AdapterEvent[] {
  const parents = new Map<string, string>();
  for (const composer of content.composers.values()) {
    for (const child of composer.subComposerIds)
      if (child !== composer.composerId) parents.set(child, composer.composerId);
  }
  const ids = [...new Set([...content.composers.keys(), ...content.bubbles.keys()])].sort(byCodeUnit);
  const events: AdapterEvent[] = [];
  for (const composerId of ids) {
    events.push(
      ...composerSessionEvents({
        composerId,
        composer: content.composers.get(composerId) ?? null,
        bubbles: [...(content.bubbles.get(composerId)?.values() ?? [])],
        projectPath: index.composerProjects.get(composerId) ?? null,
        parentComposerId: parents.get(composerId) ?? null,
      }),
    );
  }
  return events;
}

function legacyChatEvents(index: WorkspaceIndex): SessionActivity[] {
  return index.legacyChats.map((chat) => ({
    type: 'activity',
    sessionExternalId: chat.tabId,
    firstAt: isoOf(chat.atMs),
    lastAt: isoOf(chat.atMs),
    projectPath: chat.projectPath,
    parentExternalId: null,
    tokensKnown: false,
    title: chat.title,
    models: chat.models,
    requestCount: chat.requestCount,
  }));
}

/** `…/User/globalStorage/state.vscdb` → `…/User/workspaceStorage`. */
export function workspaceStorageOf(globalDbPath: string): string {
  return join(dirname(dirname(globalDbPath)), 'workspaceStorage');
}

/**
 * Reads Cursor's global `state.vscdb` whole (it is a snapshot source: the engine re-reads it
 * from the start whenever it changes), joined with the workspace index for project folders.
 * Yields diagnostics, usage, activity, and one final checkpoint at offset 0 with no state:
 * there is nothing to resume, and every event is keyed so that a re-read is idempotent.
 */
export async function* readGlobalDb(
  path: string,
  workspaceStorage = workspaceStorageOf(path),
): AsyncGenerator<AdapterEvent> {
  let content: GlobalContent;
  try {
    content = (await readSqliteSnapshot(path, readGlobalContent)).value;
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  const index = await readWorkspaceIndex(workspaceStorage);
  yield* index.diagnostics;
  yield* content.diagnostics;
  yield* sessionEvents(content, index);
  yield* legacyChatEvents(index);
  yield { type: 'checkpoint', offset: 0, state: null };
}
