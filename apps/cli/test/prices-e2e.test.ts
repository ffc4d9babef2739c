// @module-tag built
// @module-tag postgres
import { createServer, type Server } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BACKENDS, makeSandbox, runCli } from './cli-harness.js';

const SA = 'aaaaaaaa-0000-4000-8000-00000000000a';
const SB = 'bbbbbbbb-0000-4000-8000-00000000000b';
const SONNET = 'claude-sonnet-4-5-20250929';
const MYSTERY = 'mystery-model-9';

interface Req {
  id: string;
  ts: string;
  model: string;
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}
const REQUESTS: Record<string, Req[]> = {
  [SA]: [
    {
      id: 'msg_a1',
      ts: '2025-06-01T10:00:00.000Z',
      model: SONNET,
      input: 1200,
      output: 340,
      cacheRead: 50_000,
      cacheWrite: 2000,
    },
    {
      id: 'msg_a2',
      ts: '2026-06-01T10:00:00.000Z',
      model: SONNET,
      input: 800,
      output: 90,
      cacheRead: 61_000,
      cacheWrite: 0,
    },
  ],
  [SB]: [
    {
      id: 'msg_b1',
      ts: '2026-06-02T09:00:00.000Z',
      model: MYSTERY,
      input: 4321,
      output: 123,
      cacheRead: 0,
      cacheWrite: 0,
    },
  ],
};

function line(sessionId: string, r: Req): string {
  return JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    userType: 'external',
    cwd: '/home/u/proj',
    sessionId,
    version: '2.1.40',
    type: 'assistant',
    uuid: `u-${r.id}`,
    timestamp: r.ts,
    requestId: `req-${r.id}`,
    message: {
      id: r.id,
      type: 'message',
      role: 'assistant',
      model: r.model,
      content: [{ type: 'text', text: 'x' }],
      usage: {
        input_tokens: r.input,
        output_tokens: r.output,
        cache_read_input_tokens: r.cacheRead,
        cache_creation_input_tokens: r.cacheWrite,
      },
    },
  });
}

/** A LiteLLM-format price file: µ$ per token as decimal text, to keep the expectations exact. */
function priceFile(inputUsd: number) {
  const entry = {
    input_cost_per_token: inputUsd,
    output_cost_per_token: 0.00002,
    cache_read_input_token_cost: 1e-7,
    cache_creation_input_token_cost: 0.000004,
    litellm_provider: 'anthropic',
    mode: 'chat',
  };
  // Like LiteLLM: the undated alias and the dated id (the exact key the agent writes wins).
  return {
    sample_spec: { input_cost_per_token: 0, output_cost_per_token: 0 },
    'claude-sonnet-4-5': entry,
    [SONNET]: entry,
  };
}

/** The design's formula by hand (5-minute writes: Claude records no TTL split here). */
const expectedUsd = (r: Req, input: number) =>
  r.input * input + r.output * 0.00002 + r.cacheRead * 1e-7 + r.cacheWrite * 0.000004;

describe.each(CLI_BACKENDS)('model prices and costs on $name', ({ database }) => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let server: Server;
  let baseUrl: string;

  const cli = async (...args: string[]) => {
    const r = await runCli(args, env);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    return r;
  };
  const json = async <T>(...args: string[]): Promise<T> => {
    const r = await cli(...args, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const sessionCost = async (externalId: string) => {
    const list = await json<{ externalId: string; costUsd: number; costSource: string }[]>(
      'sessions',
      '--cost-mode',
      'calculate',
    );
    return list.find((s) => s.externalId === externalId)!;
  };

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const db = await database();
    drop = db.drop;
    env = { ...sandbox.env, ...db.env };
    const dir = join(sandbox.home, '.claude', 'projects', '-home-u-proj');
    await mkdir(dir, { recursive: true });
    for (const [id, reqs] of Object.entries(REQUESTS))
      await writeFile(join(dir, `${id}.jsonl`), `${reqs.map((r) => line(id, r)).join('\n')}\n`);
    await writeFile(join(sandbox.root, 'prices-v1.json'), JSON.stringify(priceFile(0.000001)));
    await writeFile(join(sandbox.root, 'prices-v2.json'), JSON.stringify(priceFile(0.000005)));
    server = createServer((req, res) => {
      void readFile(join(sandbox.root, (req.url ?? '').slice(1))).then(
        (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await drop();
    await sandbox.cleanup();
  });

  it('reprices all history after `models sync --effective-from 1970-01-01` (file)', async () => {
    await json('sessions'); // ingest with the bundled prices first
    const report = await json<{ changed: string[]; recordsRepriced: number }>(
      'models',
      'sync',
      '--from',
      join(sandbox.root, 'prices-v1.json'),
      '--effective-from',
      '1970-01-01',
    );
    expect(report.changed).toEqual(['claude-sonnet-4-5', SONNET]);
    expect(report.recordsRepriced).toBe(2);
    const a = await sessionCost(SA);
    const want = REQUESTS[SA]!.reduce((s, r) => s + expectedUsd(r, 0.000001), 0);
    expect(a.costSource).toBe('calculated');
    expect(Math.abs(a.costUsd - want)).toBeLessThan(1e-6);
  });

  it('a later effective date (via a local HTTP server) changes only later records', async () => {
    const report = await json<{ changed: string[] }>(
      'models',
      'sync',
      '--from',
      `${baseUrl}/prices-v2.json`,
      '--effective-from',
      '2026-01-01',
    );
    expect(report.changed).toEqual(['claude-sonnet-4-5', SONNET]);
    const [r1, r2] = REQUESTS[SA]!;
    const a = await sessionCost(SA);
    expect(Math.abs(a.costUsd - (expectedUsd(r1!, 0.000001) + expectedUsd(r2!, 0.000005)))).toBeLessThan(1e-6);
    const show = await json<{
      costBreakdown: { model: string; priceValidFrom: string; priceSource: string; costUsd: number }[];
    }>('sessions', 'show', SA);
    expect(show.costBreakdown.map((l) => [l.model, l.priceValidFrom, l.priceSource])).toEqual([
      [SONNET, '1970-01-01T00:00:00.000Z', 'litellm'],
      [SONNET, '2026-01-01T00:00:00.000Z', 'litellm'],
    ]);
    expect(Math.abs(show.costBreakdown[0]!.costUsd - expectedUsd(r1!, 0.000001))).toBeLessThan(1e-6);
    const history = await json<{ key: string; history: unknown[] }>('models', 'show', 'anthropic/claude-sonnet-4.5');
    expect(history.key).toBe('claude-sonnet-4-5');
    // The v1 sync at 1970-01-01 replaced the bundled row of that date (later sync wins); v2 added 2026.
    expect(history.history).toHaveLength(2);
  });

  it('offline: one clear line, exit 1, prices unchanged', async () => {
    const before = await json<unknown[]>('models', 'list');
    const r = await cli('models', 'sync', '--from', `${baseUrl}/does-not-exist.json`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/Cannot read prices from .*HTTP 404; prices unchanged/);
    expect(await json<unknown[]>('models', 'list')).toEqual(before);
  });

  it('unknown models: tokens counted, cost 0, listed by `models missing`, flagged in show', async () => {
    const b = await sessionCost(SB);
    expect(b).toMatchObject({ costUsd: 0, costSource: 'unpriced' });
    const missing = await json<{ model: string; reason: string; inputTokens: number; requestCount: number }[]>(
      'models',
      'missing',
    );
    expect(missing).toEqual([
      expect.objectContaining({ model: MYSTERY, reason: 'unknown', inputTokens: 4321, requestCount: 1 }),
    ]);
    const show = await cli('sessions', 'show', SB);
    expect(show.stdout).toMatch(/UNPRICED: unknown model/);
    const costs = await json<{ totals: { unpricedRequestCount: number; inputTokens: number } }>(
      'costs',
      'by-model',
      '--range',
      'all',
    );
    expect(costs.totals.unpricedRequestCount).toBe(1);
    expect(costs.totals.inputTokens).toBe(1200 + 800 + 4321);
  });

  it('a config override wins over synced prices and reprices stored records', async () => {
    const configDir = join(sandbox.home, '.config', 'rimuru');
    await mkdir(configDir, { recursive: true });
    await writeFile(join(configDir, 'config.json'), JSON.stringify({ prices: { [MYSTERY]: { input: 2, output: 8 } } }));
    const b = await sessionCost(SB);
    expect(b.costSource).toBe('calculated');
    expect(Math.abs(b.costUsd - (4321 * 2 + 123 * 8) / 1e6)).toBeLessThan(1e-6);
    expect(await json<unknown[]>('models', 'missing')).toEqual([]);
    const agents = await json<{ rows: { name: string; requestCount: number }[] }>(
      'costs',
      'agent',
      'claude-code',
      '--range',
      'all',
    );
    expect(agents.rows.map((r) => r.name).sort()).toEqual([SONNET, MYSTERY].sort());
  });
});
