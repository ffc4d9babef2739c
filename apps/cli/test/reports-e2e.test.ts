// @module-tag built
// @module-tag postgres
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeAssistantLine, encodeClaudeProjectDir, jsonl } from '@rimuru/test-utils/claude';
import { CLI_BACKENDS, makeSandbox, runCli } from './cli-harness.js';
import { S1, S2, S3, writeClaudeFixture } from './claude-fixture-home.js';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Kathmandu'];
const DAYS = ['2026-03-07', '2026-03-08', '2026-03-09', '2026-11-01', '2026-11-02'];
/** Has a comma, a quote and a newline: CSV must quote it. */
const ODD_PROJECT = '/tz/odd, "quoted"\nname';

/** An oracle independent of luxon: the runtime's Intl calendar. */
function intlDate(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}
function localMidnight(date: string, zone: string): number {
  let t = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000;
  while (intlDate(new Date(t), zone) !== date) t += 60_000;
  return t;
}

interface Req {
  at: number;
  tokens: number;
}

/** Requests exactly at, and 1 ms before, local midnight of each day in each zone. */
async function writeMidnightHome(home: string): Promise<Req[]> {
  const reqs: Req[] = [];
  const sessions = new Map<string, string[]>();
  let n = 0;
  for (const zone of ZONES) {
    for (const day of DAYS) {
      const midnight = localMidnight(day, zone);
      for (const at of [midnight, midnight - 1]) {
        n += 1;
        const sid = `00000000-0000-4000-8000-${String(n % 4).padStart(12, '0')}`;
        const cwd = n % 4 === 0 ? ODD_PROJECT : `/tz/p${n % 4}`;
        const input = n * 7;
        const output = n;
        reqs.push({ at, tokens: input + output });
        const line = claudeAssistantLine({
          sessionId: sid,
          cwd,
          timestamp: new Date(at).toISOString(),
          model: 'claude-sonnet-4-5-20250929',
          messageId: `msg_tz_${n}`,
          requestId: `req_tz_${n}`,
          usage: { input, output },
        });
        sessions.set(`${cwd}\u0000${sid}`, [...(sessions.get(`${cwd}\u0000${sid}`) ?? []), line]);
      }
    }
  }
  for (const [key, lines] of sessions) {
    const [cwd, sid] = key.split('\u0000') as [string, string];
    const dir = join(home, '.claude', 'projects', encodeClaudeProjectDir(cwd));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${sid}.jsonl`), jsonl(lines));
  }
  return reqs;
}

describe.each(CLI_BACKENDS)('reports, exports and explain on $name', ({ database }) => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let reqs: Req[];

  const cli = async (...args: string[]) => {
    const result = await runCli(args, env);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const db = await database();
    drop = db.drop;
    env = { ...sandbox.env, ...db.env };
    await writeClaudeFixture(sandbox.home);
    reqs = await writeMidnightHome(sandbox.home);
    await cli('sync');
  });
  afterAll(async () => {
    await drop();
    await sandbox.cleanup();
  });

  it.each(ZONES)('daily totals in %s equal the records whose local date is that day', async (zone) => {
    const report = JSON.parse(
      await cli('report', 'daily', '--format', 'json', '--no-sync', '--timezone', zone, '--project', '/tz/'),
    ) as {
      timezone: string;
      rows: { period: string; totalTokens: number; requestCount: number }[];
      totals: { totalTokens: number };
    };
    const expected = new Map<string, number>();
    for (const r of reqs) {
      const day = intlDate(new Date(r.at), zone);
      expected.set(day, (expected.get(day) ?? 0) + r.tokens);
    }
    expect(report.timezone).toBe(zone);
    expect(new Map(report.rows.map((r) => [r.period, r.totalTokens]))).toEqual(expected);
    expect(report.totals.totalTokens).toBe(reqs.reduce((s, r) => s + r.tokens, 0));
  });

  it('exports usage as RFC 4180 CSV that parses back to the JSON export', async () => {
    const file = join(sandbox.root, 'usage.csv');
    await cli('export', 'usage', '--format', 'csv', '--output', file, '--no-sync');
    const text = await readFile(file, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'occurredAt,agentType,sessionId,sessionExternalId,host,projectPath,model,inputTokens,outputTokens,cacheReadTokens,cacheWrite5mTokens,cacheWrite1hTokens,reasoningTokens,totalTokens,costUsd,calculatedCostUsd,recordedCostUsd,priced,speed,dedupeKey,sourcePath,sourceLine,requestCount',
    );
    expect(text).toContain('"/tz/odd, ""quoted""\nname"');
    const rows = parse<Record<string, string>>(text, { columns: true });
    const json = JSON.parse(await cli('export', 'usage', '--format', 'json', '--no-sync')) as Record<
      string,
      string | number | boolean | null
    >[];
    expect(rows).toHaveLength(json.length);
    expect(rows).toEqual(
      json.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? '' : String(v)]))),
    );
    const ndjson = (await cli('export', 'usage', '--format', 'ndjson', '--no-sync'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(ndjson).toEqual(json);
    expect(rows.filter((r) => r.projectPath === ODD_PROJECT).length).toBeGreaterThan(0);
  });

  it('exports sessions as CSV matching `rimuru sessions`', async () => {
    const rows = parse<Record<string, string>>(await cli('export', 'sessions', '--no-sync'), { columns: true });
    const list = JSON.parse(await cli('sessions', '--format', 'json', '--no-sync', '--limit', '1000')) as {
      id: string;
      totalTokens: number | null;
    }[];
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(list.map((s) => s.id)));
    for (const s of list)
      expect(rows.find((r) => r.id === s.id)!.totalTokens).toBe(s.totalTokens === null ? '' : String(s.totalTokens));
  });

  it.each([S1, S2, S3])('sessions explain %s accounts for every token of the session', async (externalId) => {
    const show = JSON.parse(await cli('sessions', 'show', externalId, '--format', 'json', '--no-sync')) as {
      totalTokens: number;
      requestCount: number;
    };
    const e = JSON.parse(await cli('sessions', 'explain', externalId, '--format', 'json', '--no-sync')) as {
      accountsForTotals: boolean;
      counted: { tokens: { total: number }; reread: string }[];
      dropped: { rule: string }[];
      sources: { linesRead: number | null }[];
    };
    expect(e.accountsForTotals).toBe(true);
    expect(e.counted.reduce((s, c) => s + c.tokens.total, 0)).toBe(show.totalTokens);
    expect(e.counted).toHaveLength(show.requestCount);
    for (const c of e.counted) expect(c.reread).toBe('found');
    if (externalId === S1) {
      const rules = e.dropped.map((d) => d.rule);
      expect(rules).toContain('replay:original-exists');
      expect(rules).toContain('dedupe:larger-rank-wins');
      expect(rules).toContain('dedupe:earlier-copy-wins');
      expect(e.sources.length).toBe(3);
    }
    if (externalId === S2) expect(e.dropped.map((d) => d.rule)).toEqual(['dedupe:earlier-copy-wins']);
  });

  it('shows billing blocks with burn rates from the same records', async () => {
    const blocks = JSON.parse(await cli('report', 'blocks', '--format', 'json', '--no-sync')) as {
      isGap: boolean;
      totalTokens: number;
    }[];
    const usage = JSON.parse(await cli('export', 'usage', '--format', 'json', '--no-sync')) as {
      agentType: string;
      totalTokens: number;
    }[];
    expect(blocks.filter((b) => !b.isGap).reduce((s, b) => s + b.totalTokens, 0)).toBe(
      usage.filter((u) => u.agentType === 'claude-code').reduce((s, u) => s + u.totalTokens, 0),
    );
  });
});
