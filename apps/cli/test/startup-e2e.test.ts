// @module-tag built
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, makeSandbox, runCli } from './cli-harness.js';

/**
 * Preloaded with --import: records the file of every module the process loads (ES modules
 * through a loader hook, CommonJS through require.cache) and writes the list at exit.
 */
const RECORDER = `
import { createRequire, register } from 'node:module';
import { writeFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on('message', (url) => { if (url.startsWith('file:')) loaded.add(new URL(url).pathname); });
port1.unref();
register('data:text/javascript,' + encodeURIComponent(
  'let port; export function initialize(d) { port = d.port; }' +
  'export async function load(url, context, next) { port.postMessage(url); return next(url, context); }'
), { data: { port: port2 }, transferList: [port2] });
const require = createRequire(import.meta.url);
process.on('exit', () => {
  for (const file of Object.keys(require.cache)) loaded.add(file);
  writeFileSync(process.env.RIMURU_TEST_MODULES_OUT, [...loaded].sort().join('\\n'));
});
`;

/**
 * What a read command loads is its start-up time: these are the heavy pieces that must stay
 * out of `sessions stats --format json --no-sync` (bundle: scripts/bundle.mjs; on-demand
 * dependencies: @rimuru/core's on-demand.ts, @rimuru/app-runtime's entries).
 */
describe('start-up of a read command', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let recorder: string;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    recorder = join(sandbox.root, 'record-modules.mjs');
    await writeFile(recorder, RECORDER);
    const sync = await runCli(['sync'], sandbox.env);
    expect(sync.code, sync.stderr).toBe(0);
  });
  afterAll(async () => sandbox?.cleanup());

  async function modulesLoadedBy(args: string[]): Promise<{ stdout: string; modules: string[] }> {
    const out = join(sandbox.root, 'modules.txt');
    const env = {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      NO_COLOR: '1',
      ...sandbox.env,
      RIMURU_TEST_MODULES_OUT: out,
    };
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', recorder, BIN_PATH, ...args], { env }, (error, stdoutText, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(stdoutText);
      });
    });
    return { stdout, modules: (await readFile(out, 'utf8')).split('\n').filter(Boolean) };
  }

  it('sessions stats --format json --no-sync loads oclif bundled, and no zod, luxon, adapter or table code', async () => {
    const { stdout, modules } = await modulesLoadedBy([
      'sessions',
      'stats',
      '--range',
      'all',
      '--format',
      'json',
      '--no-sync',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ totalSessions: 0 });
    const offending = modules.filter((file) =>
      /\/(zod|luxon|cli-table3|cli-progress)\/|\/@oclif\/core\/|\/adapters?-[a-z-]+\/|\/app-runtime\/dist\/(builtin-adapters|config-schema)/.test(
        file,
      ),
    );
    expect(offending).toEqual([]);
    // The CLI itself is a handful of bundled files, not one per source module.
    const cliFiles = modules.filter((file) => file.includes('/apps/cli/'));
    expect(cliFiles.length).toBeLessThan(25);
    // Nor is that code inlined in them: esbuild heads each bundled module with its path.
    const inlined: string[] = [];
    for (const file of cliFiles.filter((f) => f.endsWith('.js'))) {
      const text = await readFile(file, 'utf8');
      const hit = /^\/\/ .*(\/adapters?-[a-z-]+\/|\/(zod|luxon|cli-table3|cli-progress)@)/m.exec(text);
      if (hit) inlined.push(`${file}: ${hit[0]}`);
    }
    expect(inlined).toEqual([]);
  });

  it('--help loads nothing but the bundle', async () => {
    const { stdout, modules } = await modulesLoadedBy(['--help']);
    expect(stdout).toContain('sessions');
    expect(modules.filter((file) => file.includes('/node_modules/'))).toEqual([]);
  });
});
