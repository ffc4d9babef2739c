import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent, AgentAdapter, TokenCounts } from '@rimuru/core';
import { describe, it } from 'vitest';
import { readDiscovered } from '../contract/read-all.js';
import { testAdapterContext, withTempHome, type TempHome } from '../fs-home.js';

/**
 * The shared corpus of real agent files and what ccusage 20.0.24 reported for them. It sits
 * beside the repo (`<repo>/../shared/real-samples`, e.g. /work/shared next to /work/main) and is
 * never copied in: tests read it in place or copy it into temp homes.
 */
// src/real-samples/ and dist/real-samples/ both sit four levels below the repo root.
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const REAL_SAMPLES_DIR = resolve(REPO_ROOT, '../shared/real-samples');

/** A path inside the corpus. */
export function samplePath(...relative: string[]): string {
  return join(REAL_SAMPLES_DIR, ...relative);
}

export type CorpusGate = { run: true } | { run: false; fail: boolean; reason: string };

/**
 * Whether a suite that `needs` these corpus paths runs. A corpus that holds no sample of an agent
 * is a skip anywhere; a corpus that is missing altogether is a skip on a developer machine but a
 * failure under CI, so a CI that lost `../shared` cannot pass by skipping every real sample.
 */
export function corpusGate(needs: readonly string[], options: { dir?: string; ci?: boolean } = {}): CorpusGate {
  const dir = options.dir ?? REAL_SAMPLES_DIR;
  const ci = options.ci ?? process.env['CI'] === 'true';
  if (!existsSync(dir)) return { run: false, fail: ci, reason: `no real-samples corpus at ${dir}` };
  const missing = needs.filter((path) => !existsSync(join(dir, path)));
  return missing.length === 0
    ? { run: true }
    : { run: false, fail: false, reason: `the corpus has no ${missing.join(', ')}` };
}

/**
 * `describe` for a suite over the corpus (see `corpusGate`). When it does not run, its body is
 * never called (so it may read the oracles at collection time): one skipped test says why, or,
 * under CI without the corpus, one failing test.
 */
export function describeRealSamples(name: string, needs: readonly string[], body: () => void): void {
  const gate = corpusGate(needs);
  if (gate.run) {
    describe(name, body);
  } else if (gate.fail) {
    describe(name, () => {
      it('needs the real-samples corpus under CI', () => {
        throw new Error(ciWithoutCorpus(gate.reason));
      });
    });
  } else {
    describe.skip(name, () => {
      it(gate.reason, () => {});
    });
  }
}

/**
 * `it` for one test over the corpus, beside tests that need none (see `corpusGate`): skipped,
 * its reason in its name, when it does not run; under CI without the corpus, failing instead.
 */
export function itRealSamples(name: string, needs: readonly string[], body: () => unknown, timeout?: number): void {
  const gate = corpusGate(needs);
  if (gate.run) it(name, async () => void (await body()), timeout);
  else if (gate.fail)
    it(name, () => {
      throw new Error(ciWithoutCorpus(gate.reason));
    });
  else it.skip(`${name} (${gate.reason})`, () => {});
}

function ciWithoutCorpus(reason: string): string {
  return `CI=true and ${reason}: check out the shared corpus beside the repo`;
}

/** A session in ccusage-oracle.json (claude-code, codex, and the bonus gemini/copilot units). */
export interface OracleSession {
  id: string;
  input: number;
  output: number;
  cacheRead: number;
  cacheCreation: number;
  totalTokens: number;
  models: string[];
  /** Codex: the rollout file's stem. */
  sessionFile?: string;
  reasoningOutputTokens?: number;
}

/** A set of sample files ccusage read together, with the sessions it reported. */
export interface OracleUnit {
  unit: string;
  files: { sample: string; home_path?: string }[];
  sessions: OracleSession[];
}

/** A session in ccusage-oracle-more-agents.json. */
export interface MoreAgentsSession {
  sessionId: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
  totalTokens: number;
  modelsUsed: string[];
}

/** What ccusage reported for one sample (or for the `unit` of samples it was read with). */
export interface MoreAgentsEntry {
  agent: string;
  unit?: string[];
  sessions: MoreAgentsSession[];
  totals: { totalTokens: number } | null;
}

const parsed = new Map<string, unknown>();
function readOracle(name: string): unknown {
  if (!parsed.has(name)) parsed.set(name, JSON.parse(readFileSync(samplePath(name), 'utf8')) as unknown);
  return parsed.get(name);
}

/** The units ccusage-oracle.json lists under `key` (`claude-code`, `codex`, `gemini (bonus)`, `copilot (bonus)`). */
export function oracleUnits(key: string): OracleUnit[] {
  return (readOracle('ccusage-oracle.json') as { units: Record<string, OracleUnit[]> }).units[key] ?? [];
}

/** ccusage-oracle-more-agents.json: per sample path (relative to the corpus). */
export function moreAgentsOracle(): Record<string, MoreAgentsEntry> {
  return readOracle('ccusage-oracle-more-agents.json') as Record<string, MoreAgentsEntry>;
}

/** The more-agents oracle's entries of one agent (its folder of the corpus), as [sample, entry]. */
export function moreAgentsEntries(agent: string): [string, MoreAgentsEntry][] {
  return Object.entries(moreAgentsOracle()).filter(
    ([sample, entry]) => sample.startsWith(`${agent}/`) || entry.agent === agent,
  );
}

/**
 * Runs the corpus's place-more-agents.sh: copies the samples of `agent` (all, or only `samples`,
 * relative to the corpus) to where the agent itself keeps them under `homeDir`.
 */
function placeAgentSamples(agent: string, homeDir: string, samples: readonly string[] = []): void {
  execFileSync('bash', [samplePath('place-more-agents.sh'), agent, homeDir, ...samples], { stdio: 'ignore' });
}

/**
 * Places the samples of `agent` (all, or only `samples`) in a temp home as place-more-agents.sh
 * does, reads every source `adapter` discovers there from the start, and hands the events and the
 * home to `fn`; the home is removed afterwards.
 */
export function withPlacedSamples<T>(
  adapter: AgentAdapter,
  agent: string,
  fn: (events: AdapterEvent[], home: TempHome) => T | Promise<T>,
  samples: readonly string[] = [],
): Promise<T> {
  return withTempHome(async (home) => {
    placeAgentSamples(agent, home.dir, samples);
    return fn(await readDiscovered(adapter, testAdapterContext({ homeDir: home.dir })), home);
  }, `rimuru-${agent}-real-`);
}

/** Copies samples to the given places: [sample relative to the corpus, target relative to `homeDir`]. */
export async function copySamples(
  homeDir: string,
  files: readonly (readonly [sample: string, target: string])[],
): Promise<void> {
  for (const [sample, target] of files) {
    const to = join(homeDir, target);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(samplePath(sample), to);
  }
}

/** Token classes as ccusage reports them: input, output, cache read, cache creation. */
export type TokenClasses = [input: number, output: number, cacheRead: number, cacheCreation: number];

/** Rimuru's counts in ccusage's classes: both cache-write lifetimes are its one cache creation. */
export function ccusageClasses(tokens: TokenCounts): TokenClasses {
  return [tokens.input, tokens.output, tokens.cacheRead, tokens.cacheWrite5m + tokens.cacheWrite1h];
}

/** The classes ccusage reported for a session of either oracle. */
export function oracleClasses(session: OracleSession | MoreAgentsSession): TokenClasses {
  return 'sessionId' in session
    ? [session.inputTokens, session.outputTokens, session.cacheReadTokens, session.cacheCreationTokens]
    : [session.input, session.output, session.cacheRead, session.cacheCreation];
}

/** Class-wise sum (a unit's total over its sessions). */
export function sumClasses(all: Iterable<TokenClasses>): TokenClasses {
  const sum: TokenClasses = [0, 0, 0, 0];
  for (const [input, output, cacheRead, cacheCreation] of all) {
    sum[0] += input;
    sum[1] += output;
    sum[2] += cacheRead;
    sum[3] += cacheCreation;
  }
  return sum;
}
