/**
 * THE authorisation step: every operation on project data references this pipeline function (manifest
 * name `authorize`), never a copy. Data source: the table.
 *
 * In (ctx.stash):  projectId  the project the operation touches (a load step may have set it)
 *                  need       'read' | 'write' | 'admin'
 *                  needRole?  true: also read a global Admin's membership (so `myRole` can be shown)
 *                  what?      what to call a hidden/unknown thing in NotFound (default 'Project';
 *                             load steps set it, e.g. 'Task')
 * Out:             ctx.stash.actor = { id, kind: 'user'|'token'|'system', role, globalAdmin, scope? }
 *                  (see lib/actor.ts); the step's result is ctx.prev.result, passed through unchanged.
 *
 * Rules:
 *   Cognito user in group `Admins`    everything, in projects that exist: the membership read is replaced by
 *                                     a read of the project (skipped when a load step already loaded the
 *                                     project, or an entity of that project — projects are never deleted,
 *                                     so its task, story, sprint or comment proves it exists) — an unknown
 *                                     projectId → NotFound, as for anyone else, and nothing is ever
 *                                     written under a project that does not exist
 *   other Cognito users               need a membership item (PROJECT#p / MEMBER#sub): none → NotFound
 *                                     (existence is never revealed); VIEWER cannot write; only ADMIN
 *                                     administers → Unauthorized
 *   Lambda authorizer (token)         resolverContext { tokenId, projectId, scope }: another project →
 *                                     NotFound; READ cannot write; tokens never administer → Unauthorized
 *   IAM                               Taskwire's own functions: allowed (actor 'system')
 *   anything else                     Unauthorized
 */
import { util, runtime, type Context } from '@aws-appsync/utils';

/** Explicit: continue with the next function (AppSync's default here, spelled out for every runtime). */
const NEXT = { skipTo: 'NEXT' as const };
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, membershipKey, projectKey } from '../../model/keys.ts';
import type { Membership } from '../../types/graphql.ts';
import { ADMINS_GROUP, tokenActorId, type Actor, type Need, type TokenContext } from '../lib/actor.ts';
import { notFound, raiseIfError } from '../lib/errors.ts';

interface Stash {
  projectId?: string;
  need?: Need;
  needRole?: boolean;
  what?: string;
  actor?: Actor;
  [k: string]: unknown;
}

interface AnyIdentity {
  sub?: string;
  groups?: string[] | null;
  resolverContext?: TokenContext | null;
  userArn?: string;
  accountId?: string;
}

function hidden(stash: Stash): never {
  return notFound(stash.what ?? 'Project');
}

/** A load step already read the project, or an entity of it (which cannot outlive its project). */
function projectKnown(stash: Stash): boolean {
  const project = stash.project as { id?: string } | undefined;
  if (project && project.id === stash.projectId) return true;
  const owned = [stash.task, stash.story, stash.sprint, stash.comment] as ({ projectId?: string } | null | undefined)[];
  return owned.some((e) => !!e && e.projectId === stash.projectId);
}

export function request(ctx: Context<unknown, Stash>) {
  const stash = ctx.stash;
  const projectId = stash.projectId;
  const need = stash.need;
  if (!projectId || !need) {
    return util.error('authorize: ctx.stash.projectId and ctx.stash.need must be set', 'InternalFailure');
  }
  const identity = ctx.identity as AnyIdentity | null | undefined;
  if (!identity) return util.unauthorized();

  if (identity.resolverContext) {
    const token = identity.resolverContext;
    if (token.projectId !== projectId) return hidden(stash);
    if (need === 'admin') return util.unauthorized();
    if (need === 'write' && token.scope !== 'READ_WRITE') return util.unauthorized();
    stash.actor = { id: tokenActorId(token.tokenId), kind: 'token', role: null, globalAdmin: false, scope: token.scope };
    return runtime.earlyReturn(ctx.prev.result, NEXT);
  }

  if (identity.userArn || identity.accountId) {
    stash.actor = { id: 'system', kind: 'system', role: null, globalAdmin: false };
    return runtime.earlyReturn(ctx.prev.result, NEXT);
  }

  if (!identity.sub) return util.unauthorized();
  const globalAdmin = (identity.groups ?? []).indexOf(ADMINS_GROUP) >= 0;
  stash.actor = { id: identity.sub, kind: 'user', role: null, globalAdmin };
  if (globalAdmin && !stash.needRole) {
    if (projectKnown(stash)) return runtime.earlyReturn(ctx.prev.result, NEXT);
    return ddb.get({ key: projectKey(projectId), consistentRead: true });
  }
  return ddb.get({ key: membershipKey(projectId, identity.sub), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const stash = ctx.stash;
  const actor = stash.actor as Actor;
  if (actor.globalAdmin && !stash.needRole) {
    // The project's own item (see request): it must exist.
    const project = ctx.result as { entity?: string } | null;
    if (!project || project.entity !== ENTITY.project) return hidden(stash);
    return ctx.prev.result;
  }
  const membership = ctx.result as Membership | null;
  if (membership) actor.role = membership.role;
  if (!actor.globalAdmin) {
    if (!membership) return hidden(stash);
    if (stash.need === 'write' && membership.role === 'VIEWER') return util.unauthorized();
    if (stash.need === 'admin' && membership.role !== 'ADMIN') return util.unauthorized();
  }
  return ctx.prev.result;
}
