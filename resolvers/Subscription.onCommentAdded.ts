/** onCommentAdded(taskId): pipeline loadTask → authorize (read) → enhanced filter on taskId. */
import { extensions, util, type Context } from '@aws-appsync/utils';
import type { SubscriptionOnCommentAddedArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<SubscriptionOnCommentAddedArgs>) {
  ctx.stash.taskId = id(ctx.args.taskId, 'taskId');
  ctx.stash.need = 'read';
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnCommentAddedArgs>) {
  extensions.setSubscriptionFilter(
    util.transform.toSubscriptionFilter({ taskId: { eq: ctx.stash.taskId as string } }),
  );
  return null;
}
