import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Prng } from '../claude/prng.js';

export interface KimiHomeOptions {
  sessions: number;
  callsPerSession: number;
  seed: number;
  start?: string;
}

interface KimiTokensTruth {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

interface KimiSessionTruth {
  sessionId: string;
  layout: 'kimi-cli' | 'kimi-code';
  projectPath: string;
  title: string | null;
  tokens: KimiTokensTruth;
  requestCount: number;
  models: string[];
  startedAt: string;
  endedAt: string;
}

export interface KimiHomeTruth {
  files: string[];
  sessions: KimiSessionTruth[];
}

const PROJECTS = ['/home/kim/app', '/home/kim/api', '/srv/tools'] as const;
const CODE_MODELS = ['kimi-code/kimi-for-coding', 'moonshot-ai/kimi-k2.7-code'] as const;
const CLI_MODEL = 'kimi-k2-turbo-preview';

const jsonl = (records: unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');

function size(rng: Prng): KimiTokensTruth {
  return {
    input: rng.int(1, 12_000),
    output: rng.int(1, 900),
    cacheRead: rng.int(0, 30_000),
    cacheWrite: rng.chance(0.2) ? rng.int(1, 500) : 0,
  };
}

/**
 * Writes a deterministic synthetic Kimi home with both layouts and returns what an adapter must
 * find: kimi-cli `wire.jsonl` logs (StatusUpdate per call, epoch-second floats) mapped to their
 * project through `kimi.json`, and Kimi Code sessions (state.json, `usage.record` lines echoed by
 * `step.end` loop events, session-scope aggregates, subagent files folded into the session).
 */
export async function generateKimiHome(homeDir: string, options: KimiHomeOptions): Promise<KimiHomeTruth> {
  const rng = new Prng(options.seed);
  const start = Date.parse(options.start ?? '2026-05-01T08:00:00.000Z');
  const truth: KimiHomeTruth = { files: [], sessions: [] };
  const write = async (relative: string, text: string, source = true): Promise<void> => {
    const path = join(homeDir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    if (source) truth.files.push(path);
  };
  const cliWorkDirs = new Set<string>();

  for (let s = 0; s < options.sessions; s += 1) {
    const base = start + s * 3_600_000;
    const cwd = rng.pick(PROJECTS);
    const add = (a: KimiTokensTruth, b: KimiTokensTruth): KimiTokensTruth => ({
      input: a.input + b.input,
      output: a.output + b.output,
      cacheRead: a.cacheRead + b.cacheRead,
      cacheWrite: a.cacheWrite + b.cacheWrite,
    });
    let tokens: KimiTokensTruth = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
    let t = base;
    if (s % 2 === 0) {
      // kimi-cli
      const id = rng.uuid();
      cliWorkDirs.add(cwd);
      const records: unknown[] = [{ type: 'metadata', protocol_version: '1.1' }];
      records.push({ timestamp: t / 1000, message: { type: 'TurnBegin', payload: { user_input: 'hello' } } });
      for (let c = 0; c < options.callsPerSession; c += 1) {
        t += rng.int(1000, 20_000);
        records.push({ timestamp: t / 1000, message: { type: 'StepBegin', payload: { n: c + 1 } } });
        const u = size(rng);
        t += rng.int(500, 5000);
        records.push({
          timestamp: t / 1000,
          message: {
            type: 'StatusUpdate',
            payload: {
              context_usage: 0.1,
              token_usage: {
                input_other: u.input,
                output: u.output,
                input_cache_read: u.cacheRead,
                input_cache_creation: u.cacheWrite,
              },
              message_id: `chatcmpl-${rng.hex(12)}`,
            },
          },
        });
        tokens = add(tokens, u);
      }
      const md5 = createHash('md5').update(cwd).digest('hex');
      await write(`.kimi/sessions/${md5}/${id}/wire.jsonl`, jsonl(records));
      truth.sessions.push({
        sessionId: id,
        layout: 'kimi-cli',
        projectPath: cwd,
        title: null,
        tokens,
        requestCount: options.callsPerSession,
        models: [CLI_MODEL],
        startedAt: new Date(Math.trunc(base)).toISOString(),
        endedAt: new Date(Math.trunc(t)).toISOString(),
      });
      continue;
    }
    // Kimi Code
    const id = `session_${rng.uuid()}`;
    const dir = `.kimi-code/sessions/wd_${cwd.split('/').pop() ?? 'p'}_${rng.hex(12)}/${id}`;
    const title = `task ${s}`;
    const models = new Set<string>();
    let requests = 0;
    const agentLog = (agentId: string, calls: number): unknown[] => {
      const model = rng.pick(CODE_MODELS);
      const records: unknown[] = [
        { type: 'metadata', protocol_version: '1.4', created_at: t },
        {
          type: 'config.update',
          modelAlias: model,
          thinkingEffort: 'on',
          time: t,
          ...(agentId === 'main' ? {} : { cwd }),
        },
        { type: 'turn.prompt', input: [{ type: 'text', text: 'go' }], time: t + 1, agentId },
      ];
      for (let c = 0; c < calls; c += 1) {
        t += rng.int(800, 9000);
        records.push({
          type: 'llm.request',
          kind: 'loop',
          provider: 'kimi',
          model: model.split('/').pop(),
          modelAlias: model,
          time: t,
          agentId,
        });
        const u = size(rng);
        t += rng.int(300, 4000);
        const usage = {
          inputOther: u.input,
          output: u.output,
          inputCacheRead: u.cacheRead,
          inputCacheCreation: u.cacheWrite,
        };
        records.push({
          type: 'context.append_loop_event',
          event: { type: 'step.end', usage, finishReason: 'tool_use' },
          time: t,
          agentId,
        });
        const named = rng.chance(0.7);
        records.push({ type: 'usage.record', ...(named ? { model } : {}), usage, usageScope: 'turn', time: t });
        tokens = add(tokens, u);
        models.add(model);
        requests += 1;
      }
      // An aggregate of the turn's steps: never counted.
      records.push({
        type: 'usage.record',
        model,
        usage: { inputOther: 1, output: 1, inputCacheRead: 1, inputCacheCreation: 0 },
        usageScope: 'session',
        time: t + 1,
      });
      records.push({ type: 'turn.ended', turnId: 0, reason: 'completed', time: t + 2, agentId });
      t += 2;
      return records;
    };
    const main = agentLog('main', options.callsPerSession);
    await write(`${dir}/agents/main/wire.jsonl`, jsonl(main));
    if (s % 3 === 1) await write(`${dir}/agents/agent-0/wire.jsonl`, jsonl(agentLog('agent-0', 2)));
    const agents = { main: { type: 'main', parentAgentId: null } };
    await write(
      `${dir}/state.json`,
      JSON.stringify({ createdAt: new Date(base).toISOString(), title, agents, workDir: cwd }, null, 2),
      false,
    );
    truth.sessions.push({
      sessionId: id,
      layout: 'kimi-code',
      projectPath: cwd,
      title,
      tokens,
      requestCount: requests,
      models: [...models].sort(),
      startedAt: new Date(base).toISOString(),
      endedAt: new Date(t).toISOString(),
    });
  }
  if (cliWorkDirs.size > 0) {
    const workDirs = [...cliWorkDirs].sort().map((path) => ({ path, kaos: 'local', last_session_id: null }));
    await write('.kimi/kimi.json', JSON.stringify({ work_dirs: workDirs }), false);
    await write('.kimi/config.toml', `default_model = "${CLI_MODEL}"\n`, false);
  }
  truth.files.sort();
  return truth;
}
