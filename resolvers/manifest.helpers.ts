/**
 * The entry builders every `manifest.<domain>.ts` file uses (one home, so the domains spell their
 * entries alike). A file is named after its entry: `Type.field.ts` for a resolver,
 * `Type.field.<step>.ts` for an operation's own step, `steps/<name>.ts` for a shared step.
 */
import type { FunctionDef, ResolverDef } from './manifest.ts';

/** Shared steps `steps/<name>.ts`, referenced by name from any pipeline; on the table unless noted. */
export const steps = (names: string[], dataSource = 'table'): Record<string, FunctionDef> =>
  Object.fromEntries(names.map((n) => [n, { file: `steps/${n}.ts`, dataSource }]));

/** Operation-specific steps: `Type.field.<step>` in `Type.field.<step>.ts`, on the table unless noted. */
export const own = (names: string[], dataSource = 'table'): Record<string, FunctionDef> =>
  Object.fromEntries(names.map((n) => [n, { file: `${n}.ts`, dataSource }]));

export const unit = (field: string, dataSource = 'table'): ResolverDef => ({ kind: 'UNIT', file: `${field}.ts`, dataSource });

export const pipeline = (field: string, fns: string[]): ResolverDef => ({ kind: 'PIPELINE', file: `${field}.ts`, functions: fns });
