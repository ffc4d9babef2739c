import { describeClineFamilyGeneratedHome } from '@rimuru/test-utils/cline';
import { writeKiloCodeHome } from '@rimuru/test-utils/kilo-code';
import { kiloCodeAdapter } from './index.js';

describeClineFamilyGeneratedHome({
  adapter: kiloCodeAdapter,
  writeHome: (dir) => writeKiloCodeHome(dir, 23),
  cacheWrite: (u) => u.tokens.cacheWrite5m,
});
