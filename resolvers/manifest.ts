/**
 * The one manifest of Taskwire's AppSync API: data sources, pipeline functions and resolvers.
 * Read by the local runtime (local/) and by the CDK app (cdk/) alike — nothing is wired twice.
 * `npm run build` checks every name here against schema.graphql and bundles each file with esbuild.
 *
 * Files are relative to resolvers/. A resolver's file is named after its field (`Query.task.ts`);
 * pipeline steps that many operations share live in `steps/` and are referenced by name.
 * Entries are grouped by domain in `manifest.<domain>.ts` files and merged here; the domains build
 * their entries with the same helpers (`manifest.helpers.ts`: steps, own, unit, pipeline).
 */
import type { LambdaName } from '../functions/manifest.ts';
import * as admin from './manifest.admin.ts';
import * as core from './manifest.core.ts';
import * as work from './manifest.work.ts';

export type DataSourceDef =
  | { type: 'AMAZON_DYNAMODB' }
  | { type: 'NONE' }
  | { type: 'AMAZON_EVENTBRIDGE' }
  | { type: 'AWS_LAMBDA'; function: LambdaName };

export interface FunctionDef {
  file: string;
  /** A key of `dataSources`. */
  dataSource: string;
}

export type ResolverDef =
  | { kind: 'UNIT'; file: string; dataSource: string }
  /** `file` holds the pipeline's own request/response (before the first and after the last step). */
  | { kind: 'PIPELINE'; file: string; functions: string[] };

export const dataSources: Record<string, DataSourceDef> = {
  /** The single table. */
  table: { type: 'AMAZON_DYNAMODB' },
  none: { type: 'NONE' },
  ...core.dataSources,
  ...work.dataSources,
  ...admin.dataSources,
};

/** Pipeline functions (AppSync "functions"), by name. */
export const functions: Record<string, FunctionDef> = { ...core.functions, ...work.functions, ...admin.functions };

/** Resolvers by `Type.field`. */
export const resolvers: Record<string, ResolverDef> = { ...core.resolvers, ...work.resolvers, ...admin.resolvers };
