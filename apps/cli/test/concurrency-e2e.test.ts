// @module-tag built
// @module-tag tmux
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasTmux, TmuxTerminal } from '../../tui/test/tmux-driver.js';
import { makeSandbox, runCli, type CliResult } from './cli-harness.js';
import { appendLine, claudeLine, startCli, type RunningCli } from './live-harness.js';

/** Issue 6 acceptance: 30 s of continuous appends. */
const APPEND_MS = 30_000;
const TUI_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../tui/bin/rimuru-tui.js');
/** What a failing TUI shows in its status bar (`error: …`) or a driver leaks. */
const TUI_TROUBLE = /error|locked|SQLITE_BUSY|exception/i;
const SESSIONS = 4;
const sid = (i: number) => `dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('one embedded store: CLI syncs + readers + the TUI + two watchers during continuous appends', () => {
  let box: Awaited<ReturnType<typeof makeSandbox>>;
  const watchers: RunningCli[] = [];
  const terminals: TmuxTerminal[] = [];

  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(async () => {
    for (const w of watchers.splice(0)) await w.stop('SIGKILL');
    for (const t of terminals.splice(0)) await t.kill();
    await box.cleanup();
  });

  it('ends with exact totals and no error anywhere', async () => {
    const transcript = (i: number) => join(box.home, '.claude', 'projects', `-c${i}`, `${sid(i)}.jsonl`);
    const expected = Array.from({ length: SESSIONS }, () => ({ input: 0, output: 0, requests: 0 }));
    await appendLine(
      transcript(0),
      claudeLine({ sessionId: sid(0), cwd: '/c/0', at: new Date(), id: 'seed', input: 1, output: 1 }),
    );
    expected[0] = { input: 1, output: 1, requests: 1 };

    for (let w = 0; w < 2; w++) {
      const watcher = startCli(['watch', '--debounce', '50', '--rescan', '1000'], box.env);
      watchers.push(watcher);
      await watcher.waitFor('Watching');
    }

    // The real TUI (built binary, in a real terminal) with its background sync on, on the same
    // store through the same environment, for the whole period.
    const tui = hasTmux ? new TmuxTerminal() : null;
    if (tui) {
      terminals.push(tui);
      const tuiEnv = { ...box.env, PATH: process.env.PATH ?? '', TERM: 'screen', TZ: 'UTC', LANG: 'C.UTF-8' };
      await tui.start([process.execPath, TUI_BIN, '--view', 'sessions', '--sync-interval', '0.5'], tuiEnv, {
        width: 200,
        height: 30,
      });
      await tui.waitForText(/synced \d\d:\d\d/);
    }

    let appending = true;
    // An error in the TUI's status bar lasts until the next key, but watch every screen anyway.
    const tuiTrouble: string[] = [];
    let tuiScreens = 0;
    const tuiWatch = (async () => {
      while (tui && appending) {
        const screen = await tui.capture();
        tuiScreens++;
        if (TUI_TROUBLE.test(screen)) tuiTrouble.push(screen);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const writer = (async () => {
      let n = 0;
      const started = Date.now();
      while (Date.now() - started < APPEND_MS) {
        const i = n % SESSIONS;
        const input = 10 + (n % 97);
        const output = 1 + (n % 13);
        await appendLine(
          transcript(i),
          claudeLine({ sessionId: sid(i), cwd: `/c/${i}`, at: new Date(), id: `n${n}`, input, output }),
        );
        expected[i]!.input += input;
        expected[i]!.output += output;
        expected[i]!.requests += 1;
        n++;
        await new Promise((r) => setTimeout(r, 15));
      }
      appending = false;
      return n;
    })();

    const results: CliResult[] = [];
    const durations: number[] = [];
    const loop = async (args: string[]) => {
      while (appending) {
        const t = Date.now();
        results.push(await runCli(args, box.env));
        durations.push(Date.now() - t);
      }
    };
    // `sessions` without --no-sync syncs first: a CLI sync and a read in one process.
    await Promise.all([
      writer,
      tuiWatch,
      loop(['sync']),
      loop(['sessions', '--format', 'json']),
      loop(['sessions', 'stats', '--range', 'all', '--no-sync', '--format', 'json']),
    ]);
    const lines = await writer;

    for (const r of results) expect(r.code, r.stderr).toBe(0);
    for (const r of results) expect(r.stderr).not.toMatch(/locked|SQLITE_BUSY|error/i);
    for (const w of watchers) expect(w.stderr()).not.toMatch(/locked|SQLITE_BUSY|warning|error/i);
    expect(tuiTrouble, 'TUI screens showing an error').toEqual([]);
    if (tui) {
      // Its own syncs picked up every session, the pane shows no error, and `q` exits 0.
      const screen = await tui.waitForText(`/${SESSIONS} rows`);
      expect(screen).not.toMatch(TUI_TROUBLE);
      await tui.keys('q');
      expect(await tui.waitForExit()).toBe(0);
    }

    const final = await runCli(['sessions', '--format', 'json'], box.env);
    expect(final.code, final.stderr).toBe(0);
    const sessions = JSON.parse(final.stdout) as {
      externalId: string;
      inputTokens: number;
      outputTokens: number;
      requestCount: number;
    }[];
    const got = Array.from({ length: SESSIONS }, (_, i) => sessions.find((s) => s.externalId === sid(i)));
    expect(got.map((s) => ({ input: s?.inputTokens, output: s?.outputTokens, requests: s?.requestCount }))).toEqual(
      expected,
    );
    const stats = JSON.parse(
      (await runCli(['sessions', 'stats', '--range', 'all', '--no-sync', '--format', 'json'], box.env)).stdout,
    ) as { totalTokens: number };
    expect(stats.totalTokens).toBe(expected.reduce((sum, e) => sum + e.input + e.output, 0));
    process.stderr.write(
      `concurrency: ${lines} lines appended over ${APPEND_MS} ms; ${results.length} CLI runs alongside 2 watchers` +
        `${tui ? ` and the TUI (${tuiScreens} screens checked)` : ' (no tmux: TUI not run)'}, all exit 0 ` +
        `(run time min ${Math.min(...durations)} ms, max ${Math.max(...durations)} ms)\n`,
    );
    for (const w of watchers) expect(await w.stop('SIGTERM')).toBe(0);
  }, 180_000);
});
