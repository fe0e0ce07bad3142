/**
 * How a domain file (`manifest.<domain>.ts`) writes its entries, and how resolvers/manifest.ts turns
 * them into AppSync's three maps. Each thing is written once:
 * - a resolver's key is its field: `pipeline('Mutation.moveTask', [...])`, `unit('Query.me')`;
 * - a pipeline names its own steps relatively (`'.rank'` is `Mutation.createTask.rank`, in
 *   `Mutation.createTask.rank.ts`) and the shared steps of `steps/` by name (`'authorize'`);
 *   another operation's step is named in full (`'Mutation.addComment.members'`);
 * - every step runs on the table unless the domain's `offTable` list names its data source.
 */
import type { DataSourceDef, FunctionDef, ResolverDef } from './manifest.ts';

/** One resolver, keyed by its field (`Type.field`, the file `Type.field.ts`). */
export interface Entry {
  field: string;
  def: ResolverDef;
}

/** A domain's part of the manifest (merged by resolvers/manifest.ts). */
export interface Domain {
  /** The data sources only this domain uses (the table and `none` are everyone's). */
  dataSources: Record<string, DataSourceDef>;
  resolvers: Entry[];
  /** Steps (full names) that run on another data source than the table. */
  offTable: Record<string, string>;
}

/** Shared steps `steps/<name>.ts`, referenced by name from any pipeline; on the table unless noted. */
export const steps = (names: string[], dataSource = 'table'): Record<string, FunctionDef> =>
  Object.fromEntries(names.map((n) => [n, { file: `steps/${n}.ts`, dataSource }]));

export const unit = (field: string, dataSource = 'table'): Entry => ({ field, def: { kind: 'UNIT', file: `${field}.ts`, dataSource } });

/** A pipeline resolver; `.step` names are the operation's own (`Type.field.step`). */
export const pipeline = (field: string, fns: string[]): Entry => ({
  field,
  def: { kind: 'PIPELINE', file: `${field}.ts`, functions: fns.map((f) => (f.startsWith('.') ? `${field}${f}` : f)) },
});

/**
 * The `functions` and `resolvers` maps of the given domains: every operation's own steps (derived
 * from the pipelines that name them relatively) next to the shared ones. Throws when a field is listed
 * twice, a step is both shared and someone's own, or an `offTable` entry names no step.
 */
export function assemble(
  shared: Record<string, FunctionDef>,
  domains: Domain[],
): { functions: Record<string, FunctionDef>; resolvers: Record<string, ResolverDef> } {
  const functions: Record<string, FunctionDef> = { ...shared };
  const resolvers: Record<string, ResolverDef> = {};
  const offTable: Record<string, string> = Object.assign({}, ...domains.map((d) => d.offTable));
  for (const { field, def } of domains.flatMap((d) => d.resolvers)) {
    if (field in resolvers) throw new Error(`resolvers/manifest: ${field} is listed twice`);
    resolvers[field] = def;
    if (def.kind !== 'PIPELINE') continue;
    for (const fn of def.functions) {
      if (!fn.startsWith(`${field}.`)) continue;
      if (fn in functions) throw new Error(`resolvers/manifest: step ${fn} is listed twice`);
      functions[fn] = { file: `${fn}.ts`, dataSource: offTable[fn] ?? 'table' };
    }
  }
  const stray = Object.keys(offTable).filter((fn) => !(fn in functions) || fn in shared);
  if (stray.length > 0) throw new Error(`resolvers/manifest: offTable names no operation's own step: ${stray.join(', ')}`);
  return { functions, resolvers };
}
