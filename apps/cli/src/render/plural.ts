/** `1 request`, `2 requests`, `1 copy`, `3 copies`: a count with its noun agreeing. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
