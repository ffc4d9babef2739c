export { createTestDatabase, testAdminUrl, type TestDatabase } from './postgres.js';
export {
  canStartPrivatePostgres,
  startPrivatePostgresWithPassword,
  type PrivatePostgres,
  type PrivatePostgresOptions,
} from './private-postgres.js';
export { runRawStoreSql, type RawStoreTarget } from './raw-store-sql.js';
