import { createInterface } from 'node:readline/promises';
import { UsageError } from '@rimuru/core';

/**
 * Asks before a destructive step. `--yes` skips the question; without a terminal to ask on
 * (scripts, CI) the command refuses instead of guessing, so nothing is deleted by accident.
 */
export async function confirmOrRefuse(question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (process.stdin.isTTY !== true || process.stderr.isTTY !== true) {
    throw new UsageError(`${question} Refusing without a terminal to confirm on: pass --yes`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
