import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Module specifiers a source file imports (static, dynamic and type-only), comments skipped. */
function specifiers(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  return [...code.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
}

/** Every source file reachable from `entry` through relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of specifiers(file))
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

describe('libsql stays behind the sqlite subpath', () => {
  it('the main entry reaches neither libsql nor the sqlite folder', () => {
    const files = [...reachable(join(src, 'index.ts'))];
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((file) => file.includes(`${join(src, 'sqlite')}`))).toEqual([]);
    expect(files.filter((file) => specifiers(file).includes('libsql'))).toEqual([]);
  });

  it('the sqlite entry loads libsql only on first use (a dynamic import in one file)', () => {
    const files = [...reachable(join(src, 'sqlite', 'index.ts'))];
    const importing = files.filter((file) => specifiers(file).includes('libsql'));
    expect(importing.map((file) => file.slice(src.length + 1))).toEqual(['sqlite/load-libsql.ts']);
    const code = readFileSync(join(src, 'sqlite', 'load-libsql.ts'), 'utf8');
    expect(code).toMatch(/import\('libsql'\)/);
    expect(code).not.toMatch(/^import (?!type )[^;]*'libsql'/m);
  });
});
