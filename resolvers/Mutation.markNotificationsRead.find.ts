/** markNotificationsRead's candidates: BatchGetItem of ids, or the unread index. */
import { runtime, type Context } from '@aws-appsync/utils';

const NEXT = { skipTo: 'NEXT' as const };
import * as ddb from '@aws-appsync/utils/dynamodb';
import { notificationKey, unreadNotificationsQuery } from '../model/keys.ts';
import type { Notification } from '../types/graphql.ts';
import { raiseIfError } from './lib/errors.ts';
import { byParent, tableName } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const user = ctx.stash.user;
  const ids = ctx.stash.ids;
  if (ids) {
    if (ids.length === 0) return runtime.earlyReturn([], NEXT);
    const table = tableName(ctx);
    ctx.stash.table = table;
    return ddb.batchGet({ tables: { [table]: { keys: ids.map((i) => notificationKey(user.sub, i)), consistentRead: true } } });
  }
  const q = unreadNotificationsQuery(user.sub);
  return ddb.query({
    ...byParent(q),
    scanIndexForward: false,
    limit: ctx.stash.limit,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const r = ctx.result as { items?: Notification[]; data?: Record<string, (Notification | null)[]> };
  const found = ctx.stash.ids ? (r.data ?? {})[ctx.stash.table] ?? [] : r.items ?? [];
  const unread = found.filter((n): n is Notification => !!n && !n.read);
  ctx.stash.unread = unread;
  return unread;
}
