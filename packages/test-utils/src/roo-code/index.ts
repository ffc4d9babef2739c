import { writeClineFamilyHome, type ClineFamilyHome } from '../cline/index.js';

export type { ClineFamilyHome } from '../cline/index.js';

/** Roo Code's synthetic home (Cline's task-folder format under `rooveterinaryinc.roo-cline`). */
export function writeRooCodeHome(dir: string, seed?: number): Promise<ClineFamilyHome> {
  return writeClineFamilyHome(dir, { kind: 'roo-code', ...(seed === undefined ? {} : { seed }) });
}
