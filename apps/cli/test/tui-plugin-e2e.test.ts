// @module-tag built
// @module-tag tmux
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, TmuxTerminal } from '../../tui/test/tmux-driver.js';
import { BIN_PATH, makeSandbox, runCli } from './cli-harness.js';
import { EXAMPLE_AGENT_TYPE, EXAMPLE_PLUGIN, writeAcmeSession } from './example-plugin.js';

/**
 * `rimuru tui` hands the CLI's plugin adapters to the TUI: a session only a plugin can read
 * (nothing synced it before the TUI opened) appears in the TUI's own live sync.
 */
describe.skipIf(!hasTmux)('rimuru tui with a plugin adapter linked', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let terminal: TmuxTerminal | null = null;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    await writeAcmeSession(sandbox.home, {
      id: 'acme-tui-1',
      cwd: '/work/acme-app',
      startedAt: '2025-10-01T09:00:00.000Z',
      requests: [
        { id: 'r1', timestamp: '2025-10-01T09:01:00.000Z', model: 'acme-1', input: 1_000, output: 150, cacheRead: 0 },
      ],
    });
    const link = await runCli(['plugins', 'link', EXAMPLE_PLUGIN, '--no-install'], sandbox.env);
    expect(link.code, link.stderr).toBe(0);
  });
  afterAll(async () => {
    await terminal?.kill();
    await sandbox?.cleanup();
  });

  it('syncs and lists the plugin agent’s session', async () => {
    terminal = new TmuxTerminal();
    await terminal.start(
      [process.execPath, BIN_PATH, 'tui', '--view', 'sessions'],
      {
        ...sandbox.env,
        PATH: process.env.PATH ?? '',
        TERM: 'xterm-256color',
        TZ: 'UTC',
        LANG: 'C.UTF-8',
      },
      { width: 120, height: 24 },
    );
    const screen = await terminal.waitForText('acme-app');
    expect(screen).toContain(EXAMPLE_AGENT_TYPE);
    await terminal.keys('q');
    expect(await terminal.waitForText(/\[exited \d+\]/)).toContain('[exited 0]');
  });
});
