import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@rimuru/test-utils';
import type { StoreTarget } from '../store-target.js';

export interface TestTarget {
  target: StoreTarget;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestTarget>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  create: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rimuru-db-'));
    return {
      target: { dialect: 'sqlite', path: join(dir, 'store', 'rimuru.db') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  create: async () => {
    const db = await createTestDatabase();
    return { target: { dialect: 'postgres', url: db.url }, cleanup: () => db.drop() };
  },
};

/** Every shared store test runs on both: the embedded default and a fresh PostgreSQL database. */
export const BACKENDS: Backend[] = [sqliteBackend, postgresBackend];
