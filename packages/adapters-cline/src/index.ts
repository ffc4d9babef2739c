import { createClineFamilyAdapter } from './adapter.js';
import { CLINE_FLAVOR } from './cline-flavor.js';

/** Cline's task folders (VS Code extension and its forks' `globalStorage`, and `~/.cline/data`). */
export const clineAdapter = createClineFamilyAdapter(CLINE_FLAVOR);

// The shared task-folder reader, for the adapters of Cline's forks (Roo Code, Kilo Code).
export { createClineFamilyAdapter } from './adapter.js';
export type { ClineFamilyFlavor } from './flavor.js';
