import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { RimuruError } from '@rimuru/core';
import { claudeUserLine, jsonl } from '@rimuru/test-utils/claude';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claudeCodeAdapter } from './adapter.js';

let home: TempHome;
beforeEach(async () => {
  home = await createTempHome('rimuru-claude-disc-');
});
afterEach(async () => {
  await home.cleanup();
});

const transcript = jsonl([
  claudeUserLine({ sessionId: 's', cwd: '/x', timestamp: '2026-01-01T00:00:00.000Z', text: 'hi' }),
]);
const ctx = (env: Record<string, string> = {}) => testAdapterContext({ homeDir: home.dir, env });

describe('roots', () => {
  it('finds nothing in an empty home', async () => {
    expect(await claudeCodeAdapter.roots(ctx())).toEqual([]);
    expect(await claudeCodeAdapter.detect(ctx())).toBe(false);
    expect(await claudeCodeAdapter.discover(ctx())).toEqual([]);
  });

  it('uses the XDG root first, then ~/.claude, existing ones only', async () => {
    await home.mkdir('.claude/projects');
    expect(await claudeCodeAdapter.roots(ctx())).toEqual([join(home.dir, '.claude/projects')]);
    await home.mkdir('.config/claude/projects');
    expect(await claudeCodeAdapter.roots(ctx())).toEqual([
      join(home.dir, '.config/claude/projects'),
      join(home.dir, '.claude/projects'),
    ]);
    await home.mkdir('xdg/claude/projects');
    expect(await claudeCodeAdapter.roots(ctx({ XDG_CONFIG_HOME: join(home.dir, 'xdg') }))).toEqual([
      join(home.dir, 'xdg/claude/projects'),
      join(home.dir, '.claude/projects'),
    ]);
  });

  it('lists a root reached twice through a symlink once', async () => {
    await home.mkdir('.config/claude/projects');
    await symlink(join(home.dir, '.config/claude'), join(home.dir, '.claude'));
    expect(await claudeCodeAdapter.roots(ctx())).toEqual([join(home.dir, '.config/claude/projects')]);
  });

  it('takes CLAUDE_CONFIG_DIR as a comma list of config dirs or projects dirs, ~ expanded, replacing the defaults', async () => {
    await home.mkdir('.claude/projects');
    await home.mkdir('one/projects');
    await home.mkdir('two/projects');
    await home.mkdir('no-projects');
    const env = { CLAUDE_CONFIG_DIR: ` ~/one , ${join(home.dir, 'two/projects')},~/no-projects,,~/missing, ~/one/` };
    expect(await claudeCodeAdapter.roots(ctx(env))).toEqual([
      join(home.dir, 'one/projects'),
      join(home.dir, 'two/projects'),
    ]);
  });

  it('rejects a CLAUDE_CONFIG_DIR that names no projects dir, naming the variable on one line', async () => {
    await home.mkdir('.claude/projects');
    await home.write('.claude/projects/p/s.jsonl', transcript);
    const error = await claudeCodeAdapter
      .roots(ctx({ CLAUDE_CONFIG_DIR: '~/nope,~/also-nope' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RimuruError);
    expect((error as RimuruError).code).toBe('SOURCE_ERROR');
    expect((error as RimuruError).message).toContain('CLAUDE_CONFIG_DIR');
    expect((error as RimuruError).message).not.toContain('\n');
    await expect(claudeCodeAdapter.discover(ctx({ CLAUDE_CONFIG_DIR: '~/nope' }))).rejects.toThrow(/CLAUDE_CONFIG_DIR/);
  });
});

describe('discover and detect', () => {
  it('lists every transcript layout in sorted order, without journals or sidecars', async () => {
    const files = [
      '.claude/projects/-home-dev-app/5c0375b4.jsonl',
      '.claude/projects/-home-dev-app/ae4a77f8.jsonl',
      '.claude/projects/-home-dev-app/ae4a77f8/subagents/agent-aac57f5.jsonl',
      '.claude/projects/-home-dev-app/ae4a77f8/subagents/agent-acompact-946d2b.jsonl',
      '.claude/projects/-home-dev-app/ae4a77f8/subagents/workflows/run1/agent-w1.jsonl',
      '.claude/projects/-home-dev-app/agent-36541525.jsonl',
      '.claude/projects/-home-dev-other/9.jsonl',
      '.config/claude/projects/-srv/1.jsonl',
    ];
    for (const f of [...files].reverse()) await home.write(f, transcript);
    await home.write('.claude/projects/-home-dev-app/ae4a77f8/subagents/agent-aac57f5.meta.json', '{"agentType":"x"}');
    await home.write('.claude/projects/-home-dev-app/ae4a77f8/subagents/workflows/run1/journal.jsonl', '{"step":1}\n');
    await home.write('.claude/history.jsonl', '{"display":"x"}\n');
    await home.write('.claude/projects/-home-dev-app/notes.txt', 'x');

    const sources = await claudeCodeAdapter.discover(ctx());
    expect(sources.map((s) => s.mode)).toEqual(files.map(() => 'append'));
    expect(sources.map((s) => s.path)).toEqual([
      join(home.dir, '.config/claude/projects/-srv/1.jsonl'),
      ...files.slice(0, 7).map((f) => join(home.dir, f)),
    ]);
    expect(await claudeCodeAdapter.discover(ctx())).toEqual(sources);
  });

  it('detects data only when a root holds a transcript', async () => {
    await home.mkdir('.claude/projects/-empty');
    expect(await claudeCodeAdapter.detect(ctx())).toBe(false);
    await home.write('.claude/projects/-x/deep/er/s.jsonl', transcript);
    expect(await claudeCodeAdapter.detect(ctx())).toBe(true);
  });

  it('reads through the adapter contract', async () => {
    const path = await home.write('.claude/projects/-x/s.jsonl', transcript);
    const events = [];
    for await (const e of claudeCodeAdapter.read({ path, mode: 'append' }, { offset: 0, state: null }, ctx()))
      events.push(e);
    expect(events.map((e) => e.type)).toEqual(['activity', 'checkpoint']);
    expect(claudeCodeAdapter.id).toBe('claude-code');
    expect(claudeCodeAdapter.label).toBe('Claude Code');
  });
});
