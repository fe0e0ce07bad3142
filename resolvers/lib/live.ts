/**
 * Live updates: the contract between the subscription resolvers and the mutations that end a
 * subscriber's live access (AppSync subscription invalidation, docs/local-runtime.md "Subscriptions").
 *
 * AppSync matches each subscription's invalidation filter (set once, at `start`, with
 * `extensions.setSubscriptionInvalidationFilter`) against the *payload* a mutation hands to
 * `extensions.invalidateSubscriptions({ subscriptionField, payload })` — not against any mutation result.
 * Taskwire's payload is always `{ projectId, userId }`:
 *
 *   subscription start (onTaskChanged, onSprintChanged, onCommentAdded)
 *     invalidation filter  projectId eq <the project it reads>  AND  userId eq <actor.id>
 *       actor.id: the Cognito `sub` of a person, `token:<tokenId>` of an integration token
 *     no invalidation filter for a global Admin (group `Admins`): losing a membership does not end
 *     their access to the project, so nothing should close their subscriptions
 *   Mutation.removeMember response
 *     invalidateSubscriptions({ subscriptionField: f, payload: { projectId, userId: <removed sub> } })
 *     for each f of LIVE_PROJECT_FIELDS (3 of AppSync's 5 per request)
 *   (a token revocation can end a token's subscriptions the same way, with userId `token:<tokenId>`)
 *
 * On a match AppSync unsubscribes the subscription and closes its WebSocket connection.
 */
import { extensions, util } from '@aws-appsync/utils';
import type { Actor } from './actor.ts';

/** The project-scoped subscription fields a member's removal must close. */
export const LIVE_PROJECT_FIELDS = ['onTaskChanged', 'onSprintChanged', 'onCommentAdded'];

/** Sets the invalidation filter of a subscription on `projectId` started by `actor` (see above). */
export function setMemberInvalidationFilter(projectId: string, actor: Actor): void {
  if (actor.globalAdmin || actor.kind === 'system') return;
  extensions.setSubscriptionInvalidationFilter(
    util.transform.toSubscriptionFilter({ projectId: { eq: projectId }, userId: { eq: actor.id } }),
  );
}

/** Closes every live subscription `userId` holds on `projectId` (call from a mutation's response). */
export function invalidateMemberSubscriptions(projectId: string, userId: string): void {
  for (const subscriptionField of LIVE_PROJECT_FIELDS) {
    extensions.invalidateSubscriptions({ subscriptionField, payload: { projectId, userId } });
  }
}
