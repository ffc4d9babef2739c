/** A chat as Gemini CLI last wrote it: top-level fields and messages in order. */
export interface ChatDocument {
  fields: Record<string, unknown>;
  messages: Record<string, unknown>[];
}

export type DocumentParse = { ok: true; doc: ChatDocument; problems: string[] } | { ok: false; code: string; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messagesOf(value: unknown, problems: string[]): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  const out: Record<string, unknown>[] = [];
  value.forEach((m, i) => {
    if (isObject(m)) out.push(m);
    else problems.push(`messages[${i}] is not an object`);
  });
  return out;
}

/** The whole-file form: one JSON object `{sessionId, startTime, lastUpdated, messages: […]}`. */
export function parseChatJson(text: string): DocumentParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'invalid-json', reason: `chat file of ${text.length} characters is not valid JSON` };
  }
  if (!isObject(value)) return { ok: false, code: 'invalid-record', reason: 'chat file is not a JSON object' };
  const problems: string[] = [];
  const { messages, ...fields } = value;
  return { ok: true, doc: { fields, messages: messagesOf(messages, problems) }, problems };
}

/**
 * The log form (`*.jsonl`): a header line of top-level fields, message lines upserted by `id`
 * (the last copy wins, in the position of the first), and `{"$set": {…}}` lines that replace
 * top-level fields, `messages` included. Replayed in memory: the file is read whole.
 */
export function parseChatJsonl(text: string): DocumentParse {
  const fields: Record<string, unknown> = {};
  let order: string[] = [];
  let byId = new Map<string, Record<string, unknown>>();
  const problems: string[] = [];
  const upsert = (m: Record<string, unknown>, where: string): void => {
    const id = m['id'];
    if (typeof id !== 'string' || id === '') {
      problems.push(`${where}: message without an id`);
      return;
    }
    if (!byId.has(id)) order.push(id);
    byId.set(id, m);
  };
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${where}: not valid JSON`);
      return;
    }
    if (!isObject(value)) {
      problems.push(`${where}: not a JSON object`);
      return;
    }
    const set = value['$set'];
    if (set !== undefined) {
      if (!isObject(set)) {
        problems.push(`${where}: $set is not an object`);
        return;
      }
      for (const [key, v] of Object.entries(set)) {
        if (key !== 'messages') {
          fields[key] = v;
          continue;
        }
        order = [];
        byId = new Map();
        for (const m of messagesOf(v, problems)) upsert(m, where);
      }
      return;
    }
    if (typeof value['type'] === 'string' && value['id'] !== undefined) upsert(value, where);
    else Object.assign(fields, value);
  });
  return { ok: true, doc: { fields, messages: order.map((id) => byId.get(id) as Record<string, unknown>) }, problems };
}
