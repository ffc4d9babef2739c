// @module-tag built
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';

/**
 * Claude Code lines in a shape this version does not know (usage moved to a made-up field):
 * every line parses and carries a session and a time, none yields a request.
 */
function driftedTranscript(sessionId: string, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const timestamp = new Date(Date.UTC(2026, 10, 20, 10, 0, i)).toISOString();
    out.push(
      JSON.stringify({
        type: 'assistant',
        sessionId,
        cwd: '/work/app',
        timestamp,
        uuid: `${sessionId}-${i}`,
        message: {
          id: `msg_${sessionId}_${i}`,
          role: 'assistant',
          model: 'claude-sonnet-4-5',
          tokenUsageV2: { in: 10, out: 20 },
        },
      }),
    );
  }
  return `${out.join('\n')}\n`;
}

describe('format-drift alarm', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const project = () => join(sandbox.home, '.claude', 'projects', '-work-app');

  beforeAll(async () => {
    sandbox = await makeSandbox();
    await mkdir(project(), { recursive: true });
    for (const id of ['a1', 'b2', 'c3', 'd4'])
      await writeFile(join(project(), `${id}.jsonl`), driftedTranscript(id, 5));
  });
  afterAll(async () => sandbox.cleanup());

  it('warns once per agent on stderr and in the JSON summary when changed files yield no usage', async () => {
    const table = await runCli(['sync'], sandbox.env);
    expect(table.code, table.stderr).toBe(0);
    const warnings = table.stderr.split('\n').filter((line) => line.startsWith('warning: claude-code:'));
    expect(warnings).toEqual([
      'warning: claude-code: 4 files changed, 0 usage records: its format may have changed; `rimuru sync --verbose` lists them',
    ]);

    await writeFile(join(project(), 'e5.jsonl'), driftedTranscript('e5', 3));
    await writeFile(join(project(), 'f6.jsonl'), driftedTranscript('f6', 3));
    await writeFile(join(project(), 'g7.jsonl'), driftedTranscript('g7', 3));
    const json = await runCli(['sync', '--format', 'json'], sandbox.env);
    expect(json.code, json.stderr).toBe(0);
    const summary = JSON.parse(json.stdout) as {
      formatDrift: { agentType: string; reason: string; sourcesChanged: number }[];
    };
    expect(summary.formatDrift).toEqual([
      expect.objectContaining({ agentType: 'claude-code', reason: 'no-usage', sourcesChanged: 3 }),
    ]);
  });

  it('is kept for agents and doctor until a sync reads the agent cleanly', async () => {
    const agents = await runCli(['agents', '--format', 'json', '--no-sync'], sandbox.env);
    expect(agents.code, agents.stderr).toBe(0);
    const byType = new Map(
      (JSON.parse(agents.stdout) as { type: string; formatDrift: string | null }[]).map((a) => [a.type, a.formatDrift]),
    );
    expect(byType.get('claude-code')).toMatch(/^claude-code: 3 files changed, 0 usage records/);
    expect(byType.get('codex')).toBeNull();
    const doctor = await runCli(['doctor', '--format', 'json'], sandbox.env);
    const checks = (JSON.parse(doctor.stdout) as { checks: { name: string; status: string; detail: string }[] }).checks;
    expect(checks.find((c) => c.name === 'claude-code format')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/format may have changed/) as unknown,
    });
  });

  it('stays quiet when nothing changed, and once the files yield usage again', async () => {
    const again = await runCli(['sync', '--format', 'json'], sandbox.env);
    expect((JSON.parse(again.stdout) as { formatDrift: unknown[] }).formatDrift).toEqual([]);
    const usage = JSON.stringify({
      type: 'assistant',
      sessionId: 'h8',
      cwd: '/work/app',
      timestamp: '2026-11-21T10:00:00.000Z',
      uuid: 'h8-0',
      requestId: 'req_h8',
      message: {
        id: 'msg_h8',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        usage: { input_tokens: 10, output_tokens: 20 },
      },
    });
    for (const id of ['h8', 'i9', 'j0'])
      await writeFile(join(project(), `${id}.jsonl`), `${usage.replaceAll('h8', id)}\n`);
    const healed = await runCli(['sync'], sandbox.env);
    expect(healed.code, healed.stderr).toBe(0);
    expect(healed.stderr).not.toMatch(/format may have changed/);
    const agents = await runCli(['agents', '--format', 'json', '--no-sync'], sandbox.env);
    expect(
      (JSON.parse(agents.stdout) as { type: string; formatDrift: string | null }[]).every(
        (a) => a.formatDrift === null,
      ),
    ).toBe(true);
  });
});
