import Database from 'libsql';
import pg from 'pg';

/** Where a store lives (the shape of @rimuru/db's StoreTarget, which this package does not import). */
export type RawStoreTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/**
 * Runs SQL text (several statements allowed) on a store with the database's own driver, past
 * Rimuru's store code: what upgrade tests use to write rows the way an older Rimuru did, into
 * a store migrated only that far.
 */
export async function runRawStoreSql(target: RawStoreTarget, text: string): Promise<void> {
  if (target.dialect === 'sqlite') {
    const db = new Database(target.path);
    try {
      db.exec(text);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
