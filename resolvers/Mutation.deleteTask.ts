/**
 * deleteTask: pipeline loadTask → authorize (write) → .write. One transaction removes the task item
 * (conditioned on the version read), records DELETED in the project's history (the task's own
 * partition is purged) and takes the task out of its story's counters. The task's comments,
 * attachments, time entries and history are purged afterwards by functions/workers/purgeTask.ts, which
 * the stream handler runs on the task's REMOVE event (idempotent, resumable batches). Readers cannot see
 * the half state: every child is reached through its task, and the task is gone (NotFound).
 * The payload is the task as it was, with `deletedAt`.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationDeleteTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<MutationDeleteTaskArgs>) {
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
