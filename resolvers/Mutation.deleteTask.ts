/**
 * deleteTask: one transaction removes the task item
 * (conditioned on the version read), records DELETED in the project's history (the task's own
 * partition is purged), writes the purge tombstone and takes the task out of its story's counters.
 * Then .purge invokes the `workers` function (Event: AppSync does not wait) with purgeTask, which
 * deletes the task's comments, attachments (items and S3 objects), time entries and history in
 * idempotent batches and removes the tombstone last; an interrupted purge is resumed from its
 * tombstone (workers `resumePurges`). Readers cannot see the half state: every child is reached
 * through its task, and the task is gone (NotFound).
 * The payload is the task as it was, with `deletedAt`.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationDeleteTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationDeleteTaskArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
