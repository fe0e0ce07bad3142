/**
 * Everything the CDK app reads from the rest of the repository, imported here and only here: the
 * manifests, the table definition, the schema, the resolver bundler and the outputs file's shape. The
 * same modules the local runtime loads, so local and cloud cannot drift; when one moves, this file
 * alone changes.
 */
import { join } from 'node:path';
import { lambdas, RESOURCES, variablesOf, type LambdaDef, type ResourceName, type Uses } from '../../functions/manifest.ts';
import { dataSources, functions, resolvers, type DataSourceDef, type FunctionDef, type ResolverDef } from '../../resolvers/manifest.ts';
import { TABLE_DEFINITION, TTL_ATTRIBUTE } from '../../model/table.ts';
import { ROOT, bundleResolvers, writeBundles, type Bundle, type BundleSet } from '../../scripts/lib/bundle-resolvers.ts';
import { loadSchema } from '../../scripts/lib/schema.ts';
import { buildOutputs, deploymentOutputs, writeOutputs, type DeploymentOutputsInput, type TaskwireOutputs } from '../../local/outputs.ts';

export { lambdas, RESOURCES, variablesOf, dataSources, functions, resolvers, TABLE_DEFINITION, TTL_ATTRIBUTE };
export { bundleResolvers, writeBundles, loadSchema, deploymentOutputs, buildOutputs, writeOutputs };
export type { LambdaDef, ResourceName, Uses, DataSourceDef, FunctionDef, ResolverDef, Bundle, BundleSet, DeploymentOutputsInput, TaskwireOutputs };

/** The repository root (NodejsFunction's project root: entries and the lock file live under it). */
export const REPO_ROOT = ROOT;
export const SCHEMA_FILE = join(ROOT, 'schema.graphql');
export const LOCK_FILE = join(ROOT, 'package-lock.json');
/** The built web client (`npm run build` in client/). */
export const CLIENT_DIST = join(ROOT, 'client', 'dist');

/** The manifest the local runtime uses, in one object (tests compare the synthesized API with it). */
export const API_MANIFEST = { dataSources, functions, resolvers } as const;
export type ApiManifest = { dataSources: Record<string, DataSourceDef>; functions: Record<string, FunctionDef>; resolvers: Record<string, ResolverDef> };
