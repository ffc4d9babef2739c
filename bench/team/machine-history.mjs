import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

const { agentRowId, sessionRowId } = await import(new URL('../../packages/core/dist/index.js', import.meta.url).href);

const DAY = 86_400_000;
/** A bench month: 30 days, the newest ending at the anchor (today 00:00 UTC). */
export const MONTH_MS = 30 * DAY;

/** Start of month `k` of `months` (0 = oldest), the newest ending at `anchor`. */
export function monthStart(anchor, months, k) {
  return anchor - (months - k) * MONTH_MS;
}

/** Machines start their months on different days, so the team's history covers every day. */
export function machineOffset(index) {
  return ((index * 5) % 12) * DAY;
}

/** The template export, parsed once: its lines by table, and where its history starts. */
export async function loadTemplate(file) {
  const tables = new Map();
  let header = null;
  for await (const line of createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  })) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line);
    if (header === null) header = value;
    else if (value.end !== true) {
      if (!tables.has(value.table)) tables.set(value.table, []);
      tables.get(value.table).push(value.row);
    }
  }
  const sessions = tables.get('sessions') ?? [];
  const start = Math.min(...sessions.map((s) => Date.parse(s.startedAt.$date)));
  return { header, tables, start };
}

const shifted = (value, by) =>
  value === null ? null : { $date: new Date(Date.parse(value.$date) + by).toISOString() };

/**
 * Writes one machine's history as a `rimuru db export` file: for each month, the template's
 * sessions and usage records moved in time and re-keyed for this machine and month (session
 * and agent ids derived from the new natural keys as the product derives them, dedupe and
 * replay keys suffixed), then its prices and meta. Source files are not exported: a push
 * never sends them. Returns the rows written per table.
 */
export async function writeMachineExport(template, file, { host, index, anchor, months, monthIndexes }) {
  const out = createWriteStream(file, { mode: 0o600 });
  let pending = [];
  let pendingBytes = 0;
  const write = async (object) => {
    const line = `${JSON.stringify(object)}\n`;
    pending.push(line);
    pendingBytes += line.length;
    if (pendingBytes > 1 << 20) {
      if (!out.write(pending.join(''))) await once(out, 'drain');
      pending = [];
      pendingBytes = 0;
    }
  };
  const counts = {};
  const row = async (table, value) => {
    counts[table] = (counts[table] ?? 0) + 1;
    await write({ table, row: value });
  };
  await write(template.header);
  const agentIds = new Map();
  for (const a of template.tables.get('agents') ?? []) {
    const id = agentRowId(host, a.name);
    agentIds.set(a.id, id);
    await row('agents', { ...a, id, host });
  }
  const shifts = monthIndexes.map((k) => ({
    k,
    by: monthStart(anchor, months, k) + machineOffset(index) - template.start,
  }));
  for (const { k, by } of shifts) {
    const suffix = `~${host}.${k}`;
    for (const s of template.tables.get('sessions') ?? []) {
      const externalId = `${s.externalId}${suffix}`;
      await row('sessions', {
        ...s,
        id: sessionRowId(s.agentType, externalId),
        agentId: agentIds.get(s.agentId),
        externalId,
        host,
        parentExternalId: s.parentExternalId === null ? null : `${s.parentExternalId}${suffix}`,
        // created/updated stay the template's (past) instants: a push cursor must never lie in the future.
        startedAt: shifted(s.startedAt, by),
        endedAt: shifted(s.endedAt, by),
      });
    }
  }
  const sessionIds = new Map((template.tables.get('sessions') ?? []).map((s) => [s.id, s]));
  let usageId = 0n;
  for (const { k, by } of shifts) {
    const suffix = `~${host}.${k}`;
    for (const u of template.tables.get('usage_records') ?? []) {
      usageId += 1n;
      const owner = sessionIds.get(u.sessionId);
      await row('usage_records', {
        ...u,
        id: { $bigint: String(usageId) },
        dedupeKey: `${u.dedupeKey}${suffix}`,
        replayKey: u.replayKey === null ? null : `${u.replayKey}${suffix}`,
        sessionId: sessionRowId(owner.agentType, `${owner.externalId}${suffix}`),
        occurredAt: shifted(u.occurredAt, by),
      });
    }
  }
  for (const p of template.tables.get('model_prices') ?? []) await row('model_prices', p);
  for (const m of template.tables.get('meta') ?? []) if (!m.key.startsWith('push.')) await row('meta', m);
  await write({ end: true, counts });
  out.end(pending.join(''));
  await once(out, 'finish');
  return counts;
}
