import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZERO_TOKENS, addTokens, type TokenCounts } from '@rimuru/core';
import { Prng } from '../claude/prng.js';

export interface CodebuffTruth {
  /** Token totals per session id (`<channel>/<project>/<chat id>`), chats with usage only. */
  tokens: Map<string, TokenCounts>;
  projects: Map<string, string | null>;
  /** Chats without any usage (credits only): tokens unknown. */
  tokenless: string[];
}

/** `2026-07-16T00-09-00.236Z`: how Codebuff names a chat folder. */
function codebuffChatId(ms: number): string {
  return new Date(ms).toISOString().replace(/:/g, '-');
}

/**
 * A synthetic Codebuff home under `~/.config/manicode`: chats whose assistant messages carry
 * `metadata.usage` (Anthropic-style fields), one with OpenAI-style `prompt_tokens` including
 * cached tokens, and a credits-only chat without tokens (the common real case), each with a
 * `run-state.json` naming the working directory. Deterministic for a seed.
 */
export async function writeCodebuffHome(dir: string, seed = 3): Promise<CodebuffTruth> {
  const rng = new Prng(seed);
  const truth: CodebuffTruth = { tokens: new Map(), projects: new Map(), tokenless: [] };
  const base = Date.UTC(2026, 6, 16, 0, 9, 0, 236);
  const chats = [
    { project: 'webapp', kind: 'anthropic' },
    { project: 'webapp', kind: 'openai' },
    { project: 'cli-tool', kind: 'credits' },
  ] as const;
  for (const [n, chat] of chats.entries()) {
    const start = base + n * 7_200_000;
    const chatId = codebuffChatId(start);
    const chatDir = join(dir, '.config', 'manicode', 'projects', chat.project, 'chats', chatId);
    const sessionId = `manicode/${chat.project}/${chatId}`;
    const cwd = `/home/dev/${chat.project}`;
    const messages: unknown[] = [];
    let total: TokenCounts = { ...ZERO_TOKENS };
    for (let turn = 0; turn < rng.int(1, 3); turn += 1) {
      const at = new Date(start + (turn + 1) * 60_000).toISOString();
      messages.push({ id: `u-${n}-${turn}`, variant: 'user', content: `please do thing ${turn}`, timestamp: at });
      const reply: Record<string, unknown> = {
        id: `a-${n}-${turn}`,
        variant: 'ai',
        content: 'done',
        timestamp: at,
        credits: rng.int(1, 40),
      };
      if (chat.kind === 'anthropic') {
        const t: TokenCounts = {
          ...ZERO_TOKENS,
          input: rng.int(1, 300),
          output: rng.int(1, 900),
          cacheRead: rng.int(0, 9000),
          cacheWrite5m: rng.int(0, 900),
        };
        reply['metadata'] = {
          model: 'anthropic/claude-sonnet-4.5',
          usage: {
            inputTokens: t.input,
            outputTokens: t.output,
            cacheReadInputTokens: t.cacheRead,
            cacheCreationInputTokens: t.cacheWrite5m,
          },
        };
        total = addTokens(total, t);
      } else if (chat.kind === 'openai') {
        const cached = rng.int(0, 4000);
        const prompt = cached + rng.int(1, 500);
        const out = rng.int(1, 600);
        reply['metadata'] = {
          model: 'openai/gpt-5.1',
          usage: { prompt_tokens: prompt, completion_tokens: out, prompt_tokens_details: { cached_tokens: cached } },
        };
        total = addTokens(total, { ...ZERO_TOKENS, input: prompt - cached, output: out, cacheRead: cached });
      }
      messages.push(reply);
    }
    await mkdir(chatDir, { recursive: true });
    await writeFile(join(chatDir, 'chat-messages.json'), JSON.stringify(messages, null, 2));
    await writeFile(
      join(chatDir, 'run-state.json'),
      JSON.stringify({
        sessionState: {
          fileContext: { cwd },
          mainAgentState: { agentType: 'base', creditsUsed: 42, contextTokenCount: 1234 },
        },
      }),
    );
    truth.projects.set(sessionId, cwd);
    if (chat.kind === 'credits') truth.tokenless.push(sessionId);
    else truth.tokens.set(sessionId, total);
  }
  return truth;
}
