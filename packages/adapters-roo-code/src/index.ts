import { join } from 'node:path';
import { createClineFamilyAdapter, type ClineFamilyFlavor } from '@rimuru/adapters-cline';

/**
 * Roo Code: Cline's task-folder format under `globalStorage/rooveterinaryinc.roo-cline`
 * (see README). Roo's CLI runs the extension on a VS Code shim whose global storage is
 * `~/.vscode-mock/global-storage`.
 */
const ROO_CODE_FLAVOR: ClineFamilyFlavor = {
  id: 'roo-code',
  label: 'Roo Code',
  extensionId: 'rooveterinaryinc.roo-cline',
  overrideEnvVar: 'ROO_CODE_STORAGE_DIR',
  extraStorageDirs: (ctx) => [join(ctx.homeDir, '.vscode-mock', 'global-storage')],
  // RooCodeInc/Roo-Code#8954, released in 3.29.5 on 2025-11-01.
  inputRule: { kind: 'roo', inclusiveSinceMs: Date.UTC(2025, 10, 1) },
  modelSource: 'environment-details',
};

export const rooCodeAdapter = createClineFamilyAdapter(ROO_CODE_FLAVOR);
