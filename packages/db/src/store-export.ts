import { StoreError, UsageError } from '@rimuru/core';
import type { DbClient } from './db-client.js';
import { openMaintenanceClient } from './maintenance-client.js';
import { SCHEMA_VERSION } from './open-store.js';
import { decodeRow, encodeRow } from './store-export-codec.js';
import { STORE_TABLES, type StoreTable } from './store-tables.js';
import type { StoreTarget } from './store-target.js';

export const EXPORT_FORMAT = 'rimuru-export';
const PAGE = 1000;
/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits (~40 columns). */
const CHUNK = 200;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: 1;
  schemaVersion: number;
}

/** Rows per table, in export order. */
export type TableCounts = Record<string, number>;

/**
 * Streams the whole store as NDJSON: a header line, one `{"table","row"}` line per row (parents
 * first), and an `{"end":true,"counts"}` trailer so an import can tell a truncated file from a
 * complete one. No clock value is written: exporting the same data twice gives the same bytes.
 */
export async function exportStore(target: StoreTarget, write: (line: string) => Promise<void> | void): Promise<TableCounts> {
  const opened = await openMaintenanceClient(target);
  try {
    const header: ExportHeader = { format: EXPORT_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION };
    await write(JSON.stringify(header));
    const counts: TableCounts = {};
    for (const table of STORE_TABLES) counts[table.name] = await exportTable(opened.db, table, write);
    await write(JSON.stringify({ end: true, counts }));
    return counts;
  } finally {
    await opened.close();
  }
}

async function exportTable(db: DbClient, table: StoreTable, write: (line: string) => Promise<void> | void): Promise<number> {
  const name = table.name;
  let after: string | bigint | null = null;
  let count = 0;
  for (;;) {
    const rows = await table.page(db, after, PAGE);
    for (const row of rows) await write(JSON.stringify({ table: name, row: encodeRow(row) }));
    count += rows.length;
    if (rows.length < PAGE) return count;
    after = table.key(rows.at(-1)!);
  }
}

interface ParsedExport {
  rows: Map<string, Record<string, unknown>[]>;
  counts: TableCounts;
}

/** Reads and checks a whole export before anything is written: a bad file changes nothing. */
export async function parseExport(lines: AsyncIterable<string> | Iterable<string>): Promise<ParsedExport> {
  const rows = new Map<string, Record<string, unknown>[]>(STORE_TABLES.map((t) => [t.name, []]));
  let header: ExportHeader | null = null;
  let trailer: TableCounts | null = null;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    const line = raw.trim();
    if (line === '') continue;
    if (trailer !== null) throw new UsageError(`Export line ${lineNo}: data after the end marker`);
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new UsageError(`Export line ${lineNo} is not JSON: is this a rimuru export?`);
    }
    if (header === null) {
      if (value['format'] !== EXPORT_FORMAT || value['version'] !== 1) throw new UsageError('Not a rimuru export (bad header line)');
      const schemaVersion = Number(value['schemaVersion']);
      if (schemaVersion > SCHEMA_VERSION) {
        throw new StoreError('DB_NEWER_VERSION', `This export was written by a newer Rimuru (schema ${schemaVersion}); upgrade rimuru to import it.`);
      }
      header = value as unknown as ExportHeader;
      continue;
    }
    if (value['end'] === true) {
      trailer = value['counts'] as TableCounts;
      continue;
    }
    const list = rows.get(String(value['table']));
    if (list === undefined || typeof value['row'] !== 'object' || value['row'] === null) {
      throw new UsageError(`Export line ${lineNo}: unknown table "${String(value['table'])}"`);
    }
    try {
      list.push(decodeRow(value['row'] as Record<string, unknown>));
    } catch (error) {
      throw new UsageError(`Export line ${lineNo}: ${(error as Error).message}`);
    }
  }
  if (header === null) throw new UsageError('The export is empty');
  if (trailer === null) throw new UsageError('The export is truncated (no end marker); nothing was imported');
  for (const [name, list] of rows) {
    if ((trailer[name] ?? 0) !== list.length) {
      throw new UsageError(`The export is inconsistent: ${name} has ${list.length} rows, the end marker says ${trailer[name] ?? 0}`);
    }
  }
  return { rows, counts: trailer };
}

/**
 * Imports an export into a store that holds no history yet (a fresh file or database), in one
 * transaction: either every row lands or none does. Meta and price rows the new store made for
 * itself on creation are replaced by the exported ones, so the copy is exact.
 */
export async function importStore(target: StoreTarget, lines: AsyncIterable<string> | Iterable<string>): Promise<TableCounts> {
  const parsed = await parseExport(lines);
  const opened = await openMaintenanceClient(target);
  try {
    const existing = (await opened.db.session.count()) + (await opened.db.sourceFile.count()) + (await opened.db.agent.count());
    if (existing > 0) {
      throw new UsageError('The target store already holds history; import into an empty store (a new --db path or database)');
    }
    await opened.db.$transaction(
      async (tx) => {
        for (const table of [...STORE_TABLES].reverse()) await table.removeAll(tx);
        for (const table of STORE_TABLES) {
          const rows = parsed.rows.get(table.name) ?? [];
          for (let i = 0; i < rows.length; i += CHUNK) await table.insert(tx, rows.slice(i, i + CHUNK));
          if (table.serial && target.dialect === 'postgres') {
            // Explicit ids leave the serial sequence behind: move it past them, or the next sync collides.
            // The table name comes from STORE_TABLES (constants), never from the file.
            await tx.$executeRawUnsafe(
              `SELECT setval(pg_get_serial_sequence('"${table.name}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table.name}"), 0) + 1, false)`,
            );
          }
        }
        // An export written before schema 4 has no usage_count: derive it from the imported records.
        await tx.$executeRawUnsafe(
          'UPDATE sessions SET usage_count = (SELECT COUNT(*) FROM usage_records u WHERE u.session_id = sessions.id)',
        );
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
    return parsed.counts;
  } finally {
    await opened.close();
  }
}
