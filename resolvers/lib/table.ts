/**
 * The physical name of the single table, for requests that must name it (BatchGetItem,
 * TransactWriteItems, TransactGetItems). Set as the GraphQL API's environment variable `TABLE_NAME`
 * (CDK on AWS, the local runtime locally); falls back to the local table name.
 */
import { LOCAL_TABLE_NAME } from '../../model/table.ts';

export function tableName(ctx: { env?: Record<string, string> | null }): string {
  const env = ctx.env;
  return env && env.TABLE_NAME ? env.TABLE_NAME : LOCAL_TABLE_NAME;
}
