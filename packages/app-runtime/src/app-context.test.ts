import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapterContext } from '@rimuru/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAppContext, machineHost } from './app-context.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'rimuru-app-ctx-'));
});
afterEach(async () => rm(home, { recursive: true, force: true }));

async function writeConfig(config: unknown): Promise<void> {
  await mkdir(join(home, '.config', 'rimuru'), { recursive: true });
  await writeFile(join(home, '.config', 'rimuru', 'config.json'), JSON.stringify(config));
}

describe('machineHost', () => {
  it('prefers a non-blank RIMURU_HOST over the OS host name', () => {
    expect(machineHost({ RIMURU_HOST: ' ci-runner ' })).toBe('ci-runner');
    expect(machineHost({ RIMURU_HOST: '  ' })).toBe(hostname());
    expect(machineHost({})).toBe(hostname());
  });
});

describe('loadAppContext', () => {
  it('turns configured extra roots into the variables the adapters read, after the defaults', async () => {
    await writeConfig({ roots: { codex: ['/mnt/codex'], copilot: ['/mnt/copilot'] } });
    const now = () => new Date('2026-01-02T03:04:05Z');
    const app = await loadAppContext(createAdapterContext({ env: { RIMURU_HOST: 'box' }, homeDir: home, now }));
    expect(app.config.roots?.codex).toEqual(['/mnt/codex']);
    expect(app.ctx.env.CODEX_HOME).toBe([join(home, '.codex'), '/mnt/codex'].join(','));
    expect(app.ctx.env.COPILOT_CONFIG_DIR).toBe('/mnt/copilot');
    expect(app.ctx.env.CLAUDE_CONFIG_DIR).toBeUndefined();
    expect(app.ctx.homeDir).toBe(home);
    expect(app.ctx.now()).toEqual(now());
    expect(app.host).toBe('box');
  });

  it('lets a variable the user set win over the config', async () => {
    await writeConfig({ roots: { codex: ['/mnt/codex'] } });
    const app = await loadAppContext(createAdapterContext({ env: { CODEX_HOME: '/mine' }, homeDir: home }));
    expect(app.ctx.env.CODEX_HOME).toBe('/mine');
  });
});
