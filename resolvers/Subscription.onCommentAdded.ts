/**
 * onCommentAdded(taskId): an unknown task → NotFound; read access to the task's project (an
 * integration token only for its own project); then an enhanced filter
 * on taskId, and the invalidation filter { projectId, userId } that Mutation.removeMember matches to
 * end a removed member's live access (lib/live.ts).
 */
import { extensions, util, type Context } from '@aws-appsync/utils';
import type { SubscriptionOnCommentAddedArgs } from '../types/graphql.ts';
import { setMemberInvalidationFilter } from './lib/live.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<SubscriptionOnCommentAddedArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.taskId, 'taskId');
  ctx.stash.need = 'read';
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnCommentAddedArgs, Stash>) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ taskId: { eq: ctx.stash.taskId } }));
  setMemberInvalidationFilter(ctx.stash.projectId, ctx.stash.actor);
  return null;
}
