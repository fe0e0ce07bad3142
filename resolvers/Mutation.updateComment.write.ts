/** updateComment step: versioned update of body (+ mentions re-resolved against the commenter's text) and activity. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { commentKey } from '../model/keys.ts';
import type { MutationUpdateCommentArgs } from '../types/graphql.ts';
import { change } from './lib/activity.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity } from './lib/task.ts';
import { bumped, checkVersion, versionedUpdate } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateCommentArgs, Stash>) {
  const table = tableName(ctx);
  const comment = ctx.stash.comment;
  const task = ctx.stash.task;
  checkVersion(comment.version, ctx.args.input.expectedVersion);
  const at = now();
  // .members (addComment's step) resolved the new body's @mentions into ctx.stash.mentions.
  const fields = { body: ctx.stash.body, mentions: ctx.stash.mentions, edited: true };
  ctx.stash.commentAfter = bumped(comment, fields, at);
  return ddb.transactWrite({
    items: [
      versionedUpdate({ table, key: commentKey(task.id, comment.id), expectedVersion: comment.version, set: fields, now: at }),
      taskActivity(table, ctx.stash.actor, task, 'UPDATED', [change('body', comment.body, fields.body)], at, {
        entityType: 'COMMENT',
        entityId: comment.id,
      }),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Comment', ctx.stash.comment.version);
  return ctx.stash.commentAfter;
}
