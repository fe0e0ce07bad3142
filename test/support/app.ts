/**
 * The manifest's resolver bundles on an in-process local AppSync (no HTTP listener, no TLS): the
 * in-process counterpart of `useLocalRuntime` (runtime.ts), shared by the resolver harnesses.
 *
 *   manifestApp(db, { tokenSecret, lambdas: { tokensFn: createLambdaDataSource(...) }, authenticator })
 *
 * - `table` is a DynamoDB data source over `db`, `none` a NONE one;
 * - every other data source of resolvers/manifest.ts is a NONE stand-in unless `lambdas` hands in the
 *   real one (a harness wires only the Lambda functions its domain exercises);
 * - without an `authenticator`, HTTP callers are refused: such tests hand identities to app.execute.
 */
import { createLocalAppSync, type LocalAppSync, type LocalAppSyncConfig } from '../../packages/appsync-local/src/appsync/app.ts';
import { createDynamoDbDataSource, createNoneDataSource } from '../../packages/appsync-local/src/appsync/datasources/index.ts';
import { unauthorized } from '../../packages/appsync-local/src/appsync/auth/errors.ts';
import type { DataSource } from '../../packages/appsync-local/src/appsync/types.ts';
import { dataSources as manifestDataSources } from '../../resolvers/manifest.ts';
import { appSyncInputs } from '../../scripts/lib/project.ts';
import type { DynamoDbFixture } from './dynamodb.ts';

export interface ManifestAppOptions {
  /** The table data source's nextToken secret. */
  tokenSecret: string;
  /** Real data sources by manifest name (Lambda functions run in-process). */
  lambdas?: Record<string, DataSource>;
  authenticator?: LocalAppSyncConfig['authenticator'];
}

export function manifestApp(db: DynamoDbFixture, opts: ManifestAppOptions): LocalAppSync {
  const standIns = Object.fromEntries(Object.keys(manifestDataSources).map((n) => [n, createNoneDataSource()]));
  return createLocalAppSync({
    ...appSyncInputs(),
    dataSources: {
      ...standIns,
      none: createNoneDataSource(),
      table: createDynamoDbDataSource({ client: db.client, tableName: db.tableName, tokenSecret: opts.tokenSecret }),
      ...opts.lambdas,
    },
    authenticator: opts.authenticator ?? { authenticate: async () => Promise.reject(unauthorized()) },
    env: { TABLE_NAME: db.tableName },
  });
}
