import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@rimuru/test-utils';
import { describe } from 'vitest';
import type { StoreTarget } from '../store-target.js';

export interface TestTarget {
  target: StoreTarget;
  cleanup: () => Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Test tags of its suites: PostgreSQL's are slow (see vitest.config.ts). */
  tags: string[];
  create(): Promise<TestTarget>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  tags: [],
  create: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rimuru-db-'));
    return {
      target: { dialect: 'sqlite', path: join(dir, 'store', 'rimuru.db') },
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  tags: ['postgres'],
  create: async () => {
    const db = await createTestDatabase();
    return { target: { dialect: 'postgres', url: db.url }, cleanup: () => db.drop() };
  },
};

/** Every shared store test runs on both: the embedded default and a fresh PostgreSQL database. */
export const BACKENDS: Backend[] = [sqliteBackend, postgresBackend];

/** `describe.each(BACKENDS)`: one suite per backend (`$name` in `name` names it), each with its backend's tags. */
export function describeBackends(name: string, body: (backend: Backend) => void): void {
  for (const backend of BACKENDS)
    describe(name.replace('$name', backend.name), { tags: backend.tags }, () => body(backend));
}
