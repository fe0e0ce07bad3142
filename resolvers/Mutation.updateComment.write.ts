/** updateComment step: versioned update of body (+ mentions re-resolved against the commenter's text) and activity. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { commentKey } from '../model/keys.ts';
import type { MutationUpdateCommentArgs } from '../types/graphql.ts';
import { change } from './lib/activity.ts';
import type { Actor } from './lib/actor.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity, type TaskItem } from './lib/task.ts';
import { bumped, checkVersion, versionedUpdate } from './lib/versioned.ts';

interface CommentItem {
  id: string;
  body: string;
  mentions: string[];
  version: number;
}

export function request(ctx: Context<MutationUpdateCommentArgs>) {
  const table = tableName(ctx);
  const comment = ctx.stash.comment as CommentItem;
  const task = ctx.stash.task as TaskItem;
  checkVersion(comment.version, ctx.args.input.expectedVersion);
  const at = now();
  // .members (addComment's step) resolved the new body's @mentions into ctx.stash.mentions.
  const fields = { body: ctx.stash.body as string, mentions: ctx.stash.mentions as string[], edited: true };
  ctx.stash.after = bumped(comment, fields, at);
  return ddb.transactWrite({
    items: [
      versionedUpdate({ table, key: commentKey(task.id, comment.id), expectedVersion: comment.version, set: fields, now: at }),
      taskActivity(table, ctx.stash.actor as Actor, task, 'UPDATED', [change('body', comment.body, fields.body)], at, {
        entityType: 'COMMENT',
        entityId: comment.id,
      }),
    ] as never,
  });
}

export function response(ctx: Context) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Comment', (ctx.stash.comment as CommentItem).version);
  return ctx.stash.after;
}
