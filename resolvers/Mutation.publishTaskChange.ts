/**
 * Mutation.publishTaskChange(projectId, id) — IAM only (Taskwire's Lambda functions, e.g. the sprint
 * carry-over in functions/workers). Re-reads the task (strongly
 * consistent GetItem) and returns it, so AppSync delivers it to onTaskChanged subscribers of its
 * project. Subscribers receive only the fields this mutation's selection set selected: the caller must
 * select the whole Task (functions/workers/publish.ts TASK_CHANGE_FIELDS). A task that does not exist
 * or belongs to another project → NotFound (and nothing is delivered).
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationPublishTaskChangeArgs } from '../types/graphql.ts';
import { notFound } from './lib/errors.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationPublishTaskChangeArgs, Stash>) {
  ctx.stash.publishProjectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<MutationPublishTaskChangeArgs, Stash>) {
  const task = ctx.stash.task;
  if (task.projectId !== ctx.stash.publishProjectId) return notFound('Task');
  return task;
}
