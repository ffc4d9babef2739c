import { isRecord, trimmedString } from '@rimuru/adapter-kit';

/** A counter as SQLite or JSON hands it over: null when absent; NaN-like or negative values are not counts. */
export function counter(value: unknown): number | null | 'invalid' {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint')
    return value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : 'invalid';
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 'invalid';
}

/** The model a `model_config_json` names (`model_name`, older `modelName`/`model`). */
export function modelOfConfig(json: unknown): string | null {
  if (typeof json !== 'string') return null;
  try {
    const config: unknown = JSON.parse(json);
    if (!isRecord(config)) return null;
    return trimmedString(config['model_name']) ?? trimmedString(config['modelName']) ?? trimmedString(config['model']);
  } catch {
    return null;
  }
}
