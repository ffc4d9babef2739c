import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
import { createAdapterContext } from '@rimuru/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { lookupAgents } from './agent-lookup.js';

describe('lookupAgents: where an adapter looked, and what moves it', () => {
  const dirs: string[] = [];
  const home = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rimuru-lookup-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('lists every place checked when nothing is there, and the variable that moves it', async () => {
    const h = home();
    const ctx = createAdapterContext({ env: { HOME: h }, homeDir: h });
    const [lookup] = await lookupAgents([claudeCodeAdapter], ctx);
    expect(lookup).toEqual({
      agentType: 'claude-code',
      roots: [],
      lookedIn: [join(h, '.config', 'claude', 'projects'), join(h, '.claude', 'projects')],
      variables: ['CLAUDE_CONFIG_DIR'],
      error: null,
    });
  });

  it('finds a root that exists, and reports a variable naming nothing usable as its error', async () => {
    const h = home();
    mkdirSync(join(h, '.claude', 'projects'), { recursive: true });
    const [found] = await lookupAgents([claudeCodeAdapter], createAdapterContext({ env: { HOME: h }, homeDir: h }));
    expect(found!.roots).toEqual([join(h, '.claude', 'projects')]);
    const [bad] = await lookupAgents(
      [claudeCodeAdapter],
      createAdapterContext({ env: { HOME: h, CLAUDE_CONFIG_DIR: join(h, 'nope') }, homeDir: h }),
    );
    expect(bad!.roots).toEqual([]);
    expect(bad!.error).toMatch(/CLAUDE_CONFIG_DIR=".*nope" names no Claude config directory/);
    expect(bad!.lookedIn).toContain(join(h, 'nope', 'projects'));
  });
});
