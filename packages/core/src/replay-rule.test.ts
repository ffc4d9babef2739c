import { describe, expect, it } from 'vitest';
import { isDroppedReplay, noteReplayOriginal, type ReplayFacts, type ReplayOriginals } from './replay-rule.js';

const original = (dedupeKey: string, replayKey: string | null = 'r'): ReplayFacts => ({
  dedupeKey,
  replayKey,
  isReplayCopy: false,
});
const copy = (dedupeKey: string, replayKey: string | null = 'r'): ReplayFacts => ({
  dedupeKey,
  replayKey,
  isReplayCopy: true,
});

function originalsOf(...records: ReplayFacts[]): ReplayOriginals {
  const originals: ReplayOriginals = new Map();
  for (const record of records) noteReplayOriginal(originals, record);
  return originals;
}

describe('the replay rule', () => {
  it('drops a copy once an original with its replay key and another dedupe key is known', () => {
    expect(isDroppedReplay(copy('c1'), originalsOf(original('o1')))).toBe(true);
  });

  it('keeps a copy whose original is not known, or whose only "original" is itself', () => {
    expect(isDroppedReplay(copy('c1'), originalsOf())).toBe(false);
    expect(isDroppedReplay(copy('c1'), originalsOf(original('o1', 'other')))).toBe(false);
    expect(isDroppedReplay(copy('same'), originalsOf(original('same')))).toBe(false);
  });

  it('never drops originals or records without a replay key', () => {
    const originals = originalsOf(original('o1'), original('o2'));
    expect(isDroppedReplay(original('o2'), originals)).toBe(false);
    expect(isDroppedReplay(copy('c1', null), originals)).toBe(false);
  });

  it('does not take copies for originals', () => {
    expect(isDroppedReplay(copy('c2'), originalsOf(copy('c1')))).toBe(false);
  });
});
