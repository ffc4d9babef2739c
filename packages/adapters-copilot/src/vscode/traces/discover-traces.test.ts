import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { traceDbRelativePath, vscodeUserDir } from '@rimuru/test-utils/copilot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copilotAdapter } from '../../adapter.js';
import { sourceKindOf } from '../../source-kind.js';

let home: TempHome;
beforeEach(async () => {
  home = await createTempHome('rimuru-copilot-trace-disc-');
});
afterEach(async () => {
  await home.cleanup();
});

const rel = (paths: { path: string; mode: string }[]) =>
  paths.map((s) => [s.path.slice(home.dir.length + 1).replaceAll('\\', '/'), s.mode]);

describe('trace store discovery', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it(`finds agent-traces.db of stable and Insiders on ${platform}, after the chats, as snapshot sources`, async () => {
      const stable = traceDbRelativePath(vscodeUserDir(platform));
      const insiders = traceDbRelativePath(vscodeUserDir(platform, 'Code - Insiders'));
      await home.write(stable, 'db');
      await home.write(insiders, 'db');
      // Not the store: a same-named file elsewhere, and the extension's other files.
      await home.write(`${vscodeUserDir(platform)}/globalStorage/other.ext/agent-traces.db`, 'db');
      await home.write(`${vscodeUserDir(platform)}/globalStorage/github.copilot-chat/commandEmbeddings.json`, '{}');
      const ctx = testAdapterContext({ homeDir: home.dir, env: {}, platform });
      expect(await copilotAdapter.detect(ctx)).toBe(true);
      expect(rel(await copilotAdapter.discover(ctx))).toEqual([
        [stable, 'snapshot'],
        [insiders, 'snapshot'],
      ]);
      expect((await copilotAdapter.roots(ctx)).map((r) => r.slice(home.dir.length + 1).replaceAll('\\', '/'))).toEqual([
        stable.replace('/agent-traces.db', ''),
        insiders.replace('/agent-traces.db', ''),
      ]);
    });
  }

  it('finds the store of VS Code Server (Remote-SSH, WSL, tunnels)', async () => {
    const server = traceDbRelativePath('.vscode-server/data/User');
    await home.write(server, 'db');
    expect(
      rel(await copilotAdapter.discover(testAdapterContext({ homeDir: home.dir, env: {}, platform: 'linux' }))),
    ).toEqual([[server, 'snapshot']]);
  });

  it('tells the store from chat files and CLI logs by its path', () => {
    expect(sourceKindOf('/h/.config/Code/User/globalStorage/github.copilot-chat/agent-traces.db')).toBe(
      'vscode-traces',
    );
    expect(sourceKindOf('/h/.config/Code/User/globalStorage/emptyWindowChatSessions/x.json')).toBe('vscode-chat');
    expect(sourceKindOf('/h/.copilot/session-state/agent-traces.db')).toBe('cli-events');
  });
});
