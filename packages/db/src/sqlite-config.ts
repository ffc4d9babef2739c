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

/** libsql's async client, loaded on use: only maintenance commands need it, not every program importing the store. */
export async function libsqlClient(): Promise<typeof import('@libsql/client').createClient> {
  return (await import('@libsql/client')).createClient;
}
