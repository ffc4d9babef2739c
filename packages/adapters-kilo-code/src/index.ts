import { createClineFamilyAdapter, type ClineFamilyFlavor } from '@rimuru/adapters-cline';

/**
 * Kilo Code up to 5.x: Cline's task-folder format (inherited through Roo Code) under
 * `globalStorage/kilocode.kilo-code` (see README). Kilo Code 7 keeps its sessions in a
 * SQLite store instead, which this adapter does not read.
 */
const KILO_CODE_FLAVOR: ClineFamilyFlavor = {
  id: 'kilo-code',
  label: 'Kilo Code',
  extensionId: 'kilocode.kilo-code',
  overrideEnvVar: 'KILO_CODE_STORAGE_DIR',
  // Roo Code's change of tokensIn (RooCodeInc/Roo-Code#8954) reached Kilo Code in 4.119.0, 2025-11-12.
  inputRule: { kind: 'roo', inclusiveSinceMs: Date.UTC(2025, 10, 12) },
  modelSource: 'environment-details',
};

export const kiloCodeAdapter = createClineFamilyAdapter(KILO_CODE_FLAVOR);
