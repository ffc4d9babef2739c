import { appendFile, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceCheckpoint } from '@rimuru/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSource, type SourcePlan } from './source-plan.js';

function checkpointFrom(plan: SourcePlan, path: string, offset: number): SourceCheckpoint {
  if (plan.action !== 'read') throw new Error('expected a read plan');
  return {
    agentType: 'test',
    path,
    ...plan.identity,
    offset,
    state: { line: 3 },
    diagnosticCount: 0,
    updatedAt: new Date(),
  };
}

describe('planSource', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rimuru-plan-'));
    path = join(dir, 'a.jsonl');
    await writeFile(path, 'line one\nline two\n');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  const append = { path: '', mode: 'append' as const };

  it('reads a new file from the start', async () => {
    const plan = await planSource({ ...append, path }, null);
    expect(plan).toMatchObject({ action: 'read', reason: 'new', from: { offset: 0, state: null } });
  });

  it('skips an unchanged file without reading it', async () => {
    const first = await planSource({ ...append, path }, null);
    const plan = await planSource({ ...append, path }, checkpointFrom(first, path, 18));
    expect(plan).toEqual({ action: 'skip', reason: 'unchanged' });
  });

  it('resumes a grown file at the stored offset with the stored state', async () => {
    const first = await planSource({ ...append, path }, null);
    const checkpoint = checkpointFrom(first, path, 18);
    await appendFile(path, 'line three\n');
    const plan = await planSource({ ...append, path }, checkpoint);
    expect(plan).toMatchObject({ action: 'read', reason: 'grown', from: { offset: 18, state: { line: 3 } } });
  });

  it('re-reads a truncated file from the start', async () => {
    const first = await planSource({ ...append, path }, null);
    const checkpoint = checkpointFrom(first, path, 18);
    await writeFile(path, 'line\n');
    expect(await planSource({ ...append, path }, checkpoint)).toMatchObject({
      action: 'read',
      reason: 'truncated',
      from: { offset: 0 },
    });
  });

  it('re-reads a file rewritten in place with different leading bytes', async () => {
    const first = await planSource({ ...append, path }, null);
    const checkpoint = checkpointFrom(first, path, 18);
    await writeFile(path, 'LINE ONE\nline two\nline three\n');
    expect(await planSource({ ...append, path }, checkpoint)).toMatchObject({
      action: 'read',
      reason: 'rewritten',
      from: { offset: 0 },
    });
  });

  it('re-reads a file replaced by another with the same name', async () => {
    const first = await planSource({ ...append, path }, null);
    const checkpoint = checkpointFrom(first, path, 18);
    const other = join(dir, 'b.jsonl');
    await writeFile(other, 'line one\nline two\nmore\n');
    await rename(other, path);
    expect(await planSource({ ...append, path }, checkpoint)).toMatchObject({ action: 'read', reason: 'replaced' });
  });

  it('re-reads a snapshot source whole when it changes, handing back the state of its last read', async () => {
    const snapshot = { path, mode: 'snapshot' as const };
    const first = await planSource(snapshot, null);
    expect(first).toMatchObject({ from: { offset: 0, state: null } });
    const checkpoint = { ...checkpointFrom(first, path, 18), state: { totals: [1, 2] } };
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    expect(await planSource(snapshot, checkpoint)).toMatchObject({
      action: 'read',
      reason: 'changed',
      from: { offset: 0, state: { totals: [1, 2] } },
    });
  });

  it('skips a file that vanished after discovery', async () => {
    await rm(path);
    expect(await planSource({ ...append, path }, null)).toEqual({ action: 'skip', reason: 'vanished' });
  });
});
