import type { Config } from '@oclif/core';
import { BUILTIN_AGENT_TYPES, defaultAgentName, isBuiltinAgentType } from '@rimuru/core';
import { knownAdapters } from './adapters.js';
import type { Runtime } from './runtime.js';
import { unknownValueError } from './suggest.js';

/** Agent types Rimuru can name: built-in, from installed plugins, or found in the store (e.g. pushed by a teammate). */
export async function knownAgentTypes(runtime: Runtime, config: Config): Promise<string[]> {
  const plugins = (await knownAdapters(config)).map((k) => k.adapter.id);
  const stored = (await runtime.store.agents.list()).map((a) => a.type);
  return [...new Set([...BUILTIN_AGENT_TYPES, ...plugins, ...stored])];
}

/** Agent names in the store, and the default name of every known type (`claude-code-default`). */
async function knownAgentNames(runtime: Runtime, config: Config): Promise<string[]> {
  const stored = (await runtime.store.agents.list()).map((a) => a.name);
  return [...new Set([...stored, ...(await knownAgentTypes(runtime, config)).map(defaultAgentName)])];
}

/** `--agent-type` values: each must name a known type, or the command stops (exit 2) with the closest. */
export async function checkAgentTypes(types: string[] | undefined, runtime: Runtime, config: Config): Promise<void> {
  const unusual = (types ?? []).filter((t) => !isBuiltinAgentType(t));
  if (unusual.length === 0) return;
  const known = await knownAgentTypes(runtime, config);
  const unknown = unusual.find((t) => !known.includes(t));
  if (unknown !== undefined) throw unknownValueError('agent type', unknown, known, 'see rimuru agents');
}

/** `--agent` values: each must name an agent in the store (or a type's default agent). */
export async function checkAgentNames(names: string[] | undefined, runtime: Runtime, config: Config): Promise<void> {
  if (names === undefined || names.length === 0) return;
  const known = await knownAgentNames(runtime, config);
  const unknown = names.find((n) => !known.includes(n));
  if (unknown === undefined) return;
  // Listed when nothing is close: the agents recorded, not every type's default name.
  const recorded = [...new Set((await runtime.store.agents.list()).map((a) => a.name))];
  throw unknownValueError('agent', unknown, known, 'rimuru agents --format json lists them', recorded);
}

/** `costs agent <name>`: an agent type selects every agent of that type; else it must be an agent's name. */
export async function agentSelection(
  name: string,
  runtime: Runtime,
  config: Config,
): Promise<{ agentTypes: string[] } | { agentNames: string[] }> {
  if (isBuiltinAgentType(name)) return { agentTypes: [name] };
  const types = await knownAgentTypes(runtime, config);
  if (types.includes(name)) return { agentTypes: [name] };
  const names = await knownAgentNames(runtime, config);
  if (names.includes(name)) return { agentNames: [name] };
  throw unknownValueError('agent type or name', name, [
    ...types,
    ...names.filter((n) => !types.some((t) => defaultAgentName(t) === n)),
  ]);
}
