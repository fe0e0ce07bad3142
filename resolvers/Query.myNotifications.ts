/**
 * Query.myNotifications — unit Query, newest first. unreadOnly reads the sparse unread index
 * (byParent, USER#u#UNREAD), so it never filters over read items. `unreadCount` is not kept (null).
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { NOTIFICATION_PREFIX, unreadNotificationsQuery, userPk } from '../model/keys.ts';
import type { Notification, QueryMyNotificationsArgs } from '../types/graphql.ts';
import { connection, pageLimit } from './lib/page.ts';
import { byParent } from './lib/table.ts';
import { signedInUser } from './lib/user.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryMyNotificationsArgs, Stash>) {
  const user = signedInUser(ctx);
  const limit = pageLimit(ctx.args.limit);
  const nextToken = ctx.args.nextToken ?? null;
  if (ctx.args.unreadOnly) {
    const q = unreadNotificationsQuery(user.sub);
    return ddb.query({
      ...byParent(q),
      scanIndexForward: false,
      limit,
      nextToken,
    });
  }
  return ddb.query({
    query: { PK: { eq: userPk(user.sub) }, SK: { beginsWith: NOTIFICATION_PREFIX } },
    scanIndexForward: false,
    limit,
    nextToken,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const page = connection<Notification>(ctx);
  return { items: page.items, nextToken: page.nextToken, unreadCount: null };
}
