import type { DbClient, DbTx } from './db-client.js';

type Row = Record<string, unknown>;

/** One table of the store as export/import sees it: pages in key order, bulk insert, emptiness. */
export interface StoreTable {
  /** SQL table name, also the `table` of each NDJSON line. */
  name: string;
  /** Rows after `after` (the key of the last row of the previous page), in key order. */
  page(db: DbClient, after: string | bigint | null, take: number): Promise<Row[]>;
  key(row: Row): string | bigint;
  insert(tx: DbTx, rows: Row[]): Promise<void>;
  removeAll(tx: DbTx): Promise<void>;
  /** PostgreSQL serial sequence to move past imported ids (SQLite's AUTOINCREMENT follows by itself). */
  serial: boolean;
}

// Prisma's per-model argument types differ; rows come from our own export, decoded, so the
// casts below only restate what the codec guarantees (column name → exact value).
type Data = never;

/** Parents before children: an import inserts in this order and foreign keys always hold. */
export const STORE_TABLES: readonly StoreTable[] = [
  {
    name: 'agents',
    page: (db, after, take) => db.agent.findMany({ where: after === null ? {} : { id: { gt: String(after) } }, orderBy: { id: 'asc' }, take }),
    key: (row) => String(row['id']),
    insert: async (tx, rows) => void (await tx.agent.createMany({ data: rows as Data })),
    removeAll: async (tx) => void (await tx.agent.deleteMany({})),
    serial: false,
  },
  {
    name: 'sessions',
    page: (db, after, take) => db.session.findMany({ where: after === null ? {} : { id: { gt: String(after) } }, orderBy: { id: 'asc' }, take }),
    key: (row) => String(row['id']),
    insert: async (tx, rows) => void (await tx.session.createMany({ data: rows as Data })),
    removeAll: async (tx) => void (await tx.session.deleteMany({})),
    serial: false,
  },
  {
    name: 'usage_records',
    page: (db, after, take) =>
      db.usageRecord.findMany({ where: after === null ? {} : { id: { gt: BigInt(after) } }, orderBy: { id: 'asc' }, take }),
    key: (row) => row['id'] as bigint,
    insert: async (tx, rows) => void (await tx.usageRecord.createMany({ data: rows as Data })),
    removeAll: async (tx) => void (await tx.usageRecord.deleteMany({})),
    serial: true,
  },
  {
    name: 'source_files',
    page: (db, after, take) =>
      db.sourceFile.findMany({ where: after === null ? {} : { id: { gt: BigInt(after) } }, orderBy: { id: 'asc' }, take }),
    key: (row) => row['id'] as bigint,
    insert: async (tx, rows) => void (await tx.sourceFile.createMany({ data: rows as Data })),
    removeAll: async (tx) => void (await tx.sourceFile.deleteMany({})),
    serial: true,
  },
  {
    name: 'model_prices',
    page: (db, after, take) =>
      db.modelPrice.findMany({ where: after === null ? {} : { id: { gt: BigInt(after) } }, orderBy: { id: 'asc' }, take }),
    key: (row) => row['id'] as bigint,
    insert: async (tx, rows) => void (await tx.modelPrice.createMany({ data: rows as Data })),
    removeAll: async (tx) => void (await tx.modelPrice.deleteMany({})),
    serial: true,
  },
  {
    name: 'meta',
    page: (db, after, take) => db.meta.findMany({ where: after === null ? {} : { key: { gt: String(after) } }, orderBy: { key: 'asc' }, take }),
    key: (row) => String(row['key']),
    insert: async (tx, rows) => void (await tx.meta.createMany({ data: rows as Data })),
    removeAll: async (tx) => void (await tx.meta.deleteMany({})),
    serial: false,
  },
];

/** Tables an export must not carry: the migrator's own bookkeeping belongs to each store. */
export const UNEXPORTED_TABLES: readonly string[] = ['rimuru_migrations'];
