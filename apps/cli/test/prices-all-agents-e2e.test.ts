// @module-tag built
// @module-tag postgres
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheWriteTokens, computeCostNanos, createModelPrice, type ModelPrice } from '@rimuru/core';
import { generateClaudeHome } from '@rimuru/test-utils/claude';
import { generateCodexHome } from '@rimuru/test-utils/codex';
import { writeCopilotSampleHome, writeCursorSampleHome } from '@rimuru/test-utils/sample-homes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BACKENDS, makeSandbox, runCli } from './cli-harness.js';

/**
 * Issue 4 acceptance on every agent: after `models sync --from <file> --effective-from
 * 1970-01-01`, each session's calculated cost is the design's formula over its own usage
 * records at that file's prices. The expectation is computed here, from the exported records
 * and the file's entries, with core's computeCostNanos: never from the CLI's own figures.
 */

type LiteLLMEntry = Record<string, number | string>;

/** Prices deliberately unlike the bundled snapshot, so a record still at a bundled price shows. */
const claudeEntry = (input: number, output: number): LiteLLMEntry => ({
  input_cost_per_token: input,
  output_cost_per_token: output,
  cache_read_input_token_cost: input / 10,
  cache_creation_input_token_cost: input * 1.25,
  cache_creation_input_token_cost_above_1hr: input * 2.5,
  input_cost_per_token_above_200k_tokens: input * 2,
  output_cost_per_token_above_200k_tokens: output * 1.5,
  litellm_provider: 'anthropic',
  mode: 'chat',
});
/** OpenAI-style: cache reads priced, no cache-write price (defaults apply). */
const openaiEntry = (input: number, output: number): LiteLLMEntry => ({
  input_cost_per_token: input,
  output_cost_per_token: output,
  cache_read_input_token_cost: input / 8,
  litellm_provider: 'openai',
  mode: 'chat',
});

const SONNET = claudeEntry(0.0000031, 0.0000171);
const HAIKU = claudeEntry(0.0000011, 0.0000047);
/** The file, like LiteLLM's: undated aliases next to dated ids, the dotted Copilot spelling. */
const PRICE_FILE: Record<string, LiteLLMEntry> = {
  'claude-opus-4-6': claudeEntry(0.0000053, 0.0000237),
  'claude-sonnet-4-5': SONNET,
  'claude-sonnet-4-5-20250929': SONNET,
  'claude-sonnet-4.5': SONNET,
  'claude-haiku-4-5': HAIKU,
  'claude-haiku-4-5-20251001': HAIKU,
  'o4-mini': openaiEntry(0.0000013, 0.0000043),
  'gpt-5.2-codex': openaiEntry(0.0000017, 0.0000131),
  'gpt-5.3-codex': openaiEntry(0.0000019, 0.0000149),
  'gpt-5.4-mini': openaiEntry(0.0000003, 0.0000021),
  'gpt-5': openaiEntry(0.0000012, 0.0000103),
  'gpt-4.1': openaiEntry(0.0000021, 0.0000079),
  'gpt-4o': openaiEntry(0.0000027, 0.0000097),
  // No cache prices at all: reads fall back to input, writes to 1.25× / 2× input.
  'gemini-2.5-pro': {
    input_cost_per_token: 0.0000014,
    output_cost_per_token: 0.0000113,
    litellm_provider: 'vertex_ai-language-models',
    mode: 'chat',
  },
};

/**
 * Which file key each model name the agents write must be priced by (written by hand: Cursor's
 * reversed display name normalises to the undated key); null = never priced (Cursor's `default`).
 */
const PRICE_KEY: Record<string, string | null> = {
  'claude-opus-4-6': 'claude-opus-4-6',
  'claude-sonnet-4-5-20250929': 'claude-sonnet-4-5-20250929',
  'claude-haiku-4-5-20251001': 'claude-haiku-4-5-20251001',
  'claude-sonnet-4.5': 'claude-sonnet-4.5',
  'claude-4.5-sonnet': 'claude-sonnet-4-5',
  'o4-mini': 'o4-mini',
  'gpt-5.2-codex': 'gpt-5.2-codex',
  'gpt-5.3-codex': 'gpt-5.3-codex',
  'gpt-5.4-mini': 'gpt-5.4-mini',
  'gpt-5': 'gpt-5',
  'gpt-4.1': 'gpt-4.1',
  'gpt-4o': 'gpt-4o',
  'gemini-2.5-pro': 'gemini-2.5-pro',
  default: null,
};

const num = (e: LiteLLMEntry, k: string): number | null => (typeof e[k] === 'number' ? e[k] : null);
function priceOf(key: string): ModelPrice {
  const e = PRICE_FILE[key]!;
  return createModelPrice({
    input: num(e, 'input_cost_per_token')!,
    output: num(e, 'output_cost_per_token')!,
    cacheRead: num(e, 'cache_read_input_token_cost'),
    cacheWrite5m: num(e, 'cache_creation_input_token_cost'),
    cacheWrite1h: num(e, 'cache_creation_input_token_cost_above_1hr'),
    inputAbove200k: num(e, 'input_cost_per_token_above_200k_tokens'),
    outputAbove200k: num(e, 'output_cost_per_token_above_200k_tokens'),
  });
}

interface UsageRow {
  sessionId: string;
  agentType: string;
  model: string;
  speed: 'standard' | 'fast' | null;
  requestCount: number | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  reasoningTokens: number;
}
interface SessionRow {
  id: string;
  externalId: string;
  agentType: string;
  costUsd: number;
  costSource: string;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
}
interface ShowJson {
  costBreakdown: {
    model: string;
    priced: boolean;
    priceKey: string | null;
    priceSource: string | null;
    priceValidFrom: string | null;
  }[];
}

describe.each(CLI_BACKENDS)('all four agents priced from a synced file on $name', ({ database }) => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  /** Sessions whose agent wrote no token counts, as `agent/externalId`. */
  const tokenless = new Set<string>();

  const json = async <T>(...args: string[]): Promise<T> => {
    const r = await runCli([...args, '--format', 'json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    return JSON.parse(r.stdout) as T;
  };

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const db = await database();
    drop = db.drop;
    env = { ...sandbox.env, ...db.env };
    await generateClaudeHome(sandbox.home, {
      sessions: 8,
      requestsPerSession: 6,
      seed: 31,
      subagentEvery: 3,
      compactionEvery: 4,
    });
    const codex = await generateCodexHome(sandbox.home, {
      sessions: 8,
      requestsPerSession: 6,
      seed: 17,
      archiveEvery: 3,
      legacyEvery: 4,
      spawnEvery: 3,
    });
    for (const s of codex.sessions) if (!s.tokensKnown) tokenless.add(`codex/${s.id}`);
    for (const e of [...writeCursorSampleHome(sandbox.home), ...(await writeCopilotSampleHome(sandbox.home))]) {
      if (e.tokens === null) tokenless.add(`${e.agentType}/${e.externalId}`);
    }
    await writeFile(
      join(sandbox.root, 'prices.json'),
      JSON.stringify({ sample_spec: { input_cost_per_token: 0, output_cost_per_token: 0 }, ...PRICE_FILE }),
    );
  });
  afterAll(async () => {
    await drop?.();
    await sandbox?.cleanup();
  });

  it('every session costs exactly the formula over its records at the file prices (to 1e-6)', async () => {
    await json('sessions', '--limit', '1000000'); // ingest at the bundled prices first, so the sync must reprice
    const report = await json<{ added: string[]; changed: string[]; recordsRepriced: number }>(
      'models',
      'sync',
      '--from',
      join(sandbox.root, 'prices.json'),
      '--effective-from',
      '1970-01-01',
    );
    // Every file entry differs from the bundled snapshot (or is new to it): each becomes a row.
    expect([...report.added, ...report.changed].sort()).toEqual(Object.keys(PRICE_FILE).sort());
    expect(report.recordsRepriced).toBeGreaterThan(0);

    const records = await json<UsageRow[]>('export', 'usage', '--range', 'all', '--no-sync');
    const sessions = await json<SessionRow[]>(
      'sessions',
      '--cost-mode',
      'calculate',
      '--limit',
      '1000000',
      '--no-sync',
    );
    const agents = new Set(records.map((r) => r.agentType));
    expect([...agents].sort(), 'records of every agent').toEqual(['claude-code', 'codex', 'copilot', 'cursor']);

    for (const model of new Set(records.map((r) => r.model)))
      expect(PRICE_KEY, `a price key decided for ${model}`).toHaveProperty([model]);
    const nanos = new Map<string, bigint>();
    const sums = new Map<string, { input: number; output: number; cacheRead: number; cacheWrite: number }>();
    for (const r of records) {
      const key = PRICE_KEY[r.model];
      const tokens = {
        input: r.inputTokens,
        output: r.outputTokens,
        cacheRead: r.cacheReadTokens,
        cacheWrite5m: r.cacheWrite5mTokens,
        cacheWrite1h: r.cacheWrite1hTokens,
        reasoning: r.reasoningTokens,
      };
      const cost = key ? computeCostNanos(tokens, priceOf(key), { speed: r.speed, requestCount: r.requestCount }) : 0n;
      nanos.set(r.sessionId, (nanos.get(r.sessionId) ?? 0n) + cost);
      const sum = sums.get(r.sessionId) ?? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
      sum.input += tokens.input;
      sum.output += tokens.output;
      sum.cacheRead += tokens.cacheRead;
      sum.cacheWrite += cacheWriteTokens(tokens);
      sums.set(r.sessionId, sum);
    }

    let priced = 0;
    for (const s of sessions) {
      const label = `${s.agentType}/${s.externalId}`;
      if (tokenless.has(label)) {
        expect(s, label).toMatchObject({ costSource: 'unknown', costUsd: 0, inputTokens: null });
        continue;
      }
      // "Its records": the exported records add up to the session's own totals.
      expect(sums.get(s.id), label).toEqual({
        input: s.inputTokens,
        output: s.outputTokens,
        cacheRead: s.cacheReadTokens,
        cacheWrite: s.cacheWriteTokens,
      });
      const want = Number(nanos.get(s.id) ?? 0n) / 1e9;
      expect(s.costSource, label).toBe('calculated');
      expect(Math.abs(s.costUsd - want), `${label}: ${s.costUsd} vs ${want}`).toBeLessThan(1e-6);
      if (want > 0) priced++;
    }
    expect(tokenless.size, 'the corpus has tokenless sessions').toBeGreaterThan(0);
    expect(priced, 'priced sessions').toBe(sessions.length - tokenless.size);
    process.stderr.write(
      `prices-all-agents: ${sessions.length} sessions (${priced} priced, ${tokenless.size} tokenless), ${records.length} records\n`,
    );
  }, 180_000);

  it('prices each model by the file key expected, from the file, at 1970-01-01', async () => {
    const sessions = await json<SessionRow[]>('sessions', '--limit', '1000000', '--no-sync');
    const seen = new Map<
      string,
      { priceKey: string | null; priceSource: string | null; priceValidFrom: string | null }
    >();
    // One session per agent and model is enough to see every model's lookup.
    for (const s of sessions.filter((x) => !tokenless.has(`${x.agentType}/${x.externalId}`))) {
      const show = await json<ShowJson>('sessions', 'show', s.id, '--no-sync');
      for (const line of show.costBreakdown) seen.set(line.model, line);
      if ([...new Set(Object.keys(PRICE_KEY))].every((m) => seen.has(m))) break;
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(PRICE_KEY).sort());
    for (const [model, line] of seen) {
      const key = PRICE_KEY[model];
      if (key === null) expect(line, model).toMatchObject({ priceKey: null });
      else
        expect(line, model).toMatchObject({
          priceKey: key,
          priceSource: 'litellm',
          priceValidFrom: '1970-01-01T00:00:00.000Z',
        });
    }
  }, 180_000);
});
