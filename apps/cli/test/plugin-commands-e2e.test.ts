// @module-tag built
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';
import { EXAMPLE_AGENT_TYPE, EXAMPLE_PLUGIN, writeAcmeSession } from './example-plugin.js';

type Json = Record<string, unknown>;

const session = {
  id: 'acme-2',
  cwd: '/work/app',
  startedAt: '2025-10-02T09:00:00.000Z',
  requests: [
    { id: 'r1', timestamp: '2025-10-02T09:01:00.000Z', model: 'acme-1', input: 2_000, output: 100, cacheRead: 0 },
  ],
};

/**
 * Every command that works with adapters sees plugin adapters, not only `sync` and the read
 * commands: they all take their adapter list from one function (sync-options.ts).
 */
describe('plugin adapters in watch, doctor and sessions explain', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let sessionPath: string;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    sessionPath = await writeAcmeSession(sandbox.home, session);
    const link = await runCli(['plugins', 'link', EXAMPLE_PLUGIN, '--no-install'], sandbox.env);
    expect(link.code, link.stderr).toBe(0);
  });
  afterAll(async () => sandbox?.cleanup());

  it('watch --once ingests the sessions of a plugin agent', async () => {
    const watch = await runCli(['watch', '--once'], sandbox.env);
    expect(watch.code, watch.stderr).toBe(0);
    const list = await runCli(['sessions', '--no-sync', '--format', 'json'], sandbox.env);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout) as Json[]).toEqual([
      expect.objectContaining({ agentType: EXAMPLE_AGENT_TYPE, externalId: 'acme-2', totalTokens: 2_100 }),
    ]);
  });

  it('sessions explain re-reads a plugin session through its adapter', async () => {
    const result = await runCli(['sessions', 'explain', 'acme-2', '--no-sync', '--format', 'json'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    const explanation = JSON.parse(result.stdout) as { sources: Array<{ path: string }>; accountsForTotals: boolean };
    expect(explanation.sources.map((s) => s.path)).toEqual([sessionPath]);
    expect(explanation.accountsForTotals).toBe(true);
  });

  it("doctor checks the plugin agent's data root", async () => {
    const result = await runCli(['doctor', '--format', 'json'], sandbox.env);
    const report = JSON.parse(result.stdout) as { checks: Array<{ name: string; status: string; detail: string }> };
    expect(report.checks).toContainEqual(
      expect.objectContaining({
        name: `${EXAMPLE_AGENT_TYPE} data`,
        status: 'ok',
        detail: join(sandbox.home, '.acme-agent', 'sessions'),
      }),
    );
  });
});
