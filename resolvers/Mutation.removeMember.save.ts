/**
 * removeMember's write: version-checked delete of the membership + adminCount
 * (guarded by adminCount > 1 for an ADMIN) + Activity, in one transaction. Returns the removed membership.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { membershipKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import { cancellation, versionedTxFailure, notFound } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { adminCountChange, lastAdmin } from './lib/members.ts';
import { tableName } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const membership = ctx.stash.membership;
  if (!membership) return notFound('Member');
  const project = ctx.stash.project;
  const isAdmin = membership.role === 'ADMIN';
  if (isAdmin && (project.adminCount ?? 1) <= 1) return lastAdmin();
  const table = tableName(ctx);
  const t = now();
  const items: ddb.TransactWriteItem[] = [
    {
      deleteItem: {
        table,
        key: membershipKey(membership.projectId, membership.userId),
        condition: { version: { eq: membership.version } },
      },
    },
    activityItem({
      table,
      projectId: membership.projectId,
      entityType: 'MEMBERSHIP',
      entityId: membership.userId,
      action: 'MEMBER_REMOVED',
      actor: ctx.stash.actor,
      changes: [change('role', membership.role, null)],
      now: t,
    }),
  ];
  if (isAdmin) items.push(adminCountChange(table, membership.projectId, -1));
  return ddb.transactWrite({ items });
}

export function response(ctx: Context<unknown, Stash>) {
  const membership = ctx.stash.membership;
  if (!membership) return notFound('Member'); // the request refused already
  const failed = cancellation(ctx);
  if (failed) {
    if (failed.index === 2) return lastAdmin();
    return versionedTxFailure(failed, 0, 'Member', membership.version);
  }
  return ctx.stash.membership;
}
