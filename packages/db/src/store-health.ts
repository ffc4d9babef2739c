import { sqliteOpenError } from './connection-errors.js';
import { libsqlClient, sqliteConfig } from './sqlite-config.js';

/**
 * SQLite's own full check of an embedded store file: 'ok' or the first problem it reports.
 * Read-only; used by `rimuru doctor` and by the crash-safety tests.
 */
export async function checkSqliteIntegrity(path: string): Promise<string> {
  const client = (await libsqlClient())(sqliteConfig(path));
  try {
    const result = await client.execute('PRAGMA integrity_check');
    return String(result.rows[0]?.[0] ?? 'no answer');
  } catch (error) {
    throw sqliteOpenError(error, path);
  } finally {
    client.close();
  }
}
