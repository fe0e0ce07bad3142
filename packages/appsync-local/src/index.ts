/**
 * @taskwire/appsync-local — a local AWS AppSync (APPSYNC_JS resolvers, pipelines, the five auth modes,
 * real-time subscriptions, EvaluateCode) and local AWS services, for any project. It knows no product:
 * the caller gives it the schema, the resolver manifest and bundles, the table definition and the Lambda
 * handlers. See README.md.
 */
export { createLocalAppSync, type LocalAppSync, type LocalAppSyncConfig, type ResolverManifest } from './appsync/app.ts';
export { APPSYNC_PRELUDE } from './appsync/prelude.ts';
export { MAX_PIPELINE_FUNCTIONS, type Bundle, type BundleSet } from './appsync/bundles.ts';
export { startServer, GRAPHQL_PATH, REALTIME_PATH, EVALUATE_CODE_PATH, type ServerOptions, type RunningServer } from './appsync/server.ts';
export * from './appsync/auth/index.ts';
export * from './appsync/datasources/index.ts';
export * from './appsync/realtime/index.ts';
export type * from './appsync/types.ts';
export * as services from './services/index.ts';
export type { LocalService } from './services/index.ts';
