// @module-tag built
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';
import { EXAMPLE_AGENT_TYPE, EXAMPLE_PLUGIN, EXAMPLE_PLUGIN_NAME, writeAcmeSession } from './example-plugin.js';

type Json = Record<string, unknown>;

const session = {
  id: 'acme-1',
  cwd: '/work/app',
  startedAt: '2025-10-01T09:00:00.000Z',
  requests: [
    { id: 'r1', timestamp: '2025-10-01T09:01:00.000Z', model: 'acme-1', input: 1_000, output: 150, cacheRead: 4_000 },
    { id: 'r2', timestamp: '2025-10-01T09:10:00.000Z', model: 'acme-1', input: 200, output: 50, cacheRead: 0 },
  ],
};

/**
 * An adapter written outside Rimuru, packaged as an oclif plugin, joins through
 * `rimuru plugins link` (oclif keeps the link under the sandbox's XDG data dir) and leaves
 * through `rimuru plugins unlink`, without any change to Rimuru's code.
 */
describe('third-party adapters as oclif plugins', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  /** The built-in agent types, as listed before any plugin is linked. */
  let builtins: unknown[] = [];
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
    await writeAcmeSession(sandbox.home, session);
  });
  afterAll(async () => sandbox?.cleanup());

  it('knows nothing of Acme Agent before the plugin is linked', async () => {
    builtins = (await agents()).map((a) => a.type);
    expect(builtins).toEqual(expect.arrayContaining(['claude-code', 'codex', 'cursor', 'copilot']));
    expect(builtins).not.toContain(EXAMPLE_AGENT_TYPE);
    expect(await sessions()).toEqual([]);
  });

  it('shows the plugin agent in rimuru agents and its sessions in rimuru sessions after link', async () => {
    const link = await runCli(['plugins', 'link', EXAMPLE_PLUGIN, '--no-install'], sandbox.env);
    expect(link.code, link.stderr).toBe(0);

    const all = await agents();
    expect(all.map((a) => a.type)).toEqual([...builtins, EXAMPLE_AGENT_TYPE]);
    expect(all.find((a) => a.type === EXAMPLE_AGENT_TYPE)).toMatchObject({
      label: 'Acme Agent',
      origin: EXAMPLE_PLUGIN_NAME,
      detected: true,
      roots: [join(sandbox.home, '.acme-agent', 'sessions')],
      sessionCount: 1,
      lastActivityAt: '2025-10-01T09:10:00.000Z',
      sources: 1,
      diagnostics: 0,
    });
    expect(await sessions()).toEqual([
      expect.objectContaining({
        agentType: EXAMPLE_AGENT_TYPE,
        agentName: `${EXAMPLE_AGENT_TYPE}-default`,
        externalId: 'acme-1',
        startedAt: '2025-10-01T09:00:00.000Z',
        endedAt: '2025-10-01T09:10:00.000Z',
        inputTokens: 1_200,
        outputTokens: 200,
        cacheReadTokens: 4_000,
        totalTokens: 5_400,
        models: ['acme-1'],
        requestCount: 2,
        projectPath: '/work/app',
      }),
    ]);
    const table = await runCli(['agents', '--no-sync'], sandbox.env);
    expect(table.stdout).toMatch(new RegExp(`${EXAMPLE_AGENT_TYPE}\\s+${EXAMPLE_PLUGIN_NAME}\\s+yes\\s+1`));
  });

  it('skips a broken plugin with one warning and keeps every other agent', async () => {
    const broken = join(sandbox.root, 'broken-plugin');
    await mkdir(broken, { recursive: true });
    await writeFile(
      join(broken, 'package.json'),
      JSON.stringify({
        name: 'rimuru-broken-plugin',
        version: '1.0.0',
        type: 'module',
        oclif: {},
        rimuru: { adapters: './adapters.js' },
      }),
    );
    await writeFile(
      join(broken, 'adapters.js'),
      "export const adapters = [{ id: 'claude-code', label: 'Impostor' }];\n",
    );
    expect((await runCli(['plugins', 'link', broken, '--no-install'], sandbox.env)).code).toBe(0);
    const result = await runCli(['agents', '--format', 'json'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'warning: plugin rimuru-broken-plugin: adapter id "claude-code" is a built-in agent type',
    );
    const types = (JSON.parse(result.stdout) as Json[]).map((a) => a.type);
    expect(types).toEqual([...builtins, EXAMPLE_AGENT_TYPE]);
    expect((await runCli(['plugins', 'unlink', 'rimuru-broken-plugin'], sandbox.env)).code).toBe(0);
  });

  it('drops the agent after unlink; its stored history stays (durable)', async () => {
    const unlink = await runCli(['plugins', 'unlink', EXAMPLE_PLUGIN_NAME], sandbox.env);
    expect(unlink.code, unlink.stderr).toBe(0);
    expect((await agents()).map((a) => a.type)).toEqual(builtins);
    expect((await sessions()).map((s) => s.externalId)).toEqual(['acme-1']);
  });
});
