// @module-tag built
// @module-tag tmux
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionRowId } from '@rimuru/core';
import { defaultStorePath } from '@rimuru/db';
import { writeFixtureSessions } from './store-fixture.js';
import { hasTmux, TmuxTerminal } from './tmux-driver.js';
import { LATE_SESSION, SESSIONS, writeTuiFixture } from './tui-fixture-home.js';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/rimuru-tui.js');
const CLI_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../cli/bin/run.js');
const SCREENS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/screens');

/** The fixture sessions with their row ids (UUIDv5 of agent type and external id). */
const ROWS = SESSIONS.map((s) => ({ ...s, id: sessionRowId('claude-code', s.id), externalId: s.id }));
/** A plugin agent's session, for the suites that write one into the store first. */
const ACME = { id: sessionRowId('acme-agent', 'acme-0001'), externalId: 'acme-0001' };
const LATE = { id: sessionRowId('claude-code', LATE_SESSION.id) };
/** Every session a suite may show. */
const KNOWN = [...ROWS, ACME, LATE];
const [alpha, charlie, bravo] = ROWS as [(typeof ROWS)[number], (typeof ROWS)[number], (typeof ROWS)[number]];
const short = (id: string) => `${id.slice(0, 8)}…`;
/** The cells matching `cell` in the session rows, top to bottom (one per row). */
const column = (screen: string, cell: RegExp) =>
  screen
    .split('\n')
    .filter((line) => KNOWN.some((s) => line.includes(short(s.id))))
    .map((line) => cell.exec(line)?.[0]);
/** Rows of the Sessions table in screen order: the short ids found, top to bottom. */
const order = (screen: string) =>
  screen
    .split('\n')
    .map((line) => KNOWN.find((s) => line.includes(short(s.id)))?.id)
    .filter((id): id is string => id !== undefined);

/**
 * The terminals the suite runs in: plain `screen` (8 colours, the terminfo blessed reads), and
 * the 256-colour entries of tmux and GNU screen, which blessed cannot parse by itself.
 */
const TERMS = ['tmux-256color', 'screen'] as const;
/** The committed screenshots come from one of them (the text is the same in each). */
const SCREENSHOT_TERM = 'tmux-256color';

/** SGR foregrounds that vanish on a dark background: black (30, 38;5;0/16) and bright black (90, 38;5;8). */
function darkForegrounds(styled: string): string[] {
  const dark: string[] = [];
  // eslint-disable-next-line no-control-regex -- matches the terminal's SGR escape sequences
  for (const [, params] of styled.matchAll(/\x1b\[([0-9;]*)m/g)) {
    const p = params!.split(';');
    for (let i = 0; i < p.length; i++) {
      if (p[i] === '38' && p[i + 1] === '5') {
        if (['0', '8', '16'].includes(p[i + 2]!)) dark.push(params!);
        i += 2;
      } else if (p[i] === '30' || p[i] === '90') dark.push(params!);
    }
  }
  return dark;
}

describe.skipIf(!hasTmux).each(TERMS)('rimuru-tui in a real terminal (tmux, TERM=%s)', (term) => {
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
      TERM: term,
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

  async function launch(
    args: string[] = [],
    extraEnv: Record<string, string> = {},
    bin: string[] = [BIN],
  ): Promise<TmuxTerminal> {
    const t = new TmuxTerminal();
    terminals.push(t);
    await t.start([process.execPath, ...bin, ...args], { ...env, ...extraEnv });
    // The dashboard is up once the first sync has run (the status bar shows its time).
    await t.waitForText(/synced \d\d:\d\d/);
    return t;
  }

  /** Refreshes docs/screens/<name>.txt when RIMURU_UPDATE_SCREENS=1 (the committed screenshots). */
  async function save(name: string, screen: string): Promise<void> {
    if (process.env.RIMURU_UPDATE_SCREENS !== '1' || term !== SCREENSHOT_TERM) return;
    await mkdir(SCREENS, { recursive: true });
    await writeFile(join(SCREENS, `${name}.txt`), `${screen.replace(/[ \t]+$/gm, '').trimEnd()}\n`);
  }

  it('key 3 shows the newest session first with its short id and agent icon', async () => {
    const t = await launch();
    await save('dashboard', await t.waitForText('Cost · last 7 days'));
    await t.keys('3');
    const screen = await t.waitFor((s) => order(s).length === 3, 'three session rows');
    expect(order(screen)).toEqual([bravo.id, charlie.id, alpha.id]);
    const first = screen.split('\n').find((l) => l.includes(short(bravo.id)))!;
    expect(first).toContain('⟁ claude-code');
    expect(first).toContain('1m 00s');
    expect(first).toMatch(/done\s*$/);
    // The sort can be checked: the Started column, marked ↓, reads newest first.
    expect(screen).toMatch(/Session +Agent +Project +Started↓ +Duration +Tokens +Cost +Status/);
    expect(column(screen, /(?:2026-)?01-\d\d(?: \d\d:\d\d)?/)).toEqual(
      ['01-12 10:00', '01-11 10:00', '01-10 10:00'].map((d) =>
        screen.includes('2026-01-12') ? `2026-${d.slice(0, 5)}` : d,
      ),
    );
    expect(screen).toContain('sort: start time');
    expect(screen).toMatch(/1\/3 rows/);
    await save('sessions', screen);
  });

  it('an active session: active in the Status column, and live on the dashboard with its 5-hour block', async () => {
    const liveRoot = await mkdtemp(join(tmpdir(), 'rimuru-tui-status-'));
    const home = join(liveRoot, 'home');
    await writeTuiFixture(home);
    // A session whose last request was a minute ago: active under the 5-minute window.
    await writeTuiFixture(home, [
      { ...LATE_SESSION, start: new Date(Date.now() - 4 * 60_000).toISOString(), minutes: 3 },
    ]);
    try {
      const t = await launch(['--view', 'sessions'], {
        HOME: home,
        XDG_DATA_HOME: join(liveRoot, 'data'),
        XDG_CONFIG_HOME: join(home, '.config'),
      });
      const screen = await t.waitFor((s) => order(s).length === 4, 'four rows');
      const lines = screen.split('\n');
      const late = LATE.id;
      expect(order(screen)[0]).toBe(late);
      expect(lines.find((l) => l.includes(short(late)))).toMatch(/active\s*$/);
      expect(lines.find((l) => l.includes(short(alpha.id)))).toMatch(/done\s*$/);
      // The dashboard: the running 5-hour block and the active session.
      await t.keys('1');
      const dashboard = await t.waitForText(/5h block[^]*left[^]*Active sessions · 1 of 4 sessions/);
      expect(dashboard).toMatch(/\d\d:00 → \d\d:00 · \d+h \d\dm left/);
      expect(dashboard).toMatch(/cost {2}\$\d/);
      expect(dashboard).toMatch(/● ⟁ claude-code +delta/);
      await save('dashboard-live', dashboard);
    } finally {
      await rm(liveRoot, { recursive: true, force: true });
    }
  });

  it('s re-sorts by duration, longest first', async () => {
    const t = await launch(['--view', 'sessions']);
    await t.waitFor((s) => order(s).length === 3, 'rows');
    await t.keys('s');
    const screen = await t.waitForText('sort: duration');
    expect(order(screen)).toEqual([charlie.id, alpha.id, bravo.id]);
    expect(screen).toContain('Duration↓');
    expect(column(screen, /\d+[hm] \d\d[ms]/)).toEqual(['2h 00m', '2m 00s', '1m 00s']);
    await t.keys('s');
    expect(order(await t.waitForText('sort: tokens'))).toEqual([alpha.id, bravo.id, charlie.id]);
  });

  it('f filters by the agent types of the store, plugin agents included, and by time range', async () => {
    const pluginRoot = await mkdtemp(join(tmpdir(), 'rimuru-tui-plugin-'));
    const home = join(pluginRoot, 'home');
    await writeTuiFixture(home);
    const pluginEnv = { HOME: home, XDG_DATA_HOME: join(pluginRoot, 'data'), XDG_CONFIG_HOME: join(home, '.config') };
    // A session a plugin adapter (or a teammate's push) wrote: no adapter of this machine reads it.
    await writeFixtureSessions(defaultStorePath(pluginEnv, home), [
      {
        agentType: 'acme-agent',
        id: ACME.externalId,
        firstAt: new Date('2026-01-09T10:00:00.000Z'),
        lastAt: new Date('2026-01-09T10:05:00.000Z'),
        projectPath: '/home/u/acme',
        requests: [
          { at: new Date('2026-01-09T10:05:00.000Z'), model: 'acme-large', input: 700, costNanos: 1_000_000n },
        ],
      },
    ]);
    try {
      const t = await launch(['--view', 'sessions'], pluginEnv);
      await t.waitFor((s) => order(s).length === 4, 'four rows');
      await t.keys('f');
      let panel = await t.waitForText('Time Range');
      expect(panel).toMatch(/Agent Type +All +acme-agent +claude-code/);
      expect(panel).not.toContain('codex');
      // Agent Type → acme-agent: the plugin's session only.
      await t.keys('j', 'l');
      panel = await t.waitFor(
        (s) => s.includes('agent: acme-agent') && s.includes('1/1 rows'),
        'the plugin session only',
      );
      await save('filter-panel', panel);
      // → claude-code: the three fixture sessions; → All again (no fixed list of other types).
      await t.keys('l');
      await t.waitFor((s) => s.includes('agent: claude-code') && s.includes('1/3 rows'), 'claude-code sessions');
      await t.keys('l');
      await t.waitFor((s) => !s.includes('agent:') && s.includes('1/4 rows'), 'every session');
      await t.keys('Escape');
      await t.waitFor((s) => !s.includes('Time Range'), 'panel closed');
      // The panel reopens on the filter last changed; Time Range → Today (the fixture is from
      // January 2026, long ago).
      await t.keys('f');
      await t.waitForText('Time Range');
      await t.keys('j', 'l');
      await t.waitForText('range: Today');
      await t.keys('Escape');
      expect(await t.waitForText('No sessions match')).toContain('0/0 rows');
      await t.keys('1');
      expect(await t.waitForText('acme-agent')).toContain('claude-code');
    } finally {
      await rm(pluginRoot, { recursive: true, force: true });
    }
  });

  it('/ searches as you type; Enter keeps the search, Esc clears it', async () => {
    const t = await launch(['--view', 'sessions']);
    await t.waitFor((s) => order(s).length === 3, 'rows');
    await t.keys('/');
    await t.waitForText('/█');
    await t.type('charl');
    // No Enter: the list already shows the one match.
    let screen = await t.waitFor((s) => order(s).length === 1, 'one row while typing');
    expect(order(screen)).toEqual([charlie.id]);
    expect(screen).toContain('/charl█');
    expect(screen).toContain('1 match');
    await t.keys('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    await t.waitFor((s) => order(s).length === 3 && s.includes('3 matches'), 'every row back after backspaces');
    await t.type('br');
    await t.waitFor((s) => order(s).length === 1 && order(s)[0] === bravo.id, 'bravo only');
    await t.keys('Escape');
    screen = await t.waitFor((s) => order(s).length === 3 && !s.includes('█'), 'search cleared by Esc');
    expect(screen).not.toContain('search:');
    // Enter keeps it; Esc in the list clears it as well. (Each key waits for the screen: a key
    // right behind an Escape could read as Alt+key.)
    await t.keys('/');
    await t.waitForText('/█');
    await t.type('charl');
    await t.waitForText('/charl█');
    await t.keys('Enter');
    screen = await t.waitForText('search: "charl"');
    expect(order(screen)).toEqual([charlie.id]);
    expect(screen).toContain('1/1 rows');
    await t.keys('Escape');
    screen = await t.waitFor((s) => order(s).length === 3, 'search cleared');
    expect(screen).not.toContain('search:');
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
    const byModel = await t.waitForText(/\[By model\][^]*claude-sonnet-4-5-20250929 +3 +91\.8K +\$0\.2790/);
    await save('costs-by-model', byModel);
    // All time is drawn from the first usage (January 2026), not the last 30 days.
    await t.keys('Tab');
    const trend = await t.waitForText(/\[Trend\][^]*Cost per (week|month) · (01-05|2026-01) → .* · total \$0\.2790/);
    await save('costs-trend', trend);
    await t.keys('?');
    await save('help', await t.waitForText('Ctrl+d'));
  });

  it('first run: with no agent data it says where each agent was looked for and how to point elsewhere', async () => {
    const emptyRoot = await mkdtemp(join(tmpdir(), 'rimuru-tui-empty-'));
    const home = join(emptyRoot, 'home');
    await mkdir(home, { recursive: true });
    try {
      const t = await launch([], {
        HOME: home,
        XDG_DATA_HOME: join(emptyRoot, 'data'),
        XDG_CONFIG_HOME: join(home, '.config'),
      });
      const screen = await t.waitForText('No agent data found yet');
      expect(screen).toMatch(/⟁ claude-code +~\/\.config\/claude\/projects/);
      expect(screen).toContain('~/.claude/projects');
      expect(screen).toContain('CLAUDE_CONFIG_DIR');
      expect(screen).toContain('"roots" in ~/.config/rimuru/config.json');
      expect(screen).toContain('--db');
      await save('first-run', screen);
      // Every agent is listed: the end of the list scrolls into view.
      await t.keys('G');
      await t.waitForText('hermes');
      await t.keys('3');
      expect(await t.waitForText(/Started↓[^]*No agent data found yet/)).toContain('Where Rimuru looked');
    } finally {
      await rm(emptyRoot, { recursive: true, force: true });
    }
  });

  it('q exits 0 and restores the terminal', async () => {
    const t = await launch(['--view', 'sessions']);
    await t.waitFor((s) => order(s).length === 3, 'rows');
    expect((await t.terminalState()).alternateOn).toBe(true);
    await t.keys('q');
    expect(await t.waitForExit()).toBe(0);
    expect(await t.terminalState()).toEqual({ alternateOn: false, cursorVisible: true });
  });

  it('draws no text in black or bright black; hints are grey 245 where the terminal has 256 colours', async () => {
    const t = await launch();
    const screens = [await t.captureStyled()];
    // One key at a time: Escape and a key sent together read as Alt+key.
    for (const [key, ready] of [
      ['3', 'Started'],
      ['f', 'Time Range'],
      ['Escape', /^(?!.*Time Range)/s],
      ['4', '[Summary]'],
      ['?', 'Ctrl+d'],
    ] as const) {
      await t.keys(key);
      await t.waitForText(ready);
      screens.push(await t.captureStyled());
    }
    for (const styled of screens) expect(darkForegrounds(styled)).toEqual([]);
    // eslint-disable-next-line no-control-regex -- matches the terminal's SGR escape sequence before the hint
    const hint = /\x1b\[([0-9;]*)m\? help/.exec(screens[0]!);
    if (term.includes('256color')) expect(hint?.[1]).toBe('38;5;245');
    else expect(screens[0]).toContain('? help');
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
