import { StoreError, UsageError } from '@rimuru/core';
import { markLegacyAggregates, REQUEST_COUNT_SCHEMA } from './legacy-aggregates.js';
import { dateLegacyPrices } from './legacy-price-dates.js';
import { openMaintenanceConnection } from './maintenance-client.js';
import { SCHEMA_VERSION } from './open-store.js';
import { rawInt } from './raw-values.js';
import { inListSql, rawSql, sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import { decodeRow, encodeRow } from './store-export-codec.js';
import { rowsPerInsert, STORE_TABLES, type StoreTable } from './store-tables.js';
import type { StoreTarget } from './store-target.js';

const EXPORT_FORMAT = 'rimuru-export';
/** Rows per page read: large enough to amortise a round trip, small enough to keep memory flat. */
const PAGE = 2000;

interface ExportHeader {
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
 * Pages in key order through the store's runner: memory stays flat on any store size.
 */
export async function exportStore(
  target: StoreTarget,
  write: (line: string) => Promise<void> | void,
): Promise<TableCounts> {
  const opened = await openMaintenanceConnection(target);
  try {
    const header: ExportHeader = { format: EXPORT_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION };
    await write(JSON.stringify(header));
    const counts: TableCounts = {};
    for (const table of STORE_TABLES) counts[table.name] = await exportTable(opened.sql, table, write);
    await write(JSON.stringify({ end: true, counts }));
    return counts;
  } finally {
    await opened.close();
  }
}

async function exportTable(
  db: SqlRunner,
  table: StoreTable,
  write: (line: string) => Promise<void> | void,
): Promise<number> {
  const prefix = `{"table":${JSON.stringify(table.name)},"row":`;
  let after: string | bigint | null = null;
  let count = 0;
  for (;;) {
    const rows = await table.page(db, after, PAGE);
    for (const row of rows) await write(`${prefix}${JSON.stringify(encodeRow(row))}}`);
    count += rows.length;
    if (rows.length < PAGE) return count;
    after = table.key(rows.at(-1)!);
  }
}

/** One data line of an export, decoded. */
interface ExportRow {
  table: StoreTable;
  row: Record<string, unknown>;
}

/**
 * Reads an export line by line and checks it as it goes: the header first, known tables in
 * export order (parents first, so rows can be written as they come), the end marker last with
 * counts that match. `finish` throws for a file without its end marker.
 */
class ExportReader {
  private header: ExportHeader | null = null;
  private trailer: TableCounts | null = null;
  private lineNo = 0;
  private tableIndex = 0;
  readonly seen = new Map<string, number>(STORE_TABLES.map((t) => [t.name, 0]));
  private readonly byName = new Map(STORE_TABLES.map((t, i) => [t.name, { table: t, index: i }]));

  accept(raw: string): ExportRow | null {
    this.lineNo += 1;
    const line = raw.trim();
    if (line === '') return null;
    const lineNo = this.lineNo;
    if (this.trailer !== null) throw new UsageError(`Export line ${lineNo}: data after the end marker`);
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new UsageError(`Export line ${lineNo} is not JSON: is this a rimuru export?`);
    }
    if (this.header === null) {
      if (value['format'] !== EXPORT_FORMAT || value['version'] !== 1)
        throw new UsageError('Not a rimuru export (bad header line)');
      const schemaVersion = Number(value['schemaVersion']);
      if (schemaVersion > SCHEMA_VERSION) {
        throw new StoreError(
          'DB_NEWER_VERSION',
          `This export was written by a newer Rimuru (schema ${schemaVersion}); upgrade rimuru to import it.`,
        );
      }
      this.header = value as unknown as ExportHeader;
      return null;
    }
    if (value['end'] === true) {
      this.trailer = value['counts'] as TableCounts;
      return null;
    }
    const known = this.byName.get(String(value['table']));
    if (known === undefined || typeof value['row'] !== 'object' || value['row'] === null) {
      throw new UsageError(`Export line ${lineNo}: unknown table "${String(value['table'])}"`);
    }
    if (known.index < this.tableIndex)
      throw new UsageError(`Export line ${lineNo}: ${known.table.name} rows after rows of a later table`);
    this.tableIndex = known.index;
    let row: Record<string, unknown>;
    try {
      row = decodeRow(value['row'] as Record<string, unknown>);
    } catch (error) {
      throw new UsageError(`Export line ${lineNo}: ${(error as Error).message}`);
    }
    this.seen.set(known.table.name, (this.seen.get(known.table.name) ?? 0) + 1);
    return { table: known.table, row };
  }

  /** The schema of the store that wrote the export (0 before its header was read). */
  get schemaVersion(): number {
    return this.header === null ? 0 : Number(this.header.schemaVersion);
  }

  /** The trailer's counts, once every line was read and they match what came. */
  finish(): TableCounts {
    if (this.header === null) throw new UsageError('The export is empty');
    if (this.trailer === null) throw new UsageError('The export is truncated (no end marker); nothing was imported');
    for (const [name, n] of this.seen) {
      if ((this.trailer[name] ?? 0) !== n) {
        throw new UsageError(
          `The export is inconsistent: ${name} has ${n} rows, the end marker says ${this.trailer[name] ?? 0}`,
        );
      }
    }
    return this.trailer;
  }
}

/**
 * The bulk path of a load into empty tables (embedded store): secondary indexes are dropped
 * and built once after the rows are in, not updated row by row. Inside the import's
 * transaction, so a failed import leaves them as they were; a duplicate the unique indexes
 * would have refused fails their rebuild instead. Returns the statements that rebuild them.
 */
async function dropSecondaryIndexes(tx: SqlRunner): Promise<string[]> {
  if (tx.dialect !== 'sqlite') return [];
  const rows = await tx.query(sql`SELECT name, sql FROM sqlite_master
    WHERE type = 'index' AND sql IS NOT NULL AND ${inListSql(
      sql`tbl_name`,
      STORE_TABLES.map((t) => t.name),
    )}`);
  // Names come from the store's own schema, never from the file.
  for (const row of rows) await tx.execute(rawSql(`DROP INDEX "${String(row.name)}"`));
  return rows.map((row) => String(row.sql));
}

/** An iterable over `lines` whose underlying iterator exists now (see importStore). */
function startReading(lines: AsyncIterable<string> | Iterable<string>): AsyncIterable<string> | Iterable<string> {
  if (Symbol.asyncIterator in lines) {
    const iterator = lines[Symbol.asyncIterator]();
    return { [Symbol.asyncIterator]: () => iterator };
  }
  return lines;
}

/**
 * Imports an export into a store that holds no history yet (a fresh file or database), in one
 * transaction: either every row lands or none does (a bad or truncated file rolls back). Rows
 * are written as they are read, in multi-row INSERTs, so memory stays flat. Meta and price rows
 * the new store made for itself on creation are replaced by the exported ones: the copy is exact.
 */
export async function importStore(
  target: StoreTarget,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<TableCounts> {
  // Start reading before the first await: a readline interface drops lines it emits while no
  // iterator listens (the store opens first, and that takes a while).
  const input = startReading(lines);
  const opened = await openMaintenanceConnection(target);
  try {
    const [held] = await opened.sql
      .query(sql`SELECT (SELECT COUNT(*) FROM sessions) + (SELECT COUNT(*) FROM source_files)
      + (SELECT COUNT(*) FROM agents) AS n`);
    if (rawInt(held?.n) > 0) {
      throw new UsageError(
        'The target store already holds history; import into an empty store (a new --db path or database)',
      );
    }
    return await opened.sql.transaction(async (tx) => {
      for (const table of [...STORE_TABLES].reverse()) await table.removeAll(tx);
      const indexes = await dropSecondaryIndexes(tx);
      const reader = new ExportReader();
      let pending: Record<string, unknown>[] = [];
      let current: StoreTable | null = null;
      const flush = async () => {
        if (current !== null && pending.length > 0) await current.insert(tx, pending);
        pending = [];
      };
      for await (const line of input) {
        const decoded = reader.accept(line);
        if (decoded === null) continue;
        if (decoded.table !== current) {
          await flush();
          current = decoded.table;
        }
        pending.push(decoded.row);
        if (pending.length >= rowsPerInsert(current)) await flush();
      }
      await flush();
      const counts = reader.finish();
      for (const create of indexes) await tx.execute(rawSql(create));
      if (tx.dialect === 'postgres') {
        for (const table of STORE_TABLES.filter((t) => t.serial)) {
          // Explicit ids leave the serial sequence behind: move it past them, or the next sync collides.
          // The table name comes from STORE_TABLES (constants), never from the file.
          await tx.execute(
            rawSql(
              `SELECT setval(pg_get_serial_sequence('"${table.name}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table.name}"), 0) + 1, false)`,
            ),
          );
        }
      }
      // An export written before schema 4 has no usage_count: derive it from the imported records.
      await tx.execute(
        sql`UPDATE sessions SET usage_count = (SELECT COUNT(*) FROM usage_records u WHERE u.session_id = sessions.id)`,
      );
      // One written before schema 6 does not say which records sum several requests, nor where
      // prices came from: filled in as migration 0006 does.
      if (reader.schemaVersion < REQUEST_COUNT_SCHEMA) {
        await markLegacyAggregates(tx);
        await dateLegacyPrices(tx);
      }
      return counts;
    });
  } finally {
    // Stops the reader when the import ended early (a refused target, a bad line).
    if (Symbol.asyncIterator in input) await input[Symbol.asyncIterator]().return?.();
    await opened.close();
  }
}
