import { describe, expect, it } from 'vitest';
import { KIMI_CLI_KEYS, KIMI_CODE_KEYS, parseKimiUsage } from './usage-tokens.js';

describe('parseKimiUsage', () => {
  it('maps input_other/inputOther to non-cached input and the cache classes apart', () => {
    expect(
      parseKimiUsage({ inputOther: 10, output: 2, inputCacheRead: 4, inputCacheCreation: 1 }, KIMI_CODE_KEYS),
    ).toEqual({
      ok: true,
      tokens: { input: 10, output: 2, cacheRead: 4, cacheWrite5m: 1, cacheWrite1h: 0, reasoning: 0 },
    });
    expect(parseKimiUsage({ input_other: 5, output: 3 }, KIMI_CLI_KEYS)).toEqual({
      ok: true,
      tokens: { input: 5, output: 3, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    });
  });

  it('rejects what is not a token count', () => {
    expect(parseKimiUsage({ inputOther: 1.5 }, KIMI_CODE_KEYS).ok).toBe(false);
    expect(parseKimiUsage({ input_other: '3' }, KIMI_CLI_KEYS).ok).toBe(false);
    expect(parseKimiUsage(null, KIMI_CLI_KEYS).ok).toBe(false);
  });
});
