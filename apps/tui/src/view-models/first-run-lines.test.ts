import { describe, expect, it } from 'vitest';
import type { AgentSummary } from '../data/agents-data.js';
import { firstRunLines, shortenMiddle, tildePath } from './first-run-lines.js';

const agent = (type: string, lookedIn: string[]): AgentSummary => ({
  type,
  label: type,
  origin: 'builtin',
  detected: false,
  roots: [],
  lookedIn,
  sessionCount: 0,
  lastActivityAt: null,
});
const agents = [
  agent('claude-code', ['/home/u/.config/claude/projects', '/home/u/.claude/projects']),
  agent('cline', [`/home/u/.config/Code/User/globalStorage/${'x'.repeat(80)}/tasks`]),
];
const options = { width: 80, homeDir: '/home/u', configPath: '/home/u/.config/rimuru/config.json', syncing: false };

describe('first run', () => {
  it('says nothing was found, how to point Rimuru elsewhere, and every folder looked in', () => {
    const lines = firstRunLines(agents, options);
    expect(lines[0]).toMatch(/^No agent data found yet/);
    const text = lines.join('\n');
    expect(text).toContain('CLAUDE_CONFIG_DIR');
    expect(text).toContain('"roots" in ~/.config/rimuru/config.json');
    expect(text).toContain('--db');
    expect(lines.some((l) => /^ {2}⟁ claude-code +~\/\.config\/claude\/projects/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {18}~\/\.claude\/projects/.test(l))).toBe(true);
    const cline = lines.find((l) => l.includes('cline'))!;
    expect(cline).toContain('…');
    expect(cline.trimEnd().endsWith('/tasks')).toBe(true);
    expect(lines.every((l) => [...l].length === 80)).toBe(true);
  });

  it('while the first sync runs it says it is looking, not that nothing exists', () => {
    const lines = firstRunLines(agents, { ...options, syncing: true });
    expect(lines[0]).toContain('Looking for agent data');
    expect(lines.join('\n')).not.toContain('No agent data');
  });

  it('shortens paths by home and in the middle', () => {
    expect(tildePath('/home/u/.codex', '/home/u')).toBe('~/.codex');
    expect(tildePath('/home/user2/x', '/home/u')).toBe('/home/user2/x');
    expect(shortenMiddle('abcdefghij', 5)).toBe('ab…ij');
    expect(shortenMiddle('abc', 5)).toBe('abc');
  });
});
