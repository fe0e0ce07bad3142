/**
 * The one manifest of Taskwire's AppSync API: data sources, pipeline functions and resolvers.
 * Read by the local runtime (local/) and by the CDK app (cdk/) alike — nothing is wired twice.
 * `npm run build` checks every name here against schema.graphql and bundles each file with esbuild.
 *
 * Files are relative to resolvers/. A resolver's file is named after its field (`Query.task.ts`);
 * pipeline steps that many operations share live in `steps/` and are referenced by name.
 */
import type { LambdaName } from '../functions/manifest.ts';

export type DataSourceDef =
  | { type: 'AMAZON_DYNAMODB' }
  | { type: 'NONE' }
  | { type: 'AMAZON_EVENTBRIDGE' }
  | { type: 'AWS_LAMBDA'; function: LambdaName };

export const dataSources = {
  /** The single table. */
  table: { type: 'AMAZON_DYNAMODB' },
  none: { type: 'NONE' },
} as const satisfies Record<string, DataSourceDef>;

export type DataSourceName = keyof typeof dataSources;

export interface FunctionDef {
  file: string;
  dataSource: DataSourceName;
}

/** Pipeline functions (AppSync "functions"), by name. */
export const functions = {} as const satisfies Record<string, FunctionDef>;

export type FunctionName = keyof typeof functions;

export type ResolverDef =
  | { kind: 'UNIT'; file: string; dataSource: DataSourceName }
  /** `file` holds the pipeline's own request/response (before the first and after the last step). */
  | { kind: 'PIPELINE'; file: string; functions: FunctionName[] };

/** Resolvers by `Type.field`. */
export const resolvers: Record<string, ResolverDef> = {};
