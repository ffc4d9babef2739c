import { sqliteOpenError } from './connection-errors.js';
import { rawText } from './raw-values.js';
import { libsqlClient, sqliteConfig } from './sqlite-config.js';
import { sqliteFileWritable } from './sqlite-file.js';
import { sql } from './sql.js';

/**
 * SQLite's own full check of an embedded store file: 'ok' or the first problem it reports.
 * Read-only; used by `rimuru doctor` and by the crash-safety tests.
 */
export async function checkSqliteIntegrity(path: string): Promise<string> {
  if (!sqliteFileWritable(path)) return checkReadOnlyIntegrity(path);
  const client = (await libsqlClient())(sqliteConfig(path));
  try {
    const result = await client.execute('PRAGMA integrity_check');
    return rawText(result.rows[0]?.[0] ?? 'no answer');
  } catch (error) {
    throw sqliteOpenError(error, path);
  } finally {
    client.close();
  }
}

/** The same check on a store this process may not write (a read-only mount or file). */
async function checkReadOnlyIntegrity(path: string): Promise<string> {
  const { SqliteRunner } = await import('./sqlite-runner.js');
  try {
    const runner = SqliteRunner.openReadOnly(path);
    try {
      const [row] = await runner.query(sql`PRAGMA integrity_check`);
      return rawText(Object.values(row ?? {})[0] ?? 'no answer');
    } finally {
      runner.close();
    }
  } catch (error) {
    throw sqliteOpenError(error, path);
  }
}
