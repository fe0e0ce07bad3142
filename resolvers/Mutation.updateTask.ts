/**
 * updateTask: only the story and sprint links the input changes are checked.
 * Omitted fields stay, explicit null clears. A stale expectedVersion → ConflictError { currentVersion }.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import { updateTaskFields } from './lib/taskInput.ts';

export function request(ctx: Context<MutationUpdateTaskArgs>) {
  const fields = updateTaskFields(ctx.args.input);
  ctx.stash.fields = fields;
  ctx.stash.taskId = id(ctx.args.input.id, 'id');
  ctx.stash.need = 'write';
  ctx.stash.storyId = fields.storyId ?? null;
  ctx.stash.sprintId = fields.sprintId ?? null;
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
