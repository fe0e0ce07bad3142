/**
 * Taskwire's project inputs in one module: what the local launcher, the tests and the CDK app read —
 * the schema (with AppSync's prelude for local tools), the resolver manifest checked against it, the
 * esbuild bundles, and the single table's definition. packages/appsync-local takes these as arguments.
 */
import * as resolverManifest from '../../resolvers/manifest.ts';
import { bundleResolvers } from './bundle-resolvers.ts';
import { schemaSource } from './schema.ts';
import type { ResolverManifest } from '../../packages/appsync-local/src/index.ts';

export { bundleResolvers, bundleResolversAsync, checkManifest, writeBundles, readSchemaSource, ROOT, RESOLVERS_DIR, CODE_LIMIT, MAX_PIPELINE_FUNCTIONS, type Bundle, type BundleSet } from './bundle-resolvers.ts';
export { schemaSource, loadSchema, SCHEMA_PATH, PRELUDE_PATH } from './schema.ts';
export { TABLE_DEFINITION, LOCAL_TABLE_NAME } from '../../model/table.ts';

/** The resolver manifest in the shape the runtime takes. */
export const manifest = resolverManifest as unknown as ResolverManifest;

/** Schema, manifest and bundles as `createLocalAppSync` takes them. */
export function appSyncInputs(): { schemaSource: string; manifest: ResolverManifest; bundles: ReturnType<typeof bundleResolvers> } {
  return { schemaSource: schemaSource(), manifest, bundles: bundleResolvers() };
}
