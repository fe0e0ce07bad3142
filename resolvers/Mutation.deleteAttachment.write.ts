/** deleteAttachment step: delete the item (condition: the version read) + activity, one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { attachmentKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import type { Actor } from './lib/actor.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import type { TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const a = ctx.stash.attachment as { id: string; fileName: string; version: number };
  const task = ctx.stash.task as TaskItem;
  return ddb.transactWrite({
    items: [
      { deleteItem: { table, key: attachmentKey(task.id, a.id), condition: { version: { eq: a.version } } } },
      activityItem({
        table,
        projectId: task.projectId,
        taskId: task.id,
        entityType: 'ATTACHMENT',
        entityId: a.id,
        action: 'DELETED',
        actor: ctx.stash.actor as Actor,
        changes: [change('fileName', a.fileName, null)],
        now: now(),
      }),
    ] as never,
  });
}

export function response(ctx: Context) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Attachment', (ctx.stash.attachment as { version: number }).version);
  return ctx.stash.attachment;
}
