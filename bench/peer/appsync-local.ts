/**
 * The one place the peer benchmark imports the local AppSync runtime from (its parts the benchmark
 * assembles: app, authenticator, data sources, listener, the AppSync schema prelude). When the runtime
 * moves, only these paths change.
 */
export { createLocalAppSync } from '../../packages/appsync-local/src/appsync/app.ts';
export { createAuthenticator } from '../../packages/appsync-local/src/appsync/auth/index.ts';
export { createDataSources } from '../../packages/appsync-local/src/appsync/datasources/index.ts';
export { startServer } from '../../packages/appsync-local/src/appsync/server.ts';
export { createLocalDynamoDbClient } from '../../packages/appsync-local/src/services/dynamodb-local.ts';
export { PRELUDE_PATH } from '../../scripts/lib/schema.ts';
