import { Prng } from '../claude/prng.js';

/** Token classes in Rimuru's convention (`input` = non-cached), as a generator's truth. */
export interface PiTokensTruth {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/** How one synthetic assistant call is written. */
export type PiUsageStyle =
  /** Anthropic via pi: non-cached input, cache read and write, cost. */
  | 'anthropic'
  /** OpenAI via pi: non-cached input, cache read, no cache write. */
  | 'openai'
  /** pi's Google providers: `input` includes the cached tokens; totalTokens counts them once. */
  | 'google'
  /** An aborted or failed call: all-zero usage. */
  | 'aborted';

/**
 * Builds the lines of one pi-format session file (pi-agent and OpenClaw write the same
 * format): a header, then entries chained by `id`/`parentId`, each with an ISO `timestamp`.
 */
export class PiSessionLines {
  readonly lines: string[] = [];
  private lastId: string | null = null;

  constructor(private readonly rng: Prng) {}

  private nextId(): string {
    return this.rng.hex(8);
  }

  header(fields: {
    id: string;
    at: number;
    cwd: string;
    parentSession?: string;
    extra?: Record<string, unknown>;
  }): void {
    this.lines.push(
      JSON.stringify({
        type: 'session',
        version: 3,
        id: fields.id,
        timestamp: new Date(fields.at).toISOString(),
        cwd: fields.cwd,
        ...(fields.parentSession === undefined ? {} : { parentSession: fields.parentSession }),
        ...fields.extra,
      }),
    );
  }

  /** Any entry; returns its line so a test can copy it into a branch. */
  entry(type: string, at: number, fields: Record<string, unknown>): string {
    const id = this.nextId();
    const line = JSON.stringify({ type, id, parentId: this.lastId, timestamp: new Date(at).toISOString(), ...fields });
    this.lastId = id;
    this.lines.push(line);
    return line;
  }

  user(at: number, text: string): string {
    return this.entry('message', at, { message: { role: 'user', content: [{ type: 'text', text }], timestamp: at } });
  }

  /**
   * An assistant call started at `startedAt` and written at `at`; returns the line and what it
   * bills in Rimuru's classes. `model: null` leaves the model to the last `model_change`.
   */
  assistant(
    at: number,
    startedAt: number,
    model: string | null,
    provider: string,
    style: PiUsageStyle,
    size: PiTokensTruth,
  ): { line: string; truth: PiTokensTruth; cost: number | null } {
    const t = style === 'aborted' ? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 } : size;
    const cacheWrite = style === 'anthropic' ? t.cacheWrite : 0;
    const writtenInput = style === 'google' ? t.input + t.cacheRead : t.input;
    const total = t.input + t.output + t.cacheRead + cacheWrite;
    const cost = style === 'aborted' ? 0 : Math.round(total * 3) / 1_000_000;
    const usage = {
      input: writtenInput,
      output: t.output,
      cacheRead: t.cacheRead,
      cacheWrite,
      totalTokens: total,
      cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, total: cost },
    };
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: [{ type: 'text', text: 'done' }],
      api: style === 'google' ? 'google-generative-ai' : style === 'openai' ? 'openai-responses' : 'anthropic-messages',
      provider,
      ...(model === null ? {} : { model }),
      usage,
      stopReason: style === 'aborted' ? 'aborted' : 'stop',
      timestamp: startedAt,
    };
    const line = this.entry('message', at, { message });
    return {
      line,
      truth: { input: t.input, output: t.output, cacheRead: t.cacheRead, cacheWrite },
      cost: style === 'aborted' ? null : cost,
    };
  }

  /** Copies entries verbatim (a branch or fork writes its parent's entries unchanged). */
  copy(lines: readonly string[]): void {
    this.lines.push(...lines);
  }

  text(): string {
    return this.lines.map((l) => `${l}\n`).join('');
  }
}

export function addTruth(a: PiTokensTruth, b: PiTokensTruth): PiTokensTruth {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    cacheRead: a.cacheRead + b.cacheRead,
    cacheWrite: a.cacheWrite + b.cacheWrite,
  };
}

export const ZERO_TRUTH: PiTokensTruth = Object.freeze({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });

/** A plausible call size. */
export function callSize(rng: Prng): PiTokensTruth {
  return {
    input: rng.int(1, 4000),
    output: rng.int(1, 2000),
    cacheRead: rng.int(1, 90_000),
    cacheWrite: rng.int(0, 5000),
  };
}
