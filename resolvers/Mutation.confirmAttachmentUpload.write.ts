/** confirmAttachmentUpload step: status PENDING → READY (versioned) + activity while the task is not deleted, one transaction; READY already → as is. */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { attachmentKey } from '../model/keys.ts';
import { change } from './lib/activity.ts';
import { cancellation, notFound, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity, taskNotDeleted } from './lib/task.ts';
import { bumped, versionedUpdate } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const a = ctx.stash.attachment;
  if (a.status === 'READY') runtime.earlyReturn(a, { skipTo: 'NEXT' });
  const table = tableName(ctx);
  const task = ctx.stash.task;
  const at = now();
  const set = { status: 'READY' };
  ctx.stash.attachmentAfter = bumped(a, set, at);
  return ddb.transactWrite({
    items: [
      versionedUpdate({ table, key: attachmentKey(task.id, a.id), expectedVersion: a.version, set, now: at }),
      taskActivity(table, ctx.stash.actor, task, 'UPDATED', [change('status', a.status, 'READY')], at, {
        entityType: 'ATTACHMENT',
        entityId: a.id,
      }),
      taskNotDeleted(table, task.id),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c && c.index === 2) return notFound('Task');
  if (c && c.index === 0 && c.item && c.item.status === 'READY') return c.item;
  if (c) versionedTxFailure(c, 0, 'Attachment', ctx.stash.attachment.version);
  return ctx.stash.attachmentAfter;
}
