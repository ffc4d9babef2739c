import type { Config } from '@libsql/client';
import { pathToFileURL } from 'node:url';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqlite-write-lock.js';

/**
 * libsql's connection settings for a store file. Kept apart from sqlite-driver.ts so the
 * migrator and maintenance tools can use it without loading Prisma's libsql adapter.
 */
export function sqliteConfig(path: string): Config {
  // intMode 'bigint': token and money sums must not pass through doubles.
  return { url: pathToFileURL(path).href, timeout: SQLITE_BUSY_TIMEOUT_MS, intMode: 'bigint' };
}
