import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isRimuruError } from '@rimuru/core';
import {
  CodexUsageTape,
  codexJsonl,
  codexSessionMetaLine,
  codexSessionPath,
  drainEvents,
  eventsOfType,
} from '@rimuru/test-utils/codex';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codexAdapter } from './adapter.js';

let home: TempHome;
beforeEach(async () => {
  home = await createTempHome('rimuru-codex-discover-');
});
afterEach(async () => {
  await home.cleanup();
});

const T = '2026-02-23T11:40:00.000Z';
const ID_A = '019c8a4c-0000-7000-8000-00000000000a';
const ID_B = '019c8a4c-0000-7000-8000-00000000000b';
const ID_C = '019c8a4c-0000-7000-8000-00000000000c';

function rollout(id: string): string {
  const tape = new CodexUsageTape();
  return codexJsonl([
    codexSessionMetaLine({ timestamp: T, id }),
    tape.request('2026-02-23T11:40:05.000Z', { input: 10, output: 1 }),
  ]);
}

const ctxFor = (env: Record<string, string> = {}) => testAdapterContext({ homeDir: home.dir, env });
const rel = (paths: { path: string }[]) => paths.map((s) => s.path.slice(home.dir.length + 1));

describe('codexAdapter discovery', () => {
  it('is the codex agent', () => {
    expect(codexAdapter.id).toBe('codex');
    expect(codexAdapter.label).toBe('Codex');
  });

  it('detects nothing and lists nothing in an empty home', async () => {
    const ctx = ctxFor();
    expect(await codexAdapter.detect(ctx)).toBe(false);
    expect(await codexAdapter.discover(ctx)).toEqual([]);
    expect(await codexAdapter.roots(ctx)).toEqual([]);
    await home.mkdir('.codex');
    expect(await codexAdapter.detect(ctx)).toBe(false);
  });

  it('lists dated rollouts then archived ones, sorted, in append mode; ignores other files', async () => {
    await home.write(`.codex/${codexSessionPath('2026-02-24T09:00:00Z', ID_B)}`, rollout(ID_B));
    await home.write(`.codex/${codexSessionPath(T, ID_A)}`, rollout(ID_A));
    await home.write(`.codex/archived_sessions/rollout-2026-01-01T00-00-00-${ID_C}.jsonl`, rollout(ID_C));
    await home.write('.codex/archived_sessions/nested/rollout-x.jsonl', rollout(ID_C));
    await home.write('.codex/history.jsonl', '{"session_id":"x","ts":1,"text":"hi"}\n');
    await home.write('.codex/sessions/2026/02/23/notes.jsonl', '{}\n');
    const ctx = ctxFor();
    expect(await codexAdapter.detect(ctx)).toBe(true);
    const sources = await codexAdapter.discover(ctx);
    expect(rel(sources)).toEqual([
      `.codex/${codexSessionPath(T, ID_A)}`,
      `.codex/${codexSessionPath('2026-02-24T09:00:00Z', ID_B)}`,
      `.codex/archived_sessions/rollout-2026-01-01T00-00-00-${ID_C}.jsonl`,
    ]);
    expect(sources.every((s) => s.mode === 'append')).toBe(true);
    expect(await codexAdapter.roots(ctx)).toEqual([
      join(home.dir, '.codex/sessions'),
      join(home.dir, '.codex/archived_sessions'),
    ]);
  });

  it('prefers the sessions/ copy when an archived file has the same name', async () => {
    const live = codexSessionPath(T, ID_A);
    await home.write(`.codex/${live}`, rollout(ID_A));
    await home.write(`.codex/archived_sessions/${live.split('/').pop()}`, rollout(ID_A));
    expect(rel(await codexAdapter.discover(ctxFor()))).toEqual([`.codex/${live}`]);
  });

  it('detects archived-only homes', async () => {
    await home.write(`.codex/archived_sessions/rollout-2026-01-01T00-00-00-${ID_C}.jsonl`, rollout(ID_C));
    expect(await codexAdapter.detect(ctxFor())).toBe(true);
  });

  it('reads a comma-separated CODEX_HOME in order instead of ~/.codex, each home once', async () => {
    await home.write(`.codex/${codexSessionPath(T, ID_A)}`, rollout(ID_A));
    await home.write(`work/${codexSessionPath(T, ID_B)}`, rollout(ID_B));
    await home.write(`personal/${codexSessionPath(T, ID_C)}`, rollout(ID_C));
    await symlink(join(home.dir, 'work'), join(home.dir, 'work-link'));
    const ctx = ctxFor({ CODEX_HOME: ` ~/work, ${join(home.dir, 'personal')},,work-link, ~/missing` });
    expect(rel(await codexAdapter.discover(ctx))).toEqual([
      `work/${codexSessionPath(T, ID_B)}`,
      `personal/${codexSessionPath(T, ID_C)}`,
    ]);
  });

  it('throws one RimuruError when CODEX_HOME names no existing directory', async () => {
    const ctx = ctxFor({ CODEX_HOME: '/nonexistent/codex-a,/nonexistent/codex-b' });
    const error = await codexAdapter.discover(ctx).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isRimuruError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'SOURCE_ERROR' });
    expect(String((error as Error).message)).not.toContain('\n');
  });

  it('reads discovered sources through the adapter', async () => {
    await home.write(`.codex/${codexSessionPath(T, ID_A)}`, rollout(ID_A));
    const ctx = ctxFor();
    const [source] = await codexAdapter.discover(ctx);
    const events = await drainEvents(codexAdapter.read(source!, { offset: 0, state: null }, ctx));
    expect(eventsOfType(events, 'usage').map((u) => u.sessionExternalId)).toEqual([ID_A]);
  });
});
