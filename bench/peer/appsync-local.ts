/**
 * The one place the peer benchmark imports the local AppSync runtime from (its parts the benchmark
 * assembles: app, authenticator, data sources, listener, the AppSync schema prelude). When the runtime
 * moves, only these paths change.
 */
export { createLocalAppSync } from '../../local/appsync/app.ts';
export { createAuthenticator } from '../../local/appsync/auth/index.ts';
export { createDataSources } from '../../local/appsync/datasources/index.ts';
export { startServer } from '../../local/appsync/server.ts';
export { createLocalDynamoDbClient } from '../../local/services/dynamodb-local.ts';
export { PRELUDE_PATH } from '../../scripts/lib/schema.ts';
