import { join } from 'node:path';
import type { TokenCounts } from '@rimuru/core';
import {
  claudeAgentProgressLine,
  claudeAssistantLine,
  claudeQueueOperationLine,
  claudeUserLine,
  encodeClaudeProjectDir,
  type ClaudeAssistantInit,
} from './lines.js';
import { LineWriter } from './line-writer.js';
import { Prng } from './prng.js';
import { SessionTruthBuilder, type ClaudeHomeTruth, type ClaudeSessionTruth } from './truth.js';

export interface ClaudeHomeOptions {
  sessions: number;
  requestsPerSession: number;
  seed: number;
  /** `dot-claude` writes `~/.claude/projects`, `xdg` writes `~/.config/claude/projects`. */
  root?: 'dot-claude' | 'xdg';
  /** First session start (ISO UTC); sessions follow one hour apart. */
  start?: string;
  /** cwd pool; the default includes `/a.b/c` and `/a-b/c`, which share an encoded dir name. */
  projects?: readonly string[];
  /** Every n-th session spawns a subagent (own file, replayed parent message, progress copies); 0 = never. */
  subagentEvery?: number;
  /** Every n-th session has an auto-compaction agent file; 0 = never. */
  compactionEvery?: number;
  /** Subagents in the 2.0.x flat layout (`<project>/agent-<id>.jsonl`) instead of `<sid>/subagents/`. */
  flatSubagents?: boolean;
  /** Extra characters of text per assistant block, to grow files for benchmarks. */
  padBytes?: number;
}

const DEFAULT_PROJECTS = ['/home/dev/app', '/home/dev/a.b/c', '/home/dev/a-b/c', '/home/dev/tool kit'];
const MAIN_MODELS = ['claude-opus-4-6', 'claude-sonnet-4-5-20250929'];
const SUB_MODEL = 'claude-haiku-4-5-20251001';

interface Request {
  messageId: string;
  requestId: string;
  model: string;
  tokens: TokenCounts;
  /** Whether lines carry the nested 5m/1h split; without it every write reads as 5-minute. */
  nested: boolean;
}

/** Session-local generation state: the clock, the writers and the truth. */
interface SessionRun {
  prng: Prng;
  sessionId: string;
  cwd: string;
  ms: number;
  truth: SessionTruthBuilder;
  padding: string;
  written: { bytes: number; lines: number };
}

async function closeCounted(run: SessionRun, writer: LineWriter): Promise<void> {
  await writer.close();
  run.written.bytes += writer.bytes;
  run.written.lines += writer.lines;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function randomTokens(prng: Prng): TokenCounts {
  const oneHour = prng.chance(0.5);
  return {
    input: prng.int(1, 60),
    output: prng.int(5, 4000),
    cacheRead: prng.chance(0.9) ? prng.int(1000, 180_000) : 0,
    cacheWrite5m: oneHour ? 0 : prng.int(0, 20_000),
    cacheWrite1h: oneHour ? prng.int(0, 20_000) : 0,
    reasoning: 0,
  };
}

/**
 * Writes one response as Claude Code does: a line per content block, each repeating the
 * message id, request id and usage, with `output_tokens` growing to its final value
 * (streamed snapshots), blocks sometimes out of order so "first copy wins" is wrong.
 */
async function writeResponse(
  run: SessionRun,
  out: LineWriter,
  request: Request,
  extra: Partial<ClaudeAssistantInit>,
): Promise<string> {
  const blocks = run.prng.int(1, 3);
  const outputs = Array.from({ length: blocks }, (_, i) =>
    Math.max(1, Math.floor((request.tokens.output * (i + 1)) / blocks)),
  );
  if (blocks > 1 && run.prng.chance(0.3)) outputs.reverse();
  let lastUuid = '';
  for (const output of outputs) {
    run.ms += run.prng.int(50, 2000);
    run.truth.seen(run.ms);
    lastUuid = run.prng.uuid();
    await out.add(
      claudeAssistantLine({
        sessionId: run.sessionId,
        cwd: run.cwd,
        timestamp: iso(run.ms),
        uuid: lastUuid,
        model: request.model,
        messageId: request.messageId,
        requestId: request.requestId,
        text: `block${run.padding}`,
        usage: {
          input: request.tokens.input,
          output,
          cacheRead: request.tokens.cacheRead,
          cacheWrite5m: request.tokens.cacheWrite5m,
          cacheWrite1h: request.tokens.cacheWrite1h,
          nested: request.nested,
        },
        ...extra,
      }),
    );
  }
  return lastUuid;
}

function newRequest(prng: Prng, model: string): Request {
  const tokens = randomTokens(prng);
  const nested = prng.chance(0.85);
  if (!nested) {
    tokens.cacheWrite5m += tokens.cacheWrite1h;
    tokens.cacheWrite1h = 0;
  }
  return { messageId: `msg_01${prng.hex(22)}`, requestId: `req_011C${prng.hex(20)}`, model, tokens, nested };
}

async function writeSubagent(run: SessionRun, parent: LineWriter, path: string, replay: Request | null): Promise<void> {
  const agentId = `a${run.prng.hex(7)}`;
  const sub = new LineWriter(path);
  run.truth.file(path);
  const base = { sessionId: run.sessionId, cwd: run.cwd, isSidechain: true, agentId } as const;
  run.ms += 500;
  run.truth.seen(run.ms);
  await sub.add(
    claudeUserLine({ ...base, timestamp: iso(run.ms), uuid: run.prng.uuid(), text: 'Investigate the failing test' }),
  );
  for (let i = 0; i < 2; i += 1) {
    const request = newRequest(run.prng, SUB_MODEL);
    await writeResponse(run, sub, request, base);
    run.truth.billed(request.model, request.tokens);
    // The parent's progress line nests a copy of the subagent message, usage included.
    run.ms += 10;
    run.truth.seen(run.ms);
    await parent.add(
      claudeAgentProgressLine({
        sessionId: run.sessionId,
        cwd: run.cwd,
        timestamp: iso(run.ms),
        uuid: run.prng.uuid(),
        nested: {
          ...base,
          uuid: run.prng.uuid(),
          timestamp: iso(run.ms),
          model: request.model,
          messageId: request.messageId,
          requestId: request.requestId,
          usage: { ...request.tokens, nested: request.nested },
        },
      }),
    );
  }
  if (replay !== null) {
    // A sidechain replay of a parent message: same message id, new request id, more cache read.
    const replayed: Request = {
      ...replay,
      requestId: `req_011C${run.prng.hex(20)}`,
      tokens: { ...replay.tokens, cacheRead: replay.tokens.cacheRead + 5000 },
    };
    await writeResponse(run, sub, replayed, base);
  }
  await closeCounted(run, sub);
}

async function writeCompaction(run: SessionRun, path: string): Promise<void> {
  const agentId = `acompact-${run.prng.hex(6)}`;
  const file = new LineWriter(path);
  run.truth.file(path);
  const base = { sessionId: run.sessionId, cwd: run.cwd, isSidechain: true, agentId } as const;
  run.ms += 300;
  run.truth.seen(run.ms);
  await file.add(
    claudeUserLine({ ...base, timestamp: iso(run.ms), uuid: run.prng.uuid(), text: 'Summarise the conversation' }),
  );
  const request = newRequest(run.prng, 'claude-opus-4-6');
  await writeResponse(run, file, request, base);
  run.truth.billed(request.model, request.tokens);
  await closeCounted(run, file);
}

async function writeSession(
  prng: Prng,
  index: number,
  projectsDir: string,
  options: ClaudeHomeOptions,
  startMs: number,
): Promise<{ truth: ClaudeSessionTruth; bytes: number; lines: number }> {
  const projects = options.projects ?? DEFAULT_PROJECTS;
  const sessionId = prng.uuid();
  const cwd = prng.pick(projects);
  const projectDir = join(projectsDir, encodeClaudeProjectDir(cwd));
  const mainPath = join(projectDir, `${sessionId}.jsonl`);
  const run: SessionRun = {
    prng,
    sessionId,
    cwd,
    ms: startMs + index * 3_600_000 + prng.int(0, 600_000),
    truth: new SessionTruthBuilder(sessionId, cwd),
    padding: ' '.repeat(options.padBytes ?? 0),
    written: { bytes: 0, lines: 0 },
  };
  const main = new LineWriter(mainPath);
  run.truth.file(mainPath);
  const subagentEvery = options.subagentEvery ?? 3;
  const compactionEvery = options.compactionEvery ?? 5;
  const spawnAt =
    subagentEvery > 0 && index % subagentEvery === subagentEvery - 1 ? Math.floor(options.requestsPerSession / 2) : -1;
  let model = prng.pick(MAIN_MODELS);

  for (let r = 0; r < options.requestsPerSession; r += 1) {
    run.ms += prng.int(1000, 30_000);
    run.truth.seen(run.ms);
    await main.add(claudeUserLine({ sessionId, cwd, timestamp: iso(run.ms), uuid: prng.uuid(), text: `Request ${r}` }));
    if (prng.chance(0.05)) {
      run.ms += 5;
      run.truth.seen(run.ms);
      await main.add(claudeQueueOperationLine({ sessionId, timestamp: iso(run.ms), content: 'queued' }));
    }
    if (prng.chance(0.05)) {
      // Locally generated reply: zero usage, no billing, but still activity.
      run.ms += 5;
      run.truth.seen(run.ms);
      await main.add(
        claudeAssistantLine({
          sessionId,
          cwd,
          timestamp: iso(run.ms),
          uuid: prng.uuid(),
          model: '<synthetic>',
          messageId: prng.uuid(),
          requestId: null,
          text: 'No response requested.',
          usage: { input: 0, output: 0, nested: false, serviceTier: null },
        }),
      );
    }
    if (prng.chance(0.1)) model = prng.pick(MAIN_MODELS);
    const request = newRequest(prng, model);
    await writeResponse(run, main, request, {});
    run.truth.billed(request.model, request.tokens);
    if (r === spawnAt) {
      const path = options.flatSubagents
        ? join(projectDir, `agent-${prng.hex(8)}.jsonl`)
        : join(projectDir, sessionId, 'subagents', `agent-a${prng.hex(7)}.jsonl`);
      await writeSubagent(run, main, path, request);
    }
  }
  if (compactionEvery > 0 && index % compactionEvery === compactionEvery - 1) {
    await writeCompaction(run, join(projectDir, sessionId, 'subagents', `agent-acompact-${prng.hex(6)}.jsonl`));
  }
  await closeCounted(run, main);
  return { truth: run.truth.build(), ...run.written };
}

/**
 * Writes a deterministic synthetic Claude Code home under `home` and returns the exact
 * per-session figures a correct reader must report. Files stream to disk, so large homes
 * (set `sessions`, `requestsPerSession`, `padBytes`) take constant memory.
 */
export async function generateClaudeHome(home: string, options: ClaudeHomeOptions): Promise<ClaudeHomeTruth> {
  const prng = new Prng(options.seed);
  const projectsDir =
    options.root === 'xdg' ? join(home, '.config', 'claude', 'projects') : join(home, '.claude', 'projects');
  const startMs = Date.parse(options.start ?? '2026-01-05T09:00:00.000Z');
  const sessions: ClaudeSessionTruth[] = [];
  const files: string[] = [];
  let bytes = 0;
  let lines = 0;
  for (let i = 0; i < options.sessions; i += 1) {
    const session = await writeSession(prng, i, projectsDir, options, startMs);
    sessions.push(session.truth);
    files.push(...session.truth.files);
    bytes += session.bytes;
    lines += session.lines;
  }
  return { projectsDir, sessions, files: files.sort(), bytes, lines };
}
