/** myProjects' second step: BatchGetItem of the page's projects, in membership order. */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectKey } from '../model/keys.ts';
import type { Project, QueryMyProjectsArgs } from '../types/graphql.ts';
import { raiseIfError } from './lib/errors.ts';
import { tableName } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryMyProjectsArgs, Stash>) {
  const memberships = ctx.stash.memberships;
  if (memberships.length === 0) return runtime.earlyReturn({ items: [], nextToken: ctx.stash.nextToken ?? null });
  const table = tableName(ctx);
  ctx.stash.table = table;
  return ddb.batchGet({
    tables: { [table]: { keys: memberships.map((m) => projectKey(m.projectId)), consistentRead: false } },
  });
}

export function response(ctx: Context<QueryMyProjectsArgs, Stash>) {
  raiseIfError(ctx);
  const memberships = ctx.stash.memberships;
  const result = ctx.result as { data: Record<string, (Project | null)[]> };
  const projects = result.data[ctx.stash.table] ?? [];
  const includeArchived = !!ctx.args.includeArchived;
  const items = memberships
    .map((m) => {
      const p = projects.find((x) => !!x && x.id === m.projectId);
      return p ? Object.assign({}, p, { myRole: m.role }) : null;
    })
    .filter((p) => p !== null && (includeArchived || !p.archived));
  return { items, nextToken: ctx.stash.nextToken ?? null };
}
