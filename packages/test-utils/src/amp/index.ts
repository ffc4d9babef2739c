import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZERO_TOKENS, addTokens, type TokenCounts } from '@rimuru/core';
import { Prng } from '../claude/prng.js';

/** What the generator wrote, to compare a read against. */
export interface AmpTruth {
  /** Expected token totals per thread id (threads with usage only). */
  tokens: Map<string, TokenCounts>;
  /** Expected project path per thread id (null when none was written). */
  projects: Map<string, string | null>;
  /** Thread ids written without any usage at all (tokens unknown). */
  tokenless: string[];
  /** Usage events a correct reader emits (one per billable message or ledger event). */
  requests: number;
}

export interface AmpHomeOptions {
  seed?: number;
  threads?: number;
}

/** Relative path of a thread file in a home (`~/.local/share/amp/threads/T-….json`). */
function ampThreadPath(id: string): string {
  return join('.local', 'share', 'amp', 'threads', `${id}.json`);
}

const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-5-20251101', 'gpt-5.1'];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Writes a synthetic Amp home: current threads (per-message `usage`), one older thread with a
 * `usageLedger` whose events point at messages (some of which also carry `usage`, which must not
 * be counted twice), one thread without usage, and an all-zero aborted inference. Deterministic
 * for a seed. Returns the truth a reader must reproduce.
 */
export async function writeAmpHome(dir: string, options: AmpHomeOptions = {}): Promise<AmpTruth> {
  const rng = new Prng(options.seed ?? 7);
  const count = options.threads ?? 4;
  const truth: AmpTruth = { tokens: new Map(), projects: new Map(), tokenless: [], requests: 0 };
  const write = async (id: string, doc: unknown): Promise<void> => {
    const path = join(dir, ampThreadPath(id));
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`);
  };
  const base = Date.UTC(2025, 10, 3, 9, 0, 0);

  for (let t = 0; t < count; t += 1) {
    const id = `T-${rng.uuid()}`;
    const created = base + t * 3_600_000;
    const project = `/home/dev/project-${t}`;
    let total: TokenCounts = { ...ZERO_TOKENS };
    const messages: unknown[] = [];
    let clock = created;
    const turns = rng.int(1, 4);
    for (let m = 0; m < turns; m += 1) {
      clock += rng.int(1000, 60_000);
      messages.push({
        role: 'user',
        messageId: m * 2,
        content: [{ type: 'text', text: `ask ${m}` }],
        meta: { sentAt: clock },
      });
      clock += rng.int(1000, 60_000);
      const tokens: TokenCounts = {
        ...ZERO_TOKENS,
        input: rng.int(0, 50),
        output: rng.int(1, 900),
        cacheRead: rng.int(0, 20_000),
        cacheWrite5m: rng.int(0, 3000),
      };
      // Every other thread drops the usage timestamp: the reader dates it by the user's sentAt.
      const usage: Record<string, unknown> = {
        model: rng.pick(MODELS),
        inputTokens: tokens.input,
        outputTokens: tokens.output,
        cacheCreationInputTokens: tokens.cacheWrite5m,
        cacheReadInputTokens: tokens.cacheRead,
        totalInputTokens: tokens.input + tokens.cacheRead + tokens.cacheWrite5m,
        credits: rng.int(1, 90) / 10,
      };
      if (t % 2 === 0) usage['timestamp'] = iso(clock);
      messages.push({
        role: 'assistant',
        messageId: m * 2 + 1,
        content: [{ type: 'text', text: `answer ${m}` }],
        usage,
      });
      total = addTokens(total, tokens);
      truth.requests += 1;
    }
    // An aborted inference: all-zero usage is no request.
    messages.push({
      role: 'assistant',
      messageId: turns * 2,
      content: [],
      usage: { model: MODELS[0], inputTokens: 0, outputTokens: 0 },
    });
    await write(id, {
      v: rng.int(5, 60),
      id,
      created,
      title: `Thread ${t}`,
      messages,
      env: { initial: { trees: [{ displayName: `project-${t}`, uri: `file://${project}` }] } },
    });
    truth.tokens.set(id, total);
    truth.projects.set(id, project);
  }

  // An older thread: usage in the ledger; message 1 also has usage (same inference), message 3 has none.
  const ledgerId = `T-${rng.uuid()}`;
  const at = base + 86_400_000;
  await write(ledgerId, {
    v: 3,
    id: ledgerId,
    created: at,
    messages: [
      { role: 'user', messageId: 0, content: [{ type: 'text', text: 'hi' }] },
      {
        role: 'assistant',
        messageId: 1,
        usage: {
          model: 'claude-sonnet-4-20250514',
          inputTokens: 12,
          outputTokens: 40,
          cacheCreationInputTokens: 900,
          cacheReadInputTokens: 100,
          timestamp: iso(at + 5000),
        },
      },
      { role: 'user', messageId: 2, content: [{ type: 'text', text: 'more' }] },
      { role: 'assistant', messageId: 3, content: [{ type: 'text', text: 'ok' }] },
    ],
    usageLedger: {
      events: [
        {
          id: 'ev-1',
          timestamp: iso(at + 5000),
          model: 'claude-sonnet-4-20250514',
          credits: 1.5,
          tokens: { input: 12, output: 40, total: 52 },
          toMessageId: 1,
        },
        {
          id: 'ev-2',
          timestamp: iso(at + 9000),
          model: 'claude-sonnet-4-20250514',
          credits: 0.5,
          tokens: { input: 30, output: 7, total: 37 },
          toMessageId: 3,
        },
      ],
    },
  });
  truth.tokens.set(ledgerId, { ...ZERO_TOKENS, input: 12 + 30, output: 40 + 7, cacheRead: 100, cacheWrite5m: 900 });
  truth.projects.set(ledgerId, null);
  truth.requests += 2;

  // A thread that has only the user's first message so far: tokens unknown.
  const emptyId = `T-${rng.uuid()}`;
  await write(emptyId, {
    v: 1,
    id: emptyId,
    created: base + 2 * 86_400_000,
    messages: [{ role: 'user', messageId: 0, content: [] }],
  });
  truth.tokenless.push(emptyId);
  truth.projects.set(emptyId, null);
  return truth;
}
