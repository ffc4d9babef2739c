import { writeClineFamilyHome, type ClineFamilyHome } from '../cline/index.js';

export type { ClineFamilyHome } from '../cline/index.js';

/** Kilo Code's synthetic home (Cline's task-folder format under `kilocode.kilo-code`). */
export function writeKiloCodeHome(dir: string, seed?: number): Promise<ClineFamilyHome> {
  return writeClineFamilyHome(dir, { kind: 'kilo-code', ...(seed === undefined ? {} : { seed }) });
}
