// Row ids derive from natural keys (see @rimuru/core's session-id): one definition for every package.
export { agentRowId, sessionRowId } from '@rimuru/core';
