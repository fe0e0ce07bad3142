/** updateTask step: versioned write of the changed fields (+ index keys, story counters, activity). */
import { runtime, type Context } from '@aws-appsync/utils';
import type { MutationUpdateTaskArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { checkVersion } from './lib/versioned.ts';
import { taskWriteRequest, taskWriteResult } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateTaskArgs, Stash>) {
  const task = ctx.stash.task;
  checkVersion(task.version, ctx.args.input.expectedVersion);
  const sprint = ctx.stash.sprint;
  const fields = ctx.stash.fields;
  if (sprint && sprint.state === 'COMPLETED' && fields.sprintId !== task.sprintId) {
    validationError('Tasks cannot be moved into a completed sprint', 'sprintId');
  }
  const current = task as unknown as Record<string, unknown>;
  const changed = Object.keys(fields).filter((k) => JSON.stringify(fields[k] ?? null) !== JSON.stringify(current[k] ?? null));
  if (changed.length === 0) runtime.earlyReturn(task);
  return taskWriteRequest(ctx, fields, 'UPDATED');
}

export function response(ctx: Context<unknown, Stash>) {
  return taskWriteResult(ctx);
}
