import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A hand-made Claude Code home exercising every counting rule of the transcript format, with
 * the exact figures worked out by hand below each session.
 */
export const S1 = '11111111-1111-4111-8111-111111111111';
export const S2 = '22222222-2222-4222-8222-222222222222';
export const S3 = '33333333-3333-4333-8333-333333333333';
export const S4 = '44444444-4444-4444-8444-444444444444';

const SONNET = 'claude-sonnet-4-5-20250929';
const HAIKU = 'claude-haiku-4-5-20251001';
const BEDROCK_HAIKU = 'converse/jp.anthropic.claude-haiku-4-5-20251001-v1:0';

interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

function base(sessionId: string, cwd: string, timestamp: string, extra: Record<string, unknown> = {}) {
  return {
    parentUuid: null,
    isSidechain: false,
    userType: 'external',
    cwd,
    sessionId,
    version: '2.1.40',
    gitBranch: 'main',
    ...extra,
    timestamp,
  };
}

function user(sessionId: string, cwd: string, timestamp: string, text = 'hello'): string {
  const b = base(sessionId, cwd, timestamp);
  return JSON.stringify({ ...b, type: 'user', message: { role: 'user', content: text }, uuid: `u-${timestamp}` });
}

function assistant(o: {
  sessionId: string;
  cwd: string;
  timestamp: string;
  id: string;
  requestId?: string;
  model: string;
  usage: Usage;
  isSidechain?: boolean;
  costUSD?: number;
  version?: string;
}): string {
  const line: Record<string, unknown> = {
    parentUuid: null,
    isSidechain: o.isSidechain ?? false,
    userType: 'external',
    cwd: o.cwd,
    sessionId: o.sessionId,
    version: o.version ?? '2.1.40',
    gitBranch: 'main',
    message: {
      id: o.id,
      type: 'message',
      role: 'assistant',
      model: o.model,
      content: [{ type: 'text', text: 'SECRET-RESPONSE-TEXT' }],
      usage: { cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...o.usage, service_tier: 'standard' },
    },
  };
  if (o.requestId !== undefined) line.requestId = o.requestId;
  line.type = 'assistant';
  line.uuid = `a-${o.id}-${o.timestamp}`;
  line.timestamp = o.timestamp;
  if (o.costUSD !== undefined) line.costUSD = o.costUSD;
  return JSON.stringify(line);
}

const CWD1 = '/home/u/proj.a';
const CWD2 = '/home/u/proj-b';
const CWD3 = '/home/u/old';
const CWD4 = '/home/u/partial';

const streamedA = (output: number, timestamp: string, sessionId = S1, cwd = CWD1) =>
  assistant({
    sessionId,
    cwd,
    timestamp,
    id: 'msg_A',
    requestId: 'req_A',
    model: SONNET,
    usage: {
      input_tokens: 100,
      output_tokens: output,
      cache_read_input_tokens: 1000,
      cache_creation_input_tokens: 500,
      cache_creation: { ephemeral_5m_input_tokens: 300, ephemeral_1h_input_tokens: 200 },
    },
  });

export interface FixtureFile {
  path: string;
  content: string | Buffer;
}

function claudeFixtureFiles(home: string): FixtureFile[] {
  const dotClaude = join(home, '.claude', 'projects');
  const xdgClaude = join(home, '.config', 'claude', 'projects');
  const s1 = [
    user(S1, CWD1, '2026-11-20T10:00:00.000Z'),
    // One response written as three content blocks: output grows, the last copy is the truth.
    streamedA(10, '2026-11-20T10:00:05.000Z'),
    streamedA(50, '2026-11-20T10:00:06.000Z'),
    streamedA(120, '2026-11-20T10:00:07.000Z'),
    // A proxy capture with no requestId, written twice.
    assistant({
      sessionId: S1,
      cwd: CWD1,
      timestamp: '2026-11-20T10:01:00.000Z',
      id: 'msg_bdrk_B',
      model: BEDROCK_HAIKU,
      usage: { input_tokens: 10, output_tokens: 20 },
    }),
    assistant({
      sessionId: S1,
      cwd: CWD1,
      timestamp: '2026-11-20T10:01:01.000Z',
      id: 'msg_bdrk_B',
      model: BEDROCK_HAIKU,
      usage: { input_tokens: 10, output_tokens: 20 },
    }),
    // Subagent usage nested in a progress line: already counted from the subagent file.
    JSON.stringify({
      ...base(S1, CWD1, '2026-11-20T10:03:00.000Z'),
      type: 'progress',
      data: {
        type: 'agent_progress',
        message: { message: { id: 'msg_D', model: HAIKU, usage: { input_tokens: 99999, output_tokens: 99999 } } },
      },
      uuid: 'p-1',
    }),
    'this is not json {',
    '',
    `${user(S1, CWD1, '2026-11-20T10:04:30.000Z', 'crlf line')}\r`,
    JSON.stringify({ type: 'summary', summary: 'Fixture work', leafUuid: 'u-x' }),
    // A locally generated message: no usage, but it is the session's last activity.
    assistant({
      sessionId: S1,
      cwd: CWD1,
      timestamp: '2026-11-20T10:05:00.000Z',
      id: 'synthetic-1',
      model: '<synthetic>',
      usage: { input_tokens: 0, output_tokens: 0 },
    }),
  ];
  const binaryGarbage = Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x0a]);
  const s1Subagent = [
    // Sidechain replay of the parent's message: same message id, new request id, larger cache read.
    assistant({
      sessionId: S1,
      cwd: CWD1,
      timestamp: '2026-11-20T10:02:00.000Z',
      id: 'msg_A',
      requestId: 'req_SIDE',
      model: SONNET,
      isSidechain: true,
      usage: { input_tokens: 100, output_tokens: 120, cache_read_input_tokens: 5000 },
    }),
    assistant({
      sessionId: S1,
      cwd: CWD1,
      timestamp: '2026-11-20T10:02:30.000Z',
      id: 'msg_D',
      requestId: 'req_D',
      model: HAIKU,
      isSidechain: true,
      usage: { input_tokens: 5, output_tokens: 7 },
    }),
  ];
  const s1Compact = [
    assistant({
      sessionId: S1,
      cwd: CWD1,
      timestamp: '2026-11-20T10:04:00.000Z',
      id: 'msg_E',
      requestId: 'req_E',
      model: SONNET,
      isSidechain: true,
      usage: { input_tokens: 1000, output_tokens: 300 },
    }),
  ];
  const s2 = [
    user(S2, CWD2, '2026-11-21T09:00:00.000Z'),
    // A fork copies the parent's message: counted once, in the original session.
    streamedA(120, '2026-11-21T09:00:05.000Z', S2, CWD2),
    assistant({
      sessionId: S2,
      cwd: CWD2,
      timestamp: '2026-11-21T09:00:10.000Z',
      id: 'msg_F',
      requestId: 'req_F',
      model: SONNET,
      usage: { input_tokens: 1, output_tokens: 2 },
    }),
  ];
  const s3 = [
    assistant({
      sessionId: S3,
      cwd: CWD3,
      timestamp: '2025-06-01T08:00:00.000Z',
      id: 'msg_G',
      requestId: 'req_G',
      model: 'claude-3-5-sonnet-20241022',
      version: '1.0.30',
      costUSD: 0.5,
      usage: { input_tokens: 10, output_tokens: 10 },
    }),
    // 1.0.x wrote Task conversations inline; a distinct message id still counts.
    assistant({
      sessionId: S3,
      cwd: CWD3,
      timestamp: '2025-06-01T08:00:30.000Z',
      id: 'msg_H',
      requestId: 'req_H',
      model: 'claude-3-5-sonnet-20241022',
      version: '1.0.30',
      costUSD: 0.25,
      isSidechain: true,
      usage: { input_tokens: 1, output_tokens: 1 },
    }),
  ];
  const s4Complete = assistant({
    sessionId: S4,
    cwd: CWD4,
    timestamp: '2026-11-22T12:00:00.000Z',
    id: 'msg_I',
    requestId: 'req_I',
    model: SONNET,
    usage: { input_tokens: 40, output_tokens: 2 },
  });
  return [
    {
      path: join(dotClaude, '-home-u-proj-a', `${S1}.jsonl`),
      content: Buffer.concat([Buffer.from(`${s1.join('\n')}\n`), binaryGarbage]),
    },
    {
      path: join(dotClaude, '-home-u-proj-a', S1, 'subagents', 'agent-a1b2c3.jsonl'),
      content: `${s1Subagent.join('\n')}\n`,
    },
    {
      path: join(dotClaude, '-home-u-proj-a', S1, 'subagents', 'agent-acompact-9f8e7d.jsonl'),
      content: `${s1Compact.join('\n')}\n`,
    },
    { path: join(xdgClaude, '-home-u-proj-b', `${S2}.jsonl`), content: `${s2.join('\n')}\n` },
    { path: join(dotClaude, '-home-u-old', `${S3}.jsonl`), content: `${s3.join('\n')}\n` },
    // The agent is still writing the last line: it must not be consumed yet.
    { path: join(dotClaude, '-home-u-partial', `${S4}.jsonl`), content: s4Complete.slice(0, 60) },
  ];
}

/** The rest of S4's last line, as the agent finishes writing it. */
export function s4Completion(): string {
  const full = assistant({
    sessionId: S4,
    cwd: CWD4,
    timestamp: '2026-11-22T12:00:00.000Z',
    id: 'msg_I',
    requestId: 'req_I',
    model: SONNET,
    usage: { input_tokens: 40, output_tokens: 2 },
  });
  return `${full.slice(60)}\n`;
}

export async function writeClaudeFixture(home: string): Promise<FixtureFile[]> {
  const files = claudeFixtureFiles(home);
  for (const f of files) {
    await mkdir(dirname(f.path), { recursive: true });
    await writeFile(f.path, f.content);
  }
  return files;
}

/** Worked out by hand from the lines above. */
export const EXPECTED = {
  [S1]: {
    projectPath: CWD1,
    startedAt: '2026-11-20T10:00:00.000Z',
    endedAt: '2026-11-20T10:05:00.000Z',
    durationMs: 300_000,
    // msg_A (last streamed copy) + msg_bdrk_B once + msg_D + msg_E; the sidechain replay is dropped.
    inputTokens: 100 + 10 + 5 + 1000,
    outputTokens: 120 + 20 + 7 + 300,
    cacheReadTokens: 1000,
    cacheWriteTokens: 500,
    totalTokens: 1115 + 447 + 1000 + 500,
    requestCount: 4,
    model: SONNET,
    models: [HAIKU, SONNET, BEDROCK_HAIKU].sort(),
  },
  [S2]: {
    projectPath: CWD2,
    startedAt: '2026-11-21T09:00:00.000Z',
    endedAt: '2026-11-21T09:00:10.000Z',
    durationMs: 10_000,
    inputTokens: 1,
    outputTokens: 2,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    totalTokens: 3,
    requestCount: 1,
    model: SONNET,
    models: [SONNET],
  },
  [S3]: {
    projectPath: CWD3,
    startedAt: '2025-06-01T08:00:00.000Z',
    endedAt: '2025-06-01T08:00:30.000Z',
    durationMs: 30_000,
    inputTokens: 11,
    outputTokens: 11,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    totalTokens: 22,
    requestCount: 2,
    model: 'claude-3-5-sonnet-20241022',
    models: ['claude-3-5-sonnet-20241022'],
    costUsd: 0.75,
    costSource: 'recorded',
  },
} as const;

export const EXPECTED_DIAGNOSTICS = 2;
