import type { IngestBatch, IngestResult, SessionStore } from '@rimuru/db';

/** When a group is committed: whichever limit is reached first. */
export interface GroupLimits {
  batches: number;
  usage: number;
  /** Milliseconds since the group's first batch. */
  ageMs: number;
}

/**
 * A first import of thousands of small files would otherwise commit thousands of tiny
 * transactions. The limits bound a group's memory (priced usage waits in it), and its age
 * bounds what a killed sync loses (it resumes after the last committed group) and how long
 * progress, which counts committed bytes, stands still. Every COMMIT writes each index page
 * the group touched (dedupe keys are random, so most of them): on a 269 MiB first import,
 * 256 batches / 16 000 records a group took the main thread's CPU from 3.6–3.8 s to
 * 3.1–3.4 s against 32 / 4 000 (46 commits → 15).
 */
const DEFAULT_GROUP_LIMITS: Readonly<GroupLimits> = Object.freeze({ batches: 256, usage: 16_000, ageMs: 1000 });

interface Pending {
  batch: IngestBatch;
  committed: (result: IngestResult) => void;
}

/**
 * Checkpointed stretches waiting to be written together: consecutive batches, in order, go to
 * the store in one transaction (`ingestMany`), which gives each batch the result it would
 * have had alone. Each batch's `committed` runs, in order, once its group is written.
 */
export class IngestGroup {
  private pending: Pending[] = [];
  private usage = 0;
  private startedAt = 0;
  /**
   * Batches the current group may hold: 1 for the first group, doubling up to the limit. The
   * first stretches of an import are then committed right away (visible to other commands, kept
   * if the sync is killed), and the later, larger groups still save most of the writes.
   */
  private room = 1;

  constructor(
    private readonly store: SessionStore,
    private readonly limits: GroupLimits = DEFAULT_GROUP_LIMITS,
  ) {}

  async add(batch: IngestBatch, committed: (result: IngestResult) => void): Promise<void> {
    if (this.pending.length === 0) this.startedAt = performance.now();
    this.pending.push({ batch, committed });
    this.usage += batch.usage.length;
    if (
      this.pending.length >= Math.min(this.room, this.limits.batches) ||
      this.usage >= this.limits.usage ||
      performance.now() - this.startedAt >= this.limits.ageMs
    ) {
      await this.flush();
    }
  }

  /** Writes whatever waits; a no-op when nothing does. */
  async flush(): Promise<void> {
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    this.usage = 0;
    this.room = Math.min(this.room * 2, this.limits.batches);
    const results = await this.store.ingestMany(group.map((p) => p.batch));
    group.forEach((p, i) => p.committed(results[i]!));
  }
}
