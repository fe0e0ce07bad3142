/**
 * markNotificationsRead's write: one transaction marking each unread candidate read
 * (version-checked, version+1, readAt, and off the unread index). Personal state: no Activity.
 * A concurrent change to one of them cancels the whole call (ConflictError): nothing is half-marked.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { notificationKey } from '../model/keys.ts';
import { cancellation, conflict } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { versionedUpdate } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const unread = ctx.stash.unread;
  if (unread.length === 0) return runtime.earlyReturn({ updated: 0 });
  const table = tableName(ctx);
  const t = now();
  return ddb.transactWrite({
    items: unread.map((n) =>
      versionedUpdate({
        table,
        key: notificationKey(n.userId, n.id),
        expectedVersion: n.version,
        set: { read: true, readAt: t },
        remove: ['GSI4PK', 'GSI4SK'],
        now: t,
      }),
    ),
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const failed = cancellation(ctx);
  if (failed) return conflict(failed.item && typeof failed.item.version === 'number' ? failed.item.version : null);
  return { updated: ctx.stash.unread.length };
}
