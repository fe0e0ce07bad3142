/**
 * onTaskChanged(projectId): pipeline authorize (read access to the project) → enhanced filter on projectId, so a
 * subscriber never receives another project's events (the mutation's selection must include projectId).
 */
import { extensions, util, type Context } from '@aws-appsync/utils';
import type { SubscriptionOnTaskChangedArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<SubscriptionOnTaskChangedArgs>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.need = 'read';
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnTaskChangedArgs>) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ projectId: { eq: ctx.stash.projectId as string } }));
  return null;
}
