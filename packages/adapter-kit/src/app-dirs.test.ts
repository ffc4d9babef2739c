import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAppDataDir, vscodeUserDirCandidates } from './app-dirs.js';

const ctx = (platform: string, env: Record<string, string> = {}) => ({ homeDir: '/h', platform, env });

describe('electronAppDataDir', () => {
  it('follows Electron per platform', () => {
    expect(electronAppDataDir(ctx('darwin', { XDG_CONFIG_HOME: '/x' }))).toBe(
      join('/h', 'Library', 'Application Support'),
    );
    expect(electronAppDataDir(ctx('win32', { APPDATA: 'C:\\Roaming' }))).toBe('C:\\Roaming');
    expect(electronAppDataDir(ctx('win32', { APPDATA: '  ' }))).toBe(join('/h', 'AppData', 'Roaming'));
    expect(electronAppDataDir(ctx('linux', { XDG_CONFIG_HOME: '/x' }))).toBe('/x');
    expect(electronAppDataDir(ctx('linux', { XDG_CONFIG_HOME: 'rel' }))).toBe(join('/h', '.config'));
  });
});

describe('vscodeUserDirCandidates', () => {
  it('lists the products in order, then VS Code Server', () => {
    expect(vscodeUserDirCandidates(ctx('linux'), ['Code', 'VSCodium'])).toEqual([
      join('/h', '.config', 'Code', 'User'),
      join('/h', '.config', 'VSCodium', 'User'),
      join('/h', '.vscode-server', 'data', 'User'),
      join('/h', '.vscode-server-insiders', 'data', 'User'),
    ]);
  });
});
