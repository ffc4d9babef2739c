import { resolveUserPath } from '@rimuru/adapter-kit';
import type { AdapterContext } from '@rimuru/core';
import { join } from 'node:path';
import type { ClineFamilyFlavor } from './flavor.js';

/**
 * Cline's own data folder outside VS Code (JetBrains, standalone, the CLI before the SDK):
 * `CLINE_DATA_DIR`, else `$CLINE_DIR/data`, else `~/.cline/data` (Cline's resolution order).
 */
function clineDataDir(ctx: AdapterContext): string {
  const data = ctx.env['CLINE_DATA_DIR']?.trim();
  if (data !== undefined && data !== '') return resolveUserPath(data, ctx.homeDir);
  const root = ctx.env['CLINE_DIR']?.trim();
  return join(
    root !== undefined && root !== '' ? resolveUserPath(root, ctx.homeDir) : join(ctx.homeDir, '.cline'),
    'data',
  );
}

export const CLINE_FLAVOR: ClineFamilyFlavor = {
  id: 'cline',
  label: 'Cline',
  extensionId: 'saoudrizwan.claude-dev',
  overrideEnvVar: 'CLINE_STORAGE_DIR',
  extraStorageDirs: (ctx) => [clineDataDir(ctx)],
  inputRule: { kind: 'cline' },
  modelSource: 'cline-metadata',
};
