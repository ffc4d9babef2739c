export { createTestDatabase, testAdminUrl, type TestDatabase } from './postgres.js';
