import { describe, expect, it } from 'vitest';
import { nonCachedInput } from './input-tokens.js';

const CLINE = { kind: 'cline' } as const;
const ROO = { kind: 'roo', inclusiveSinceMs: Date.UTC(2025, 10, 1) } as const;
const BEFORE = Date.UTC(2025, 9, 15);
const AFTER = Date.UTC(2025, 11, 1);

describe('non-cached input of a Cline-family request', () => {
  it('takes Cline tokensIn as the remainder for normalising providers and splits the cache out for prompt-inclusive ones', () => {
    const raw = { tokensIn: 12_000, cacheReads: 10_000, cacheWrites: 500 };
    expect(nonCachedInput(CLINE, raw, { ts: AFTER, providerId: 'anthropic', apiProtocol: null })).toBe(12_000);
    expect(nonCachedInput(CLINE, raw, { ts: AFTER, providerId: 'openrouter', apiProtocol: null })).toBe(12_000);
    expect(nonCachedInput(CLINE, raw, { ts: AFTER, providerId: 'openai', apiProtocol: null })).toBe(1_500);
    expect(nonCachedInput(CLINE, raw, { ts: AFTER, providerId: 'xai', apiProtocol: null })).toBe(1_500);
    // Unknown provider: Cline's own convention (disjoint buckets).
    expect(nonCachedInput(CLINE, raw, { ts: AFTER, providerId: null, apiProtocol: null })).toBe(12_000);
  });

  it('never reads a prompt smaller than its cached part as inclusive', () => {
    const raw = { tokensIn: 3, cacheReads: 40_000, cacheWrites: 0 };
    expect(nonCachedInput(CLINE, raw, { ts: AFTER, providerId: 'openai', apiProtocol: null })).toBe(3);
    expect(nonCachedInput(ROO, raw, { ts: AFTER, providerId: null, apiProtocol: 'anthropic' })).toBe(3);
  });

  it('splits Roo tokensIn from the release on for every protocol, before it only for OpenAI-protocol requests', () => {
    const raw = { tokensIn: 50_000, cacheReads: 30_000, cacheWrites: 5_000 };
    expect(nonCachedInput(ROO, raw, { ts: AFTER, providerId: null, apiProtocol: 'anthropic' })).toBe(15_000);
    expect(nonCachedInput(ROO, raw, { ts: AFTER, providerId: null, apiProtocol: 'openai' })).toBe(15_000);
    expect(nonCachedInput(ROO, raw, { ts: BEFORE, providerId: null, apiProtocol: 'openai' })).toBe(15_000);
    expect(nonCachedInput(ROO, raw, { ts: BEFORE, providerId: null, apiProtocol: 'anthropic' })).toBe(50_000);
    expect(nonCachedInput(ROO, raw, { ts: BEFORE, providerId: null, apiProtocol: null })).toBe(50_000);
  });

  it('leaves uncached requests alone', () => {
    expect(
      nonCachedInput(
        ROO,
        { tokensIn: 900, cacheReads: 0, cacheWrites: 0 },
        { ts: AFTER, providerId: null, apiProtocol: 'openai' },
      ),
    ).toBe(900);
  });
});
