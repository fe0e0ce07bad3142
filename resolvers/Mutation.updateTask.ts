/**
 * updateTask: only the story and sprint links the input changes are checked.
 * Omitted fields stay, explicit null clears. A stale expectedVersion → ConflictError { currentVersion }.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import { updateTaskFields } from './lib/taskInput.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateTaskArgs, Stash>) {
  const fields = updateTaskFields(ctx.args.input);
  ctx.stash.fields = fields;
  ctx.stash.taskId = id(ctx.args.input.id, 'id');
  ctx.stash.need = 'write';
  ctx.stash.storyId = typeof fields.storyId === 'string' ? fields.storyId : null;
  ctx.stash.sprintId = typeof fields.sprintId === 'string' ? fields.sprintId : null;
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
