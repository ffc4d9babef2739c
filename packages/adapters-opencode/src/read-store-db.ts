import { lineWarning, unreadableSource } from '@rimuru/adapter-kit';
import type { AdapterEvent } from '@rimuru/core';
import { interpretMessage, type CostRule } from './interpret-message.js';
import { asObject, asText, type JsonObject } from './json-fields.js';
import { rawTokensOf, type RawTokens } from './message-tokens.js';
import { SessionActivities } from './session-activity.js';
import { interpretSession } from './session-info.js';
import { decodeText, readSqliteSnapshot, safeColumn, type SqliteView } from './sqlite-snapshot.js';

interface MessageRow {
  id: string | null;
  sessionId: string | null;
  data: unknown;
}

interface StoreRows {
  hasMessages: boolean;
  messages: MessageRow[];
  sessions: JsonObject[];
  /** step-finish parts' tokens by message id. */
  steps: Map<string, RawTokens[]>;
  badParts: number;
}

const text = decodeText;

/** A JSON column read as bytes: parsed, or undefined when it is not UTF-8 JSON. */
function parse(value: unknown): unknown {
  const source = decodeText(value);
  if (source === null) return undefined;
  try {
    return JSON.parse(source);
  } catch {
    return undefined;
  }
}

/** A `session` row as one object: its columns, with a JSON `data` column (if any) spread over them. */
function sessionRows(view: SqliteView): JsonObject[] {
  const columns = view.columns('session');
  if (!columns.includes('id')) return [];
  const out: JsonObject[] = [];
  const select = columns.map(safeColumn).join(', ');
  for (const row of view.rows(`SELECT ${select} FROM session ORDER BY id`)) {
    const obj: JsonObject = {};
    columns.forEach((name, i) => (obj[name] = typeof row[i] === 'number' ? row[i] : decodeText(row[i])));
    const data = asObject(parse(obj['data']));
    out.push(data === null ? obj : { ...obj, ...data, id: obj['id'] });
  }
  return out;
}

function stepRows(view: SqliteView): { steps: Map<string, RawTokens[]>; bad: number } {
  const steps = new Map<string, RawTokens[]>();
  let bad = 0;
  const columns = view.columns('part');
  if (!columns.includes('message_id') || !columns.includes('data')) return { steps, bad };
  // Only step-finish parts carry tokens; the LIKE keeps text and tool output out of memory.
  const sql = `SELECT ${safeColumn('message_id')}, ${safeColumn('data')} FROM part WHERE data LIKE '%step-finish%' ORDER BY id`;
  for (const [messageId, raw] of view.rows(sql)) {
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
  if (!columns.includes('data')) return { hasMessages: false, messages: [], sessions: [], steps: new Map(), badParts: 0 };
  const idCol = columns.includes('id') ? safeColumn('id') : 'NULL';
  const sessionCol = columns.includes('session_id') ? safeColumn('session_id') : 'NULL';
  const order = columns.includes('id') ? 'ORDER BY id' : 'ORDER BY rowid';
  const messages: MessageRow[] = [];
  for (const [id, sessionId, data] of view.rows(`SELECT ${idCol}, ${sessionCol}, ${safeColumn('data')} FROM message ${order}`)) {
    messages.push({ id: text(id), sessionId: text(sessionId), data });
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
    rows = await readSqliteSnapshot(path, storeRows);
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  if (!rows.hasMessages) {
    yield lineWarning(null, 'invalid-record', 'no message table with a data column: not an OpenCode store');
  }
  if (rows.badParts > 0) yield lineWarning(null, 'invalid-record', `${rows.badParts} step-finish part rows are not JSON objects`);
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
    const id = row.id ?? asText(data['id']);
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
