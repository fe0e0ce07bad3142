/** deleteComment step: delete (version unchanged) + activity, one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { commentKey } from '../model/keys.ts';
import { change } from './lib/activity.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const comment = ctx.stash.comment;
  const task = ctx.stash.task;
  return ddb.transactWrite({
    items: [
      { deleteItem: { table, key: commentKey(task.id, comment.id), condition: { version: { eq: comment.version } } } },
      taskActivity(table, ctx.stash.actor, task, 'DELETED', [change('body', comment.body, null)], now(), {
        entityType: 'COMMENT',
        entityId: comment.id,
      }),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Comment', ctx.stash.comment.version);
  return ctx.stash.comment;
}
