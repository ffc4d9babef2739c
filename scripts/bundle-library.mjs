// The esbuild settings shared by the workspace libraries that ship bundled (@rimuru/core,
// @rimuru/db): one ES module file per entry, dependencies left as imports, Node 20.

/**
 * Replaces tsc's dist/<entry>.js with one bundled file per entry (tsc still writes the .d.ts
 * files). `splitting` puts dynamic imports in chunks of their own (dist/chunks) so the package
 * imports inside them are not hoisted into the entry. `build` is esbuild's, imported by the
 * package's own script: esbuild is each bundled package's devDependency (pinned there), not
 * the root's.
 */
export async function bundleLibrary({ build, packageDir, entryPoints, external = [], splitting = false }) {
  await build({
    absWorkingDir: packageDir,
    entryPoints,
    outdir: 'dist',
    outbase: 'src',
    bundle: true,
    packages: 'external',
    external,
    ...(splitting ? { splitting: true, chunkNames: 'chunks/[name]-[hash]' } : {}),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
}
