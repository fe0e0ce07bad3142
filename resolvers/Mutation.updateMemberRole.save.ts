/**
 * updateMemberRole's write: version-checked role change + adminCount (guarded
 * by adminCount > 1 when demoting an ADMIN) + Activity, in one transaction. Same role: no write.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { membershipKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import { cancellation, notFound, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { adminCountChange, lastAdmin } from './lib/members.ts';
import { tableName } from './lib/table.ts';
import { bumped, versionedUpdate } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const membership = ctx.stash.membership;
  if (!membership) return notFound('Member');
  const role = ctx.stash.role;
  if (membership.role === role) return runtime.earlyReturn(membership);
  const project = ctx.stash.project;
  const demoting = membership.role === 'ADMIN';
  if (demoting && (project.adminCount ?? 1) <= 1) return lastAdmin();
  const table = tableName(ctx);
  const t = now();
  ctx.stash.result = bumped(membership, { role }, t);
  const items: ddb.TransactWriteItem[] = [
    versionedUpdate({
      table,
      key: membershipKey(membership.projectId, membership.userId),
      expectedVersion: membership.version,
      set: { role },
      now: t,
    }),
    activityItem({
      table,
      projectId: membership.projectId,
      entityType: 'MEMBERSHIP',
      entityId: membership.userId,
      action: 'MEMBER_ROLE_CHANGED',
      actor: ctx.stash.actor,
      changes: [change('role', membership.role, role)],
      now: t,
    }),
  ];
  if (demoting) items.push(adminCountChange(table, membership.projectId, -1));
  if (role === 'ADMIN') items.push(adminCountChange(table, membership.projectId, 1));
  return ddb.transactWrite({ items });
}

export function response(ctx: Context<unknown, Stash>) {
  const membership = ctx.stash.membership;
  if (!membership) return notFound('Member'); // the request refused already
  const failed = cancellation(ctx);
  if (failed) {
    if (failed.index === 2 && membership.role === 'ADMIN') return lastAdmin();
    return versionedTxFailure(failed, 0, 'Member', membership.version);
  }
  return ctx.stash.result;
}
