/**
 * The physical name of the single table, for requests that must name it (BatchGetItem,
 * TransactWriteItems, TransactGetItems). Set as the GraphQL API's environment variable `TABLE_NAME`
 * (CDK on AWS, the local runtime locally); falls back to the local table name.
 *   byParent(q)     the index and key condition of a byParent Query, from a model/keys.ts `…Query`
 *                   builder ({ GSI4PK, prefix }); spread into ddb.query({ ...byParent(q), limit, … })
 */
import { INDEX, LOCAL_TABLE_NAME } from '../../model/table.ts';

export function tableName(ctx: { env?: Record<string, string> | null }): string {
  const env = ctx.env;
  return env && env.TABLE_NAME ? env.TABLE_NAME : LOCAL_TABLE_NAME;
}

export function byParent(q: { GSI4PK: string; prefix: string }) {
  return {
    index: INDEX.byParent.name,
    query: { [INDEX.byParent.pk]: { eq: q.GSI4PK }, [INDEX.byParent.sk]: { beginsWith: q.prefix } },
  };
}
