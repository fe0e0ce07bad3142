/**
 * createTask: a new card goes to the bottom of TODO (.rank) and takes the next number (.number, an
 * atomic taskCount increment); .write is one transaction (task, activity, story counters, assignee
 * membership check). Input and references are checked before the number is taken, so a create
 * refused for them burns no task number; one whose transaction fails afterwards (the assignee removed or
 * the story deleted in between) leaves a gap in the numbers — they are never reused.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationCreateTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import { now } from './lib/ids.ts';
import { createTaskFields } from './lib/taskInput.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationCreateTaskArgs, Stash>) {
  const fields = createTaskFields(ctx.args.input);
  ctx.stash.fields = fields;
  ctx.stash.projectId = id(ctx.args.input.projectId, 'projectId');
  ctx.stash.need = 'write';
  ctx.stash.storyId = fields.storyId;
  ctx.stash.sprintId = fields.sprintId;
  ctx.stash.assigneeId = fields.assigneeId;
  ctx.stash.now = now();
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
