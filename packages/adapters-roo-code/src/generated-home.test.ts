import { describeClineFamilyGeneratedHome } from '@rimuru/test-utils/cline';
import { writeRooCodeHome } from '@rimuru/test-utils/roo-code';
import { rooCodeAdapter } from './index.js';

describeClineFamilyGeneratedHome({
  adapter: rooCodeAdapter,
  writeHome: (dir) => writeRooCodeHome(dir, 23),
  cacheWrite: (u) => u.tokens.cacheWrite5m,
});
