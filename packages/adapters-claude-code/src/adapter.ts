import type { AgentAdapter } from '@rimuru/core';
import { discoverTranscripts, hasTranscripts } from './discover.js';
import { readTranscript } from './read-transcript.js';
import { claudeProjectRoots } from './roots.js';

/** Reads Claude Code's JSONL transcripts (`~/.claude/projects/**`) into Rimuru events. */
export const claudeCodeAdapter: AgentAdapter = {
  id: 'claude-code',
  label: 'Claude Code',
  detect: (ctx) => hasTranscripts(ctx),
  roots: (ctx) => claudeProjectRoots(ctx),
  discover: (ctx) => discoverTranscripts(ctx),
  read: (source, from) => readTranscript(source.path, from),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
