import { isRecord } from '@rimuru/adapter-kit';

/**
 * Replays VS Code's chat `ObjectMutationLog` (`chatSessions/<id>.jsonl`, newer builds) to
 * the session's final state. Entry kinds (VS Code `objectMutationLog.ts`, `EntryKind`):
 * - `{kind:0, v}` initial: the whole state (first line; compaction rewrites the file so a
 *   new initial is first again). One found later replaces the state, as VS Code's reader does;
 * - `{kind:1, k:[path…], v}` set (an empty path replaces the whole state);
 * - `{kind:2, k:[path…], v?:[items], i?:n}` push: when `i` is present the array is first
 *   cut to length `i`, then the items are appended. This truncation is why the log is not
 *   append-only in meaning: a later line can remove requests an earlier line added;
 * - `{kind:3, k:[path…]}` delete.
 * Where VS Code would throw (no initial entry yet, a path through a missing object), the
 * entry is rejected with a reason and replay continues with the next one.
 */
export class MutationLogReplay {
  private current: unknown = undefined;
  private initialised = false;

  /** The replayed state; undefined until an initial entry was applied. */
  get state(): unknown {
    return this.current;
  }

  /** Applies one parsed entry; returns why it was rejected, or null when applied. */
  apply(entry: unknown): string | null {
    if (!isRecord(entry)) return 'entry is not a JSON object';
    const kind = entry['kind'];
    if (kind === 0) {
      if (!('v' in entry)) return 'initial entry without v';
      this.current = entry['v'];
      this.initialised = true;
      return null;
    }
    if (kind !== 1 && kind !== 2 && kind !== 3) return `unknown entry kind ${JSON.stringify(kind)}`;
    if (!this.initialised) return 'mutation before the initial entry';
    const path = entry['k'];
    if (!isPath(path)) return 'entry path k is not an array of keys';
    if (kind === 1) return this.set(path, entry['v']);
    if (kind === 3) return this.remove(path);
    return this.push(path, entry['v'], entry['i']);
  }

  private set(path: Key[], value: unknown): string | null {
    if (value === undefined) return 'set entry without v';
    if (path.length === 0) {
      this.current = value;
      return null;
    }
    const parent = this.parentOf(path);
    if (typeof parent === 'string') return parent;
    const last = path[path.length - 1] as Key;
    if (Array.isArray(parent)) {
      if (typeof last !== 'number' || last > parent.length) return `cannot set index ${String(last)} of an array`;
      parent[last] = value;
    } else {
      parent[last] = value;
    }
    return null;
  }

  private remove(path: Key[]): string | null {
    if (path.length === 0) return 'delete entry with an empty path';
    const parent = this.parentOf(path);
    if (typeof parent === 'string') return parent;
    const last = path[path.length - 1] as Key;
    if (Array.isArray(parent)) {
      // VS Code assigns undefined, which JSON keeps as a hole (null) in an array.
      if (typeof last === 'number' && last < parent.length) parent[last] = null;
    } else {
      delete parent[last];
    }
    return null;
  }

  private push(path: Key[], values: unknown, truncateAt: unknown): string | null {
    if (path.length === 0) return 'push entry with an empty path';
    if (values !== undefined && !Array.isArray(values)) return 'push entry whose v is not an array';
    if (
      truncateAt !== undefined &&
      !(typeof truncateAt === 'number' && Number.isSafeInteger(truncateAt) && truncateAt >= 0)
    ) {
      return 'push entry whose i is not a non-negative integer';
    }
    const parent = this.parentOf(path);
    if (typeof parent === 'string') return parent;
    const last = path[path.length - 1] as Key;
    const existing = (parent as Record<Key, unknown>)[last];
    if (existing !== undefined && existing !== null && !Array.isArray(existing))
      return 'push onto a value that is not an array';
    const array: unknown[] = Array.isArray(existing) ? existing : [];
    if (typeof truncateAt === 'number') {
      if (truncateAt > array.length) return `push truncates to ${truncateAt}, past the array's length ${array.length}`;
      array.length = truncateAt;
    }
    if (values !== undefined) for (const item of values) array.push(item);
    (parent as Record<Key, unknown>)[last] = array;
    return null;
  }

  /** The object or array holding the path's last key, or why there is none. */
  private parentOf(path: Key[]): Record<string, unknown> | unknown[] | string {
    let node: unknown = this.current;
    for (let i = 0; i < path.length - 1; i += 1) {
      const key = path[i] as Key;
      if (Array.isArray(node)) {
        if (typeof key !== 'number') return `path ${describe(path)} indexes an array with a string`;
        node = node[key];
      } else if (isRecord(node)) {
        node = Object.hasOwn(node, key) ? node[key] : undefined;
      } else {
        return `path ${describe(path)} goes through a missing object`;
      }
    }
    if (!Array.isArray(node) && !isRecord(node)) return `path ${describe(path)} goes through a missing object`;
    return node;
  }
}

type Key = string | number;

/** Keys are strings or array indices; `__proto__` would reach the object's prototype. */
function isPath(value: unknown): value is Key[] {
  return (
    Array.isArray(value) &&
    value.every(
      (key) =>
        (typeof key === 'string' && key !== '__proto__') ||
        (typeof key === 'number' && Number.isSafeInteger(key) && key >= 0),
    )
  );
}

function describe(path: Key[]): string {
  return JSON.stringify(path);
}
