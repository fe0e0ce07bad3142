/**
 * tasksByAssignee step: when a person lists their own tasks (ctx.stash.memberOf = their sub), keeps only
 * the tasks of projects they are a member of now (one strongly consistent BatchGetItem of their
 * memberships in the page's projects, at most `limit` ≤ 100 keys). A page may then hold fewer items
 * than `limit`; nextToken still continues the list. Skipped for the Admins group, tokens and IAM.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { membershipKey } from '../model/keys.ts';
import { raiseIfError } from './lib/errors.ts';
import type { Page } from './lib/page.ts';
import { tableName } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

interface Row {
  projectId: string;
}

export function request(ctx: Context<unknown, Stash>) {
  const page = ctx.prev.result as Page<Row>;
  const sub = ctx.stash.memberOf;
  if (!sub || page.items.length === 0) return runtime.earlyReturn(page, { skipTo: 'NEXT' });
  ctx.stash.page = page;
  const projectIds = page.items.map((t) => t.projectId).filter((p, i, all) => all.indexOf(p) === i);
  const table = tableName(ctx);
  ctx.stash.table = table;
  return ddb.batchGet({
    tables: { [table]: { keys: projectIds.map((p) => membershipKey(p, sub)), consistentRead: true } },
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const page = ctx.stash.page;
  const found = ((ctx.result as { data: Record<string, ({ projectId: string } | null)[]> }).data[ctx.stash.table] ?? []).filter(
    (m) => !!m,
  ) as { projectId: string }[];
  const member = found.map((m) => m.projectId);
  return { items: page.items.filter((t) => member.indexOf(t.projectId) >= 0), nextToken: page.nextToken };
}
