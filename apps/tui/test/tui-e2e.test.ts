import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionRowId } from '@rimuru/core';
import { hasTmux, TmuxTerminal } from './tmux-driver.js';
import { LATE_SESSION, SESSIONS, writeTuiFixture } from './tui-fixture-home.js';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/rimuru-tui.js');
const CLI_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../cli/bin/run.js');
const SCREENS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/screens');

/** The fixture sessions with their row ids (UUIDv5 of agent type and external id). */
const ROWS = SESSIONS.map((s) => ({ ...s, id: sessionRowId('claude-code', s.id), externalId: s.id }));
const [alpha, charlie, bravo] = ROWS as [(typeof ROWS)[number], (typeof ROWS)[number], (typeof ROWS)[number]];
const short = (id: string) => `${id.slice(0, 8)}…`;
/** Rows of the Sessions table in screen order: the short ids found, top to bottom. */
const order = (screen: string) =>
  screen
    .split('\n')
    .map((line) => ROWS.find((s) => line.includes(short(s.id)))?.id)
    .filter((id): id is string => id !== undefined);

describe.skipIf(!hasTmux)('rimuru-tui in a real terminal (tmux)', () => {
  let root: string;
  let env: Record<string, string>;
  const terminals: TmuxTerminal[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rimuru-tui-'));
    const home = join(root, 'home');
    await writeTuiFixture(home);
    env = {
      HOME: home,
      XDG_DATA_HOME: join(root, 'data'),
      XDG_CONFIG_HOME: join(home, '.config'),
      PATH: process.env.PATH ?? '',
      TERM: 'screen',
      TZ: 'UTC',
      LANG: 'C.UTF-8',
    };
    await mkdir(join(home, '.config', 'rimuru'), { recursive: true });
    await writeFile(join(home, '.config', 'rimuru', 'config.json'), JSON.stringify({ timezone: 'UTC' }));
  });
  afterEach(async () => {
    await Promise.all(terminals.splice(0).map((t) => t.kill()));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function launch(args: string[] = [], extraEnv: Record<string, string> = {}, bin: string[] = [BIN]): Promise<TmuxTerminal> {
    const t = new TmuxTerminal();
    terminals.push(t);
    await t.start([process.execPath, ...bin, ...args], { ...env, ...extraEnv });
    // The dashboard is up once the first sync has run (the status bar shows its time).
    await t.waitForText(/synced \d\d:\d\d/);
    return t;
  }

  /** Refreshes docs/screens/<name>.txt when RIMURU_UPDATE_SCREENS=1 (the committed screenshots). */
  async function save(name: string, screen: string): Promise<void> {
    if (process.env.RIMURU_UPDATE_SCREENS !== '1') return;
    await mkdir(SCREENS, { recursive: true });
    await writeFile(join(SCREENS, `${name}.txt`), `${screen.replace(/[ \t]+$/gm, '').trimEnd()}\n`);
  }

  it('key 3 shows the newest session first with its short id and agent icon', async () => {
    const t = await launch();
    await save('dashboard', await t.waitForText('Cost per day'));
    await t.keys('3');
    const screen = await t.waitFor((s) => order(s).length === 3, 'three session rows');
    expect(order(screen)).toEqual([bravo.id, charlie.id, alpha.id]);
    const first = screen.split('\n').find((l) => l.includes(short(bravo.id)))!;
    expect(first).toContain('⟁ claude-code');
    expect(first).toContain('1m 00s');
    expect(screen).toContain('Session ID');
    expect(screen).toContain('sort: start time');
    expect(screen).toMatch(/1\/3 rows/);
    await save('sessions', screen);
  });

  it('s re-sorts by duration, longest first', async () => {
    const t = await launch(['--view', 'sessions']);
    await t.waitFor((s) => order(s).length === 3, 'rows');
    await t.keys('s');
    const screen = await t.waitForText('sort: duration');
    expect(order(screen)).toEqual([charlie.id, alpha.id, bravo.id]);
    expect(screen).toContain('2h 00m');
    await t.keys('s');
    expect(order(await t.waitForText('sort: tokens'))).toEqual([alpha.id, bravo.id, charlie.id]);
  });

  it('f filters by agent type and time range, and Esc closes the panel', async () => {
    const t = await launch(['--view', 'sessions']);
    await t.waitFor((s) => order(s).length === 3, 'rows');
    await t.keys('f');
    await t.waitForText('Time Range');
    // Agent Type → claude-code: every fixture session stays.
    await t.keys('j', 'l');
    await t.waitForText('agent: claude-code');
    // Agent Type → codex: none of the fixture sessions.
    await t.keys('l');
    await save('filter-panel', await t.waitForText('agent: codex'));
    await t.keys('Escape');
    const screen = await t.waitForText('No sessions match');
    expect(screen).toContain('0/0 rows');
    // The panel reopens on the filter last changed: Agent Type back to All, then Time Range →
    // Today (the fixture is from January 2026, long ago).
    await t.keys('f', 'h', 'h');
    await t.waitFor((s) => !s.includes('agent:'), 'agent filter cleared');
    await t.keys('j', 'l');
    await t.waitForText('range: Today');
    await t.keys('Escape');
    expect(await t.waitForText('No sessions match')).toContain('0/0 rows');
  });

  it('/ finds a session by project', async () => {
    const t = await launch(['--view', 'sessions']);
    await t.waitFor((s) => order(s).length === 3, 'rows');
    await t.keys('/');
    await t.type('charl');
    await t.keys('Enter');
    const screen = await t.waitForText('search: "charl"');
    expect(order(screen)).toEqual([charlie.id]);
    expect(screen).toContain('1/1 rows');
  });

  it('Enter shows the details of the selected session', async () => {
    const t = await launch(['--view', 'sessions']);
    await t.waitFor((s) => order(s).length === 3, 'rows');
    await t.keys('j', 'Enter');
    const screen = await t.waitForText(charlie.id);
    expect(screen).toContain('/home/u/charlie');
    expect(screen).toContain('Duration    2h 00m');
    expect(screen).toContain('claude-sonnet-4-5-20250929');
    expect(screen).toContain('input        500');
    await save('session-details', screen);
    await t.keys('Escape');
    await t.waitFor((s) => !s.includes('Agent id'), 'details closed');
  });

  it('shows agents, costs and help', async () => {
    const t = await launch();
    await t.keys('2');
    await save('agents', await t.waitForText('Detected'));
    await t.keys('4');
    const costs = await t.waitForText('[Summary]');
    expect(costs).toContain('range: Last 7 days');
    await t.keys('r');
    await t.waitForText('range: Last 30 days');
    await t.keys('r', 'r');
    await save('costs', await t.waitForText('range: All time'));
    await t.keys('Tab', 'Tab');
    await save('costs-by-model', await t.waitForText('[By model]'));
    await t.keys('?');
    await save('help', await t.waitForText('Ctrl+d'));
  });

  it('q exits 0 and restores the terminal', async () => {
    const t = await launch(['--view', 'sessions']);
    await t.waitFor((s) => order(s).length === 3, 'rows');
    expect((await t.terminalState()).alternateOn).toBe(true);
    await t.keys('q');
    expect(await t.waitForExit()).toBe(0);
    expect(await t.terminalState()).toEqual({ alternateOn: false, cursorVisible: true });
  });

  it('honours NO_COLOR and stays readable at 80×24', async () => {
    const t = await launch(['--view', 'sessions'], { NO_COLOR: '1' });
    const screen = await t.waitFor((s) => order(s).length === 3, 'rows');
    const lines = screen.split('\n');
    expect(lines.every((l) => [...l].length <= 80)).toBe(true);
    expect(lines.find((l) => l.includes(short(alpha.id)))).toContain('alpha');
  });

  it('rimuru tui starts the same TUI in-process and q exits 0', async () => {
    const t = await launch(['tui', '--view', 'sessions'], {}, [CLI_BIN]);
    const screen = await t.waitFor((s) => order(s).length === 3, 'rows');
    expect(order(screen)).toEqual([bravo.id, charlie.id, alpha.id]);
    await t.keys('q');
    expect(await t.waitForExit()).toBe(0);
    expect(await t.terminalState()).toEqual({ alternateOn: false, cursorVisible: true });
  });

  it('live: a new session appears after a background sync and the selection stays on its session', async () => {
    const liveRoot = await mkdtemp(join(tmpdir(), 'rimuru-tui-live-'));
    const home = join(liveRoot, 'home');
    await writeTuiFixture(home);
    const liveEnv = { HOME: home, XDG_DATA_HOME: join(liveRoot, 'data'), XDG_CONFIG_HOME: join(home, '.config') };
    try {
      const t = await launch(['--view', 'sessions', '--sync-interval', '0.5'], liveEnv);
      await t.waitFor((s) => order(s).length === 3, 'rows');
      await t.keys('j');
      await t.waitForText('2/3 rows');
      await writeTuiFixture(home, [LATE_SESSION]);
      const screen = await t.waitForText('3/4 rows');
      expect(screen).toContain(short(sessionRowId('claude-code', LATE_SESSION.id)));
      // charlie was selected; it moved down one row and is still the selected session.
      await t.keys('Enter');
      await t.waitForText(charlie.externalId);
    } finally {
      await rm(liveRoot, { recursive: true, force: true });
    }
  });
});
