/** deleteComment step: delete (version unchanged) + activity, one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { commentKey } from '../model/keys.ts';
import { change } from './lib/activity.ts';
import type { Actor } from './lib/actor.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity, type TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const comment = ctx.stash.comment as { id: string; body: string; version: number };
  const task = ctx.stash.task as TaskItem;
  return ddb.transactWrite({
    items: [
      { deleteItem: { table, key: commentKey(task.id, comment.id), condition: { version: { eq: comment.version } } } },
      taskActivity(table, ctx.stash.actor as Actor, task, 'DELETED', [change('body', comment.body, null)], now(), {
        entityType: 'COMMENT',
        entityId: comment.id,
      }),
    ] as never,
  });
}

export function response(ctx: Context) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Comment', (ctx.stash.comment as { version: number }).version);
  return ctx.stash.comment;
}
