// @module-tag built
// @module-tag postgres
import { createTestDatabase } from '@rimuru/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';

describe('rimuru doctor on a server database nobody has used yet', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    sandbox = await makeSandbox();
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
    await sandbox.cleanup();
  });

  it('reports the missing schema as a warning with the masked location, and changes nothing', async () => {
    const url = new URL(db.url);
    url.username = url.username || 'postgres';
    url.password = 'doctor-canary';
    const env = { ...sandbox.env, DATABASE_URL: url.toString() };
    const result = await runCli(['doctor'], env);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/store: .*\*\*\*.*no Rimuru schema yet/);
    expect(result.stdout + result.stderr).not.toContain('doctor-canary');
    // A doctor looks; it does not migrate: the next check still finds no schema.
    expect((await runCli(['doctor'], env)).stdout).toMatch(/no Rimuru schema yet/);
  });
});
