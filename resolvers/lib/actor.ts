/**
 * Who is acting, as `steps/authorize.ts` leaves it in `ctx.stash.actor` for every later step.
 *
 * Stash contract of the authorize step (keep stable — every operation relies on it):
 *   in:  ctx.stash.projectId: string          the project the operation touches (set by the resolver's
 *                                             request or by a load step such as steps/loadProject.ts)
 *        ctx.stash.need: 'read'|'write'|'admin'
 *        ctx.stash.needRole?: boolean         also read a global Admin's membership (for `myRole`)
 *   out: ctx.stash.actor: Actor
 */
import type { Role } from '../../types/graphql.ts';

export type Need = 'read' | 'write' | 'admin';

export interface Actor {
  /** Cognito `sub`, `token:<tokenId>` for an integration, or `system` (IAM). Goes into Activity.actorId. */
  id: string;
  kind: 'user' | 'token' | 'system';
  /** The caller's membership role in the project (null: integration, system, or a non-member Admin). */
  role: Role | null;
  /** Member of the Cognito group `Admins` (may do everything). */
  globalAdmin: boolean;
  /** Integrations only: the token's scope. */
  scope?: 'READ' | 'READ_WRITE';
}

/** What the Lambda authorizer puts in `ctx.identity.resolverContext` (functions/authorizer). */
export interface TokenContext {
  tokenId: string;
  projectId: string;
  scope: 'READ' | 'READ_WRITE';
}

export const ADMINS_GROUP = 'Admins';

/** May administer the project: a project ADMIN, a global Admin, or the system. */
export function isProjectAdmin(actor: Actor): boolean {
  return actor.globalAdmin || actor.kind === 'system' || actor.role === 'ADMIN';
}

/** Activity actor id for an integration token. */
export function tokenActorId(tokenId: string): string {
  return `token:${tokenId}`;
}
