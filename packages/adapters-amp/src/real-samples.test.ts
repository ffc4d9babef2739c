import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The corpus sits beside the repo (/work/shared next to /work/main); it is never copied in.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = resolve(repoRoot, '../shared/real-samples');
const ampDir = join(samples, 'amp');

describe.skipIf(!existsSync(samples))('real Amp samples', () => {
  it('the corpus holds no Amp thread and the oracle reports none (format learnt from public parsers instead)', () => {
    // MORE-AGENTS.md lists Amp under "Not found": public repos only carry inline JSON strings.
    expect(existsSync(ampDir)).toBe(false);
    const oracle = JSON.parse(readFileSync(join(samples, 'ccusage-oracle-more-agents.json'), 'utf8')) as Record<string, { agent?: string }>;
    expect(Object.keys(oracle).length).toBeGreaterThan(0);
    expect(Object.entries(oracle).filter(([path, entry]) => path.startsWith('amp/') || entry.agent === 'amp')).toEqual([]);
  });
});
