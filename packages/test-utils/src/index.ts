export { createTestDatabase, type TestDatabase } from './postgres.js';
export { canStartPrivatePostgres, startPrivatePostgresWithPassword, type PrivatePostgres } from './private-postgres.js';
export { runRawStoreSql } from './raw-store-sql.js';
