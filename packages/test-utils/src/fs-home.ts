import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AdapterContext, Logger } from '@rimuru/core';

/** A throwaway home directory under the OS temp dir; never the real home. */
export interface TempHome {
  dir: string;
  /** Writes `content` at `relative` inside the home, creating parent dirs; returns the absolute path. */
  write(relative: string, content: string | Uint8Array): Promise<string>;
  /** Creates a directory inside the home; returns the absolute path. */
  mkdir(relative: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function createTempHome(prefix = 'rimuru-home-'): Promise<TempHome> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return {
    dir,
    async write(relative, content) {
      const path = join(dir, relative);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    async mkdir(relative) {
      const path = join(dir, relative);
      await mkdir(path, { recursive: true });
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs `fn` with a fresh temp home and removes it afterwards, even when `fn` throws. */
export async function withTempHome<T>(fn: (home: TempHome) => Promise<T>, prefix?: string): Promise<T> {
  const home = await createTempHome(prefix);
  try {
    return await fn(home);
  } finally {
    await home.cleanup();
  }
}

/** A logger that keeps messages for assertions instead of printing them. */
export interface MemoryLogger extends Logger {
  messages: { level: 'debug' | 'warn'; message: string }[];
}

function memoryLogger(): MemoryLogger {
  const messages: MemoryLogger['messages'] = [];
  return {
    messages,
    debug: (message) => messages.push({ level: 'debug', message }),
    warn: (message) => messages.push({ level: 'warn', message }),
  };
}

export interface TestContextInit {
  homeDir: string;
  /** Only these variables exist: the process environment never leaks in. */
  env?: Record<string, string | undefined>;
  platform?: string;
  now?: Date | (() => Date);
}

/** An adapter context rooted in a temp home, with a fixed clock by default. */
export function testAdapterContext(init: TestContextInit): AdapterContext & { logger: MemoryLogger } {
  const now = init.now ?? new Date('2026-01-01T00:00:00.000Z');
  return {
    homeDir: init.homeDir,
    env: { ...(init.env ?? {}) },
    platform: init.platform ?? 'linux',
    now: typeof now === 'function' ? now : () => new Date(now.getTime()),
    logger: memoryLogger(),
  };
}
