import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';
import { GEMINI_PLUGIN, writeGeminiChat } from './gemini-plugin.js';

type Json = Record<string, unknown>;

const chat = {
  sessionId: 'gem-2',
  projectHash: 'abc',
  startTime: '2025-10-02T09:00:00.000Z',
  lastUpdated: '2025-10-02T09:10:00.000Z',
  messages: [
    {
      id: 'm1', timestamp: '2025-10-02T09:01:00.000Z', type: 'gemini', content: 'ok', model: 'gemini-2.5-pro',
      tokens: { input: 2_000, output: 100, cached: 0, thoughts: 0, tool: 0, total: 2_100 },
    },
  ],
};

/**
 * Every command that works with adapters sees plugin adapters, not only `sync` and the read
 * commands: they all take their adapter list from one function (sync-options.ts).
 */
describe('plugin adapters in watch, doctor and sessions explain', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let chatPath: string;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    chatPath = await writeGeminiChat(sandbox.home, chat);
    const link = await runCli(['plugins', 'link', GEMINI_PLUGIN, '--no-install'], sandbox.env);
    expect(link.code, link.stderr).toBe(0);
  });
  afterAll(async () => sandbox?.cleanup());

  it('watch --once ingests the sessions of a plugin agent', async () => {
    const watch = await runCli(['watch', '--once'], sandbox.env);
    expect(watch.code, watch.stderr).toBe(0);
    const list = await runCli(['sessions', '--no-sync', '--format', 'json'], sandbox.env);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout) as Json[]).toEqual([
      expect.objectContaining({ agentType: 'gemini-cli', externalId: 'gem-2', totalTokens: 2_100 }),
    ]);
  });

  it('sessions explain re-reads a plugin session through its adapter', async () => {
    const result = await runCli(['sessions', 'explain', 'gem-2', '--no-sync', '--format', 'json'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    const explanation = JSON.parse(result.stdout) as { sources: Array<{ path: string }>; accountsForTotals: boolean };
    expect(explanation.sources.map((s) => s.path)).toEqual([chatPath]);
    expect(explanation.accountsForTotals).toBe(true);
  });

  it("doctor checks the plugin agent's data root", async () => {
    const result = await runCli(['doctor', '--format', 'json'], sandbox.env);
    const report = JSON.parse(result.stdout) as { checks: Array<{ name: string; status: string; detail: string }> };
    expect(report.checks).toContainEqual(
      expect.objectContaining({ name: 'gemini-cli data', status: 'ok', detail: join(sandbox.home, '.gemini', 'tmp') }),
    );
  });
});
