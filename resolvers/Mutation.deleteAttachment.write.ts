/** deleteAttachment step: delete the item (condition: the version read) + activity, one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { attachmentKey } from '../model/keys.ts';
import { change } from './lib/activity.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const a = ctx.stash.attachment;
  const task = ctx.stash.task;
  return ddb.transactWrite({
    items: [
      { deleteItem: { table, key: attachmentKey(task.id, a.id), condition: { version: { eq: a.version } } } },
      taskActivity(table, ctx.stash.actor, task, 'DELETED', [change('fileName', a.fileName, null)], now(), {
        entityType: 'ATTACHMENT',
        entityId: a.id,
      }),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Attachment', ctx.stash.attachment.version);
  return ctx.stash.attachment;
}
