import { getMeta, setMeta } from '../meta.js';
import type { SqlRunner } from '../sql-runner.js';
import type { MetaRepository } from '../store.js';

/** The `meta` key-value table. */
export class SqlMetaRepository implements MetaRepository {
  constructor(private readonly sql: SqlRunner) {}

  get(key: string) {
    return getMeta(this.sql, key);
  }

  set(key: string, value: string) {
    return setMeta(this.sql, key, value);
  }
}
