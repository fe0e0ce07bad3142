/**
 * onTaskChanged(projectId): read access to the project (an integration token only for its own
 * project); then an enhanced filter on projectId, so a subscriber never receives another project's
 * events (the mutation's selection must include projectId), and the invalidation filter
 * { projectId, userId } that Mutation.removeMember matches to end a removed member's live access
 * (lib/live.ts).
 */
import { extensions, util, type Context } from '@aws-appsync/utils';
import type { SubscriptionOnTaskChangedArgs } from '../types/graphql.ts';
import { setMemberInvalidationFilter } from './lib/live.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<SubscriptionOnTaskChangedArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.need = 'read';
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnTaskChangedArgs, Stash>) {
  const projectId = ctx.stash.projectId;
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ projectId: { eq: projectId } }));
  setMemberInvalidationFilter(projectId, ctx.stash.actor);
  return null;
}
