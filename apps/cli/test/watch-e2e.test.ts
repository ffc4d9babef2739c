// @module-tag built
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';
import { appendLine, claudeLine, startCli, type RunningCli } from './live-harness.js';

const SID = 'aaaaaaaa-0000-4000-8000-000000000001';
const CWD = '/home/u/watched';

interface SessionJson {
  externalId: string;
  outputTokens: number | null;
  requestCount: number;
  status: string;
}

describe('rimuru watch (built binary, real files)', () => {
  let box: Awaited<ReturnType<typeof makeSandbox>>;
  let watch: RunningCli | null = null;
  let transcript: string;

  beforeEach(async () => {
    box = await makeSandbox();
    transcript = join(box.home, '.claude', 'projects', '-home-u-watched', `${SID}.jsonl`);
    await appendLine(
      transcript,
      claudeLine({ sessionId: SID, cwd: CWD, at: new Date(), id: 'first', input: 10, output: 1 }),
    );
  });

  afterEach(async () => {
    await watch?.stop('SIGKILL');
    watch = null;
    await box.cleanup();
  });

  const outputOf = async (): Promise<number | null> => {
    const r = await runCli(['sessions', '--no-sync', '--format', 'json'], box.env);
    expect(r.code, r.stderr).toBe(0);
    const s = (JSON.parse(r.stdout) as SessionJson[]).find((x) => x.externalId === SID);
    return s?.outputTokens ?? null;
  };

  it('ingests a line appended while it runs, visible to `sessions --no-sync` within 2 s', async () => {
    watch = startCli(['watch'], box.env);
    await watch.waitFor('Watching');
    // The start-up sync has read the first line.
    const deadlineStart = Date.now() + 10_000;
    while ((await outputOf()) !== 1 && Date.now() < deadlineStart) await new Promise((r) => setTimeout(r, 50));
    expect(await outputOf()).toBe(1);

    const appendedAt = Date.now();
    await appendLine(
      transcript,
      claudeLine({ sessionId: SID, cwd: CWD, at: new Date(), id: 'second', input: 20, output: 41 }),
    );
    // Poll with the real reader until it prints the new figures. The watcher logs when its sync
    // committed; a `sessions --no-sync` run costs a CLI start-up on top (reported, not asserted).
    let printedAt: number | null = null;
    while (Date.now() - appendedAt < 10_000) {
      if ((await outputOf()) === 42) {
        printedAt = Date.now();
        break;
      }
    }
    expect(printedAt).not.toBeNull();
    const synced = /\[([^\]]+)\] change: Synced/.exec(watch.stderr());
    expect(synced).not.toBeNull();
    const ingestMs = Date.parse(synced?.[1] ?? '') - appendedAt;
    process.stderr.write(
      `watch: committed ${ingestMs} ms after the append; \`sessions --no-sync\` printed it ${(printedAt as number) - appendedAt} ms after\n`,
    );
    expect(ingestMs).toBeLessThan(2_000);
    expect(watch.stderr()).not.toMatch(/locked|SQLITE_BUSY/i);

    // Clean shutdown on SIGTERM: exit 0 after the current sync.
    expect(await watch.stop('SIGTERM')).toBe(0);
    expect(watch.stderr()).toContain('SIGTERM: stopping');
  }, 40_000);

  it('stops cleanly on SIGINT', async () => {
    watch = startCli(['watch'], box.env);
    await watch.waitFor('Watching');
    expect(await watch.stop('SIGINT')).toBe(0);
  }, 30_000);

  it('--once syncs and exits', async () => {
    const r = await runCli(['watch', '--once'], box.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Synced 1 of 1 file/);
    expect(await outputOf()).toBe(1);
  }, 30_000);

  it('--poll follows the file by polling', async () => {
    watch = startCli(['watch', '--poll', '--rescan', '60000'], box.env);
    await watch.waitFor('Watching');
    await appendLine(
      transcript,
      claudeLine({ sessionId: SID, cwd: CWD, at: new Date(), id: 'polled', input: 1, output: 5 }),
    );
    const deadline = Date.now() + 10_000;
    while ((await outputOf()) !== 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await outputOf()).toBe(6);
  }, 30_000);
});
