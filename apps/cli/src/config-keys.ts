import { UsageError } from '@rimuru/core';
import { configSchema } from '@rimuru/app-runtime/config-schema';
import { closestValues } from './suggest.js';

/** The parts of zod's schema description this walk reads. */
interface SchemaDef {
  type: string;
  innerType?: SchemaNode;
  shape?: Record<string, SchemaNode>;
  valueType?: SchemaNode;
}
interface SchemaNode {
  _zod: { def: SchemaDef };
}

/** What a key under a record is called in help: `prices.<model>`. */
const RECORD_KEY_NAMES: Record<string, string> = { prices: '<model>', plans: '<agent type>' };

function unwrap(node: SchemaNode): SchemaNode {
  let current = node;
  while (['optional', 'nullable', 'default'].includes(current._zod.def.type) && current._zod.def.innerType) {
    current = current._zod.def.innerType;
  }
  return current;
}

/** Every key `config set` takes, dotted, from the config schema itself (so new keys count at once). */
export function knownConfigKeys(node: SchemaNode = configSchema, prefix = ''): string[] {
  const def = unwrap(node)._zod.def;
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) =>
      knownConfigKeys(child, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  if (def.type === 'record') return [`${prefix}.${RECORD_KEY_NAMES[prefix] ?? '<name>'}`];
  return [prefix];
}

/**
 * Stops (exit 2) on a key the config does not have, naming the closest known keys: `config set
 * fooBar 1` must not be written silently.
 */
export function checkConfigKey(key: string): void {
  let node = configSchema as unknown as SchemaNode;
  const parts = key.split('.');
  for (const part of parts) {
    const def = unwrap(node)._zod.def;
    if (def.type === 'object' && def.shape && part in def.shape) node = def.shape[part]!;
    else if (def.type === 'record' && def.valueType && part !== '') node = def.valueType;
    else if (def.type === 'object' || def.type === 'record') throw unknownKey(key);
    // Inside a plan (one or a list): the schema checks the value on write.
    else if (parts[0] === 'plans') return;
    // Past a plain value, e.g. `timezone.zone`.
    else throw unknownKey(key);
  }
}

function unknownKey(key: string): UsageError {
  const known = knownConfigKeys();
  const close = closestValues(key, known);
  const help = close.length > 0 ? `did you mean ${close.join(' or ')}?` : `known keys: ${known.join(', ')}`;
  return new UsageError(`Unknown config key "${key}": ${help}`);
}
