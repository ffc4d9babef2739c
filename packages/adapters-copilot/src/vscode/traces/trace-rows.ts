import { decodeText, type SqliteView } from '@rimuru/adapter-kit/sqlite';

/** A numeric column: a value, absent (NULL), or something that is not a number (a problem). */
export type NumberCell = number | null | { invalid: string };

/** One row of `spans`, the columns Rimuru uses, plus the three attributes it needs from `span_attributes`. */
export interface SpanRow {
  /** 1-based position in the read (spans ordered by start time, then id), used as the diagnostic "line". */
  index: number;
  spanId: string;
  traceId: string;
  parentSpanId: string | null;
  operation: string | null;
  agentName: string | null;
  requestModel: string | null;
  responseModel: string | null;
  chatSessionId: string | null;
  /** `copilot_chat.parent_chat_session_id`: the chat a subagent, title or summary request belongs to. */
  parentChatSessionId: string | null;
  startMs: NumberCell;
  endMs: NumberCell;
  inputTokens: NumberCell;
  outputTokens: NumberCell;
  cachedTokens: NumberCell;
  /** `gen_ai.usage.cache_creation.input_tokens` (newer builds; not a column of its own). */
  cacheCreationTokens: NumberCell;
  reasoningTokens: NumberCell;
  /** `copilot_chat.copilot_usage_nano_aiu`: the request's AI credits, in nano-AIU (plan units, not dollars). */
  nanoAiu: NumberCell;
}

export interface TraceRead {
  rows: SpanRow[];
  /** Rows with undecodable text: skipped when an id is unreadable, else read with that column absent. */
  problems: { index: number; message: string }[];
  /** Set when the file is not a Copilot trace store (no `spans` table). */
  schemaProblem: string | null;
}

const TEXT_COLUMNS = [
  'span_id',
  'trace_id',
  'parent_span_id',
  'operation_name',
  'agent_name',
  'request_model',
  'response_model',
  'chat_session_id',
] as const;
const NUMBER_COLUMNS = [
  'start_time_ms',
  'end_time_ms',
  'input_tokens',
  'output_tokens',
  'cached_tokens',
  'reasoning_tokens',
] as const;

const PARENT_CHAT_SESSION_ATTR = 'copilot_chat.parent_chat_session_id';
const CACHE_CREATION_ATTR = 'gen_ai.usage.cache_creation.input_tokens';
const NANO_AIU_ATTR = 'copilot_chat.copilot_usage_nano_aiu';

/**
 * Text read as a BLOB (libsql aborts the process on invalid UTF-8 TEXT): null when NULL,
 * undefined when the bytes are not UTF-8 (reported, where `SqliteView.select` would only null it).
 */
function textCell(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return decodeText(value) ?? undefined;
}

/** Numbers come back as numbers; TEXT left in an INTEGER column was not numeric (affinity converts numerals). */
function numberCell(value: unknown, kind: unknown, column: string): NumberCell {
  if (value === null || value === undefined) {
    return kind === 'null' || kind === null || kind === undefined
      ? null
      : { invalid: `${column} holds ${typeof kind === 'string' ? kind : typeof kind}, not a number` };
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  return { invalid: `${column} is not a number` };
}

/** An attribute value (always TEXT in `span_attributes`) read as a number; absent without one. */
function attrNumber(text: string | undefined, key: string): NumberCell {
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { invalid: `${key} "${trimmed.slice(0, 40)}" is not a number` };
  return Number(trimmed);
}

function selectList(present: Set<string>): string {
  const text = TEXT_COLUMNS.map((c) => (present.has(c) ? `CAST(${c} AS BLOB)` : 'NULL'));
  // Only real numbers are selected as values; typeof() tells a NULL from a non-number.
  const numbers = NUMBER_COLUMNS.flatMap((c) =>
    present.has(c)
      ? [`CASE WHEN typeof(${c}) IN ('integer', 'real') THEN ${c} END`, `typeof(${c})`]
      : ['NULL', "'null'"],
  );
  return [...text, ...numbers].join(', ');
}

/** Attribute values of the given key per span id (text decoded; undecodable values skipped). */
function attributes(db: SqliteView, key: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!db.hasTable('span_attributes')) return out;
  for (const [spanId, value] of db.iterate(
    'SELECT CAST(span_id AS BLOB), CAST(value AS BLOB) FROM span_attributes WHERE key = ?',
    key,
  )) {
    const id = textCell(spanId);
    const text = textCell(value);
    if (typeof id === 'string' && typeof text === 'string') out.set(id, text);
  }
  return out;
}

/**
 * Reads every span of a Copilot Chat trace store (`agent-traces.db`, schema v1 and v2: the
 * columns used are the same; v2 only adds a generated `session_id`). Columns a build lacks
 * read as NULL. Pure: may run more than once inside a snapshot read.
 */
export function readTraceRows(db: SqliteView): TraceRead {
  if (!db.hasTable('spans'))
    return { rows: [], problems: [], schemaProblem: 'no spans table: not a Copilot Chat trace store' };
  const present = db.columns('spans');
  const parents = attributes(db, PARENT_CHAT_SESSION_ATTR);
  const cacheCreation = attributes(db, CACHE_CREATION_ATTR);
  const nanoAiu = attributes(db, NANO_AIU_ATTR);
  const order = present.has('start_time_ms') ? 'start_time_ms, span_id' : 'span_id';
  const rows: SpanRow[] = [];
  const problems: TraceRead['problems'] = [];
  let index = 0;
  for (const raw of db.iterate(`SELECT ${selectList(present)} FROM spans ORDER BY ${order}`)) {
    index += 1;
    const text = TEXT_COLUMNS.map((_, i) => textCell(raw[i]));
    const bad = TEXT_COLUMNS.filter((_, i) => text[i] === undefined);
    const spanId = text[0];
    const traceId = text[1];
    if (typeof spanId !== 'string' || typeof traceId !== 'string' || bad.includes('chat_session_id')) {
      problems.push({
        index,
        message: `span ${index}: ${bad.length > 0 ? `${bad.join(', ')} not valid UTF-8` : 'no span or trace id'}`,
      });
      continue;
    }
    if (bad.length > 0)
      problems.push({ index, message: `span ${index}: ${bad.join(', ')} not valid UTF-8; read as absent` });
    const num = (i: number): NumberCell =>
      numberCell(raw[TEXT_COLUMNS.length + 2 * i], raw[TEXT_COLUMNS.length + 2 * i + 1], NUMBER_COLUMNS[i] ?? '');
    rows.push({
      index,
      spanId,
      traceId,
      parentSpanId: text[2] ?? null,
      operation: text[3] ?? null,
      agentName: text[4] ?? null,
      requestModel: text[5] ?? null,
      responseModel: text[6] ?? null,
      chatSessionId: text[7] ?? null,
      parentChatSessionId: parents.get(spanId) ?? null,
      startMs: num(0),
      endMs: num(1),
      inputTokens: num(2),
      outputTokens: num(3),
      cachedTokens: num(4),
      cacheCreationTokens: attrNumber(cacheCreation.get(spanId), CACHE_CREATION_ATTR),
      reasoningTokens: num(5),
      nanoAiu: attrNumber(nanoAiu.get(spanId), NANO_AIU_ATTR),
    });
  }
  return { rows, problems, schemaProblem: null };
}
