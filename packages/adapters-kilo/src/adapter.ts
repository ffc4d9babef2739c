import type { AgentAdapter } from '@rimuru/core';
import { createOpenCodeFamilyAdapter } from '@rimuru/adapters-opencode';
import { KILO_STORE } from './store-config.js';

/** Kilo CLI is an OpenCode fork writing the same records: OpenCode's reader with Kilo's configuration. */
export const kiloAdapter: AgentAdapter = createOpenCodeFamilyAdapter(KILO_STORE);
