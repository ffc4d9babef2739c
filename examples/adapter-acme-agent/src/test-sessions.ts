/** Writes Acme Agent session files for tests (this package's own and the CLI's plugin tests). */
export interface AcmeRequest {
  id: string;
  timestamp: string;
  model: string;
  input: number;
  output: number;
  cacheRead?: number;
}

export function acmeSessionJsonl(session: {
  id: string;
  cwd: string;
  startedAt: string;
  requests: AcmeRequest[];
}): string {
  const lines = [
    { type: 'session', id: session.id, cwd: session.cwd, timestamp: session.startedAt },
    ...session.requests.map((r) => ({ type: 'request', ...r })),
  ];
  return lines.map((l) => `${JSON.stringify(l)}\n`).join('');
}
