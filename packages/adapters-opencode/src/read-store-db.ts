import { lineWarning, nonBlankString, unreadableSource } from '@rimuru/adapter-kit';
import { quoteIdentifier, readSqliteSnapshot, type SafeCell, type SqliteView } from '@rimuru/adapter-kit/sqlite';
import type { AdapterEvent } from '@rimuru/core';
import { interpretMessage, type CostRule } from './interpret-message.js';
import { asObject, type JsonObject } from './json-fields.js';
import { rawTokensOf, type RawTokens } from './message-tokens.js';
import { SessionActivities } from './session-activity.js';
import { interpretSession } from './session-info.js';

interface MessageRow {
  id: string | null;
  sessionId: string | null;
  data: SafeCell;
}

interface StoreRows {
  hasMessages: boolean;
  messages: MessageRow[];
  sessions: JsonObject[];
  /** step-finish parts' tokens by message id. */
  steps: Map<string, RawTokens[]>;
  badParts: number;
}

/** A text cell (`SqliteView.select` gives null for text that is not UTF-8); null for NULL and numbers. */
const text = (cell: SafeCell | undefined): string | null => (typeof cell === 'string' ? cell : null);

/**
 * A JSON text cell parsed, or undefined when it is no text, was not UTF-8, or is not JSON. A
 * leading BOM (which JSON.parse rejects) is skipped.
 */
function parse(value: SafeCell | undefined): unknown {
  const source = text(value);
  if (source === null) return undefined;
  try {
    return JSON.parse(source.startsWith('\uFEFF') ? source.slice(1) : source);
  } catch {
    return undefined;
  }
}

/** A `session` row as one object: its columns, with a JSON `data` column (if any) spread over them. */
function sessionRows(view: SqliteView): JsonObject[] {
  const columns = [...view.columns('session')];
  if (!columns.includes('id')) return [];
  const out: JsonObject[] = [];
  for (const row of view.select(columns.map(quoteIdentifier), 'FROM session ORDER BY id')) {
    const obj: JsonObject = {};
    columns.forEach((name, i) => (obj[name] = row[i]));
    const data = asObject(parse(row[columns.indexOf('data')]));
    out.push(data === null ? obj : { ...obj, ...data, id: obj['id'] });
  }
  return out;
}

function stepRows(view: SqliteView): { steps: Map<string, RawTokens[]>; bad: number } {
  const steps = new Map<string, RawTokens[]>();
  let bad = 0;
  const columns = view.columns('part');
  if (!columns.has('message_id') || !columns.has('data')) return { steps, bad };
  // Only step-finish parts carry tokens; the LIKE keeps text and tool output out of memory.
  for (const [messageId, raw] of view.select(
    ['message_id', 'data'],
    "FROM part WHERE data LIKE '%step-finish%' ORDER BY id",
  )) {
    const part = asObject(parse(raw));
    const id = text(messageId);
    if (part === null || id === null) {
      bad += 1;
      continue;
    }
    if (part['type'] !== 'step-finish') continue;
    const tokens = rawTokensOf(part['tokens']);
    if (tokens === null) continue;
    const list = steps.get(id) ?? [];
    list.push(tokens);
    steps.set(id, list);
  }
  return { steps, bad };
}

function storeRows(view: SqliteView): StoreRows {
  const columns = view.columns('message');
  if (!columns.has('data')) return { hasMessages: false, messages: [], sessions: [], steps: new Map(), badParts: 0 };
  const idCol = columns.has('id') ? 'id' : 'NULL';
  const sessionCol = columns.has('session_id') ? 'session_id' : 'NULL';
  const order = columns.has('id') ? 'ORDER BY id' : 'ORDER BY rowid';
  const messages: MessageRow[] = [];
  for (const [id, sessionId, data] of view.select([idCol, sessionCol, 'data'], `FROM message ${order}`)) {
    messages.push({ id: text(id), sessionId: text(sessionId), data: data ?? null });
  }
  const { steps, bad } = stepRows(view);
  return { hasMessages: true, messages, sessions: sessionRows(view), steps, badParts: bad };
}

/**
 * Reads an OpenCode-family SQLite store whole (a snapshot source): every message row (its
 * JSON `data` lacks `id` and `sessionID`, which are columns), the step-finish parts, and the
 * session rows for project, title and parent. One activity per session, then one checkpoint.
 */
export async function* readStoreDb(path: string, rule: CostRule): AsyncGenerator<AdapterEvent> {
  let rows: StoreRows;
  try {
    rows = (await readSqliteSnapshot(path, storeRows)).value;
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  if (!rows.hasMessages) {
    yield lineWarning(null, 'invalid-record', 'no message table with a data column: not an OpenCode store');
  }
  if (rows.badParts > 0)
    yield lineWarning(null, 'invalid-record', `${rows.badParts} step-finish part rows are not JSON objects`);
  const activities = new SessionActivities();
  for (const session of rows.sessions) {
    const info = interpretSession(session, null);
    if (info !== null) activities.addSession(info);
  }
  let index = 0;
  for (const row of rows.messages) {
    index += 1;
    const data = asObject(parse(row.data));
    if (data === null) {
      yield lineWarning(index, 'invalid-json', `message ${row.id ?? '?'}: data is not a JSON object`);
      continue;
    }
    const id = row.id ?? nonBlankString(data['id']);
    const steps = id === null ? [] : (rows.steps.get(id) ?? []);
    const facts = interpretMessage(data, { rowId: row.id, sessionHint: row.sessionId, index }, steps, rule);
    if (facts.problem !== null) {
      yield lineWarning(index, 'invalid-record', facts.problem);
      if (facts.sessionId === '') continue;
    }
    activities.addMessage(facts);
    if (facts.usage !== null) yield facts.usage;
  }
  yield* activities.take();
  yield { type: 'checkpoint', offset: 0, state: null };
}
