import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';
import { GEMINI_PLUGIN, writeGeminiChat } from './gemini-plugin.js';

type Json = Record<string, unknown>;

const chat = {
  sessionId: 'gem-1',
  projectHash: 'abc',
  startTime: '2025-10-01T09:00:00.000Z',
  lastUpdated: '2025-10-01T09:10:00.000Z',
  messages: [
    { id: 'm1', timestamp: '2025-10-01T09:00:00.000Z', type: 'user', content: [{ text: 'hi' }] },
    {
      id: 'm2', timestamp: '2025-10-01T09:01:00.000Z', type: 'gemini', content: 'ok', model: 'gemini-2.5-pro',
      tokens: { input: 5_000, output: 100, cached: 4_000, thoughts: 50, tool: 0, total: 5_150 },
    },
  ],
};

/**
 * An adapter written outside Rimuru, packaged as an oclif plugin, joins through
 * `rimuru plugins link` (oclif keeps the link under the sandbox's XDG data dir) and leaves
 * through `rimuru plugins unlink`, without any change to Rimuru's code.
 */
describe('third-party adapters as oclif plugins', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const agents = async (): Promise<Json[]> => {
    const result = await runCli(['agents', '--format', 'json'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Json[];
  };
  const sessions = async (): Promise<Json[]> => {
    const result = await runCli(['sessions', '--format', 'json', '--limit', '1000000'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Json[];
  };

  beforeAll(async () => {
    sandbox = await makeSandbox();
    await writeGeminiChat(sandbox.home, chat);
  });
  afterAll(async () => sandbox?.cleanup());

  it('knows nothing of Gemini before the plugin is linked', async () => {
    expect((await agents()).map((a) => a.type)).toEqual(['claude-code', 'codex', 'cursor', 'copilot']);
    expect(await sessions()).toEqual([]);
  });

  it('shows the plugin agent in rimuru agents and its sessions in rimuru sessions after link', async () => {
    const link = await runCli(['plugins', 'link', GEMINI_PLUGIN, '--no-install'], sandbox.env);
    expect(link.code, link.stderr).toBe(0);

    const gemini = (await agents()).find((a) => a.type === 'gemini-cli');
    expect(gemini).toMatchObject({
      label: 'Gemini CLI',
      origin: 'rimuru-adapter-gemini-cli',
      detected: true,
      roots: [join(sandbox.home, '.gemini', 'tmp')],
      sessionCount: 1,
      lastActivityAt: '2025-10-01T09:10:00.000Z',
      sources: 1,
      diagnostics: 0,
    });
    expect(await sessions()).toEqual([
      expect.objectContaining({
        agentType: 'gemini-cli',
        agentName: 'gemini-cli-default',
        externalId: 'gem-1',
        startedAt: '2025-10-01T09:00:00.000Z',
        endedAt: '2025-10-01T09:10:00.000Z',
        inputTokens: 1_000,
        outputTokens: 150,
        cacheReadTokens: 4_000,
        reasoningTokens: 50,
        totalTokens: 5_150,
        models: ['gemini-2.5-pro'],
        requestCount: 1,
        projectPath: null,
      }),
    ]);
    const table = await runCli(['agents', '--no-sync'], sandbox.env);
    expect(table.stdout).toMatch(/gemini-cli\s+rimuru-adapter-gemini-cli\s+yes\s+1/);
  });

  it('skips a broken plugin with one warning and keeps every other agent', async () => {
    const broken = join(sandbox.root, 'broken-plugin');
    await mkdir(broken, { recursive: true });
    await writeFile(
      join(broken, 'package.json'),
      JSON.stringify({ name: 'rimuru-broken-plugin', version: '1.0.0', type: 'module', oclif: {}, rimuru: { adapters: './adapters.js' } }),
    );
    await writeFile(join(broken, 'adapters.js'), "export const adapters = [{ id: 'claude-code', label: 'Impostor' }];\n");
    expect((await runCli(['plugins', 'link', broken, '--no-install'], sandbox.env)).code).toBe(0);
    const result = await runCli(['agents', '--format', 'json'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('warning: plugin rimuru-broken-plugin: adapter id "claude-code" is a built-in agent type');
    const types = (JSON.parse(result.stdout) as Json[]).map((a) => a.type);
    expect(types).toEqual(['claude-code', 'codex', 'cursor', 'copilot', 'gemini-cli']);
    expect((await runCli(['plugins', 'unlink', 'rimuru-broken-plugin'], sandbox.env)).code).toBe(0);
  });

  it('drops the agent after unlink; its stored history stays (durable)', async () => {
    const unlink = await runCli(['plugins', 'unlink', 'rimuru-adapter-gemini-cli'], sandbox.env);
    expect(unlink.code, unlink.stderr).toBe(0);
    expect((await agents()).map((a) => a.type)).toEqual(['claude-code', 'codex', 'cursor', 'copilot']);
    expect((await sessions()).map((s) => s.externalId)).toEqual(['gem-1']);
  });
});
