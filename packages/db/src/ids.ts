// Row ids derive from natural keys (see @rimuru/core's session-id): one definition for every package.
export { agentRowId, sessionRowId, RIMURU_SESSION_NAMESPACE as RIMURU_ID_NAMESPACE } from '@rimuru/core';
