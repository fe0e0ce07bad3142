/** restoreTask: clears the archived flag and archivedAt. */
import type { Context } from '@aws-appsync/utils';
import type { MutationRestoreTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<MutationRestoreTaskArgs>) {
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
