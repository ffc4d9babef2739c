/**
 * A set of strings kept as 32-bit hashes: `mayHold` never answers false for a string that was
 * added, and answers true for one that was not only on a hash collision (about n / 2^32). It
 * lets an import skip asking the store about keys that cannot be there, in a few bytes per
 * key: a million dedupe keys cost 8 MiB, where a Set of the strings would cost ~100 MiB.
 */
export class KeyFilter {
  /** Open addressing, linear probing; 0 marks an empty slot (hashes are never 0). */
  private slots = new Uint32Array(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(key: string): void {
    // At most half full: probes stay short.
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    if (insert(this.slots, hashOf(key))) this.count += 1;
  }

  mayHold(key: string): boolean {
    const slots = this.slots;
    const mask = slots.length - 1;
    const hash = hashOf(key);
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = slots[i]!;
      if (slot === hash) return true;
      if (slot === 0) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 1) if (old[i] !== 0) insert(this.slots, old[i]!);
  }
}

/** Puts `hash` in the table; false when it was there already. */
function insert(slots: Uint32Array, hash: number): boolean {
  const mask = slots.length - 1;
  for (let i = hash & mask; ; i = (i + 1) & mask) {
    const slot = slots[i]!;
    if (slot === hash) return false;
    if (slot === 0) {
      slots[i] = hash;
      return true;
    }
  }
}

/** FNV-1a over UTF-16 code units, finished with a murmur3 mix so that nearby keys spread; never 0. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h >>>= 0;
  return h === 0 ? 1 : h;
}
