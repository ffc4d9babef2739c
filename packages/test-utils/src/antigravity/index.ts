import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { Prng } from '../claude/prng.js';

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

/** Protobuf field encoders, for writing `gen_metadata` rows the way Antigravity lays them out. */
const pb = {
  int: (field: number, value: number): number[] => [...varint((field << 3) | 0), ...varint(value)],
  bytes: (field: number, value: number[] | Uint8Array): number[] => [
    ...varint((field << 3) | 2),
    ...varint(value.length),
    ...value,
  ],
  text: (field: number, value: string): number[] => pb.bytes(field, [...Buffer.from(value, 'utf8')]),
};

export interface GenerationInit {
  input: number;
  output: number;
  thinking: number;
  cacheRead?: number;
  responseId?: string;
  model?: string;
  createdAtSeconds?: number;
}

/** One `gen_metadata.data` blob: CortexStepGeneratorMetadata{chatModel{usage, start, model}}. */
export function genMetadataBlob(g: GenerationInit): Uint8Array {
  const usage = [
    ...pb.int(1, 1016),
    ...pb.int(2, g.input),
    ...pb.int(3, g.output),
    ...(g.cacheRead ? pb.int(5, g.cacheRead) : []),
    ...pb.int(9, g.output - g.thinking),
    ...pb.int(10, g.thinking),
    ...(g.responseId === undefined ? [] : pb.text(11, g.responseId)),
  ];
  const chat = [
    ...pb.bytes(4, usage),
    ...(g.createdAtSeconds === undefined ? [] : pb.bytes(9, pb.bytes(4, pb.int(1, g.createdAtSeconds)))),
    ...(g.model === undefined ? [] : pb.text(19, g.model)),
    ...pb.bytes(20, [...pb.text(1, 'model_enum'), ...pb.text(2, 'MODEL_PLACEHOLDER_M16')]),
    ...pb.text(21, 'Gemini 3.1 Pro (High)'),
  ];
  return Uint8Array.from([...pb.bytes(1, chat), ...pb.bytes(2, [0, 1])]);
}

export interface AntigravityHomeOptions {
  conversations: number;
  generationsPerConversation: number;
  seed: number;
  start?: string;
}

export interface AntigravityConversationTruth {
  id: string;
  tokens: { input: number; output: number; cacheRead: number; reasoning: number };
  generations: number;
  models: string[];
  startedAt: string;
  endedAt: string;
}

/**
 * A deterministic `~/.gemini/antigravity-cli` with `conversations/<id>.db` (a `gen_metadata`
 * table of protobuf rows, one generation written twice under the same response id) and the
 * matching `brain/<id>/.system_generated/logs/transcript.jsonl` step logs.
 */
export async function generateAntigravityHome(
  homeDir: string,
  options: AntigravityHomeOptions,
): Promise<{ dataDir: string; conversations: AntigravityConversationTruth[] }> {
  const rng = new Prng(options.seed);
  const dataDir = join(homeDir, '.gemini', 'antigravity-cli');
  await mkdir(join(dataDir, 'conversations'), { recursive: true });
  const start = Date.parse(options.start ?? '2026-06-21T13:00:00.000Z') / 1000;
  const conversations: AntigravityConversationTruth[] = [];
  for (let c = 0; c < options.conversations; c += 1) {
    const id = rng.uuid();
    const dbPath = join(dataDir, 'conversations', `${id}.db`);
    const db = new Database(dbPath);
    const truth: AntigravityConversationTruth = {
      id,
      tokens: { input: 0, output: 0, cacheRead: 0, reasoning: 0 },
      generations: 0,
      models: [],
      startedAt: '',
      endedAt: '',
    };
    const steps: string[] = [];
    const base = start + c * 3600;
    try {
      db.exec(
        'CREATE TABLE gen_metadata (idx INTEGER PRIMARY KEY, data BLOB); CREATE TABLE steps (idx INTEGER PRIMARY KEY, step BLOB)',
      );
      const insert = db.prepare('INSERT INTO gen_metadata (idx, data) VALUES (?, ?)');
      let idx = 0;
      const models = new Set<string>();
      for (let g = 0; g < options.generationsPerConversation; g += 1) {
        const at = base + 10 + g * 30;
        const output = rng.int(20, 2000);
        const gen: GenerationInit = {
          input: rng.int(100, 40000),
          output,
          thinking: rng.int(0, output),
          cacheRead: g % 2 === 1 ? rng.int(1000, 90000) : 0,
          responseId: `resp-${rng.hex(10)}`,
          model: rng.pick(['gemini-pro-default', 'gemini-3-flash']),
          createdAtSeconds: at,
        };
        insert.run(idx++, Buffer.from(genMetadataBlob(gen)));
        // The same generation persisted twice (a retried write) counts once.
        if (g === 0) insert.run(idx++, Buffer.from(genMetadataBlob(gen)));
        truth.tokens.input += gen.input;
        truth.tokens.output += gen.output;
        truth.tokens.cacheRead += gen.cacheRead ?? 0;
        truth.tokens.reasoning += gen.thinking;
        truth.generations += 1;
        models.add(gen.model as string);
        steps.push(
          JSON.stringify({
            step_index: g * 2,
            source: 'USER_EXPLICIT',
            type: 'USER_INPUT',
            status: 'DONE',
            created_at: new Date((at - 5) * 1000).toISOString().replace('.000Z', 'Z'),
            content: 'go',
          }),
        );
        steps.push(
          JSON.stringify({
            step_index: g * 2 + 1,
            source: 'MODEL',
            type: 'PLANNER_RESPONSE',
            status: 'DONE',
            created_at: new Date((at + 2) * 1000).toISOString().replace('.000Z', 'Z'),
            content: 'ok',
            thinking: '…',
          }),
        );
      }
      truth.models = [...models].sort();
      truth.startedAt = new Date((base + 5) * 1000).toISOString();
      truth.endedAt = new Date((base + 10 + (options.generationsPerConversation - 1) * 30 + 2) * 1000).toISOString();
    } finally {
      db.close();
    }
    const when = new Date(Date.parse(truth.endedAt));
    await utimes(dbPath, when, when);
    const logs = join(dataDir, 'brain', id, '.system_generated', 'logs');
    await mkdir(logs, { recursive: true });
    await writeFile(join(logs, 'transcript.jsonl'), `${steps.join('\n')}\n`);
    conversations.push(truth);
  }
  return { dataDir, conversations };
}
