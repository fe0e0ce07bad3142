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
 *
 * An archived project is read-only until restored: after the rules above, every Mutation on it is
 * refused with ConflictError reason PROJECT_ARCHIVED (lib/errors.ts projectArchived), whoever asks,
 * unless the resolver set ctx.stash.whileArchived (archiveProject, restoreProject, and mutations that
 * only read, like attachmentDownloadUrl). Taskwire's own functions (IAM) are not refused: they finish
 * or deliver work already accepted. The project's flag comes from the loaded project, or is read here
 * with the membership (one strongly consistent BatchGetItem).
 */
import { util, runtime, type Context } from '@aws-appsync/utils';

/** Explicit: continue with the next function (AppSync's default here, spelled out for every runtime). */
const NEXT = { skipTo: 'NEXT' as const };
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, membershipKey, projectKey } from '../../model/keys.ts';
import type { Membership } from '../../types/graphql.ts';
import { ADMINS_GROUP, tokenActorId, type TokenContext } from '../lib/actor.ts';
import { notFound, projectArchived, raiseIfError } from '../lib/errors.ts';
import { tableName } from '../lib/table.ts';
import type { Stash } from '../lib/stash.ts';

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
  // Which of these a load step set depends on the pipeline: read them as possibly absent.
  const project: { id?: string } | undefined = stash.project;
  if (project && project.id === stash.projectId) return true;
  const owned: ({ projectId?: string } | null | undefined)[] = [stash.task, stash.story, stash.sprint, stash.comment];
  return owned.some((e) => !!e && e.projectId === stash.projectId);
}

/**
 * Whether this call must know if the project is archived: a Mutation not exempt. Undefined: no; true or
 * false: the loaded project's flag; null: it must be read.
 */
function archivedState(ctx: Context<unknown, Stash>): boolean | null | undefined {
  const stash = ctx.stash;
  if (ctx.info.parentTypeName !== 'Mutation' || stash.whileArchived) return undefined;
  const project: { id?: string; archived?: boolean } | undefined = stash.project;
  if (project && project.id === stash.projectId) return !!project.archived;
  return null;
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
    const archived = archivedState(ctx);
    if (archived) return projectArchived();
    if (archived === null) {
      stash.authRead = 'project';
      return ddb.get({ key: projectKey(projectId), consistentRead: true });
    }
    return runtime.earlyReturn(ctx.prev.result, NEXT);
  }

  if (identity.userArn || identity.accountId) {
    stash.actor = { id: 'system', kind: 'system', role: null, globalAdmin: false };
    return runtime.earlyReturn(ctx.prev.result, NEXT);
  }

  if (!identity.sub) return util.unauthorized();
  const globalAdmin = (identity.groups ?? []).indexOf(ADMINS_GROUP) >= 0;
  stash.actor = { id: identity.sub, kind: 'user', role: null, globalAdmin };
  const archived = archivedState(ctx);
  if (globalAdmin && !stash.needRole) {
    if (archived) return projectArchived();
    if (archived === undefined && projectKnown(stash)) return runtime.earlyReturn(ctx.prev.result, NEXT);
    stash.authRead = 'project';
    return ddb.get({ key: projectKey(projectId), consistentRead: true });
  }
  if (archived === null) {
    stash.authRead = 'membership+project';
    const table = tableName(ctx);
    return ddb.batchGet({
      tables: { [table]: { keys: [membershipKey(projectId, identity.sub), projectKey(projectId)], consistentRead: true } },
    });
  }
  stash.authRead = 'membership';
  return ddb.get({ key: membershipKey(projectId, identity.sub), consistentRead: true });
}

/** The items the request read: the membership and/or the project (null when absent or not read). */
function readItems(ctx: Context<unknown, Stash>): { membership: Membership | null; project: { entity?: string; archived?: boolean } | null } {
  const read = ctx.stash.authRead;
  if (read === 'membership+project') {
    const items = ((ctx.result as { data: Record<string, ({ entity?: string } | null)[]> }).data[tableName(ctx)] ?? []).filter((i) => !!i);
    return {
      membership: (items.find((i) => !!i && i.entity === ENTITY.membership) ?? null) as Membership | null,
      project: items.find((i) => !!i && i.entity === ENTITY.project) ?? null,
    };
  }
  if (read === 'project') return { membership: null, project: ctx.result as { entity?: string } | null };
  return { membership: ctx.result as Membership | null, project: null };
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const stash = ctx.stash;
  const actor = stash.actor;
  const { membership, project } = readItems(ctx);
  if (actor.kind === 'token' || (actor.globalAdmin && !stash.needRole)) {
    // The project's own item (see request): it must exist.
    if (!project || project.entity !== ENTITY.project) return hidden(stash);
  } else {
    if (membership) actor.role = membership.role;
    if (!actor.globalAdmin) {
      if (!membership) return hidden(stash);
      if (stash.need === 'write' && membership.role === 'VIEWER') return util.unauthorized();
      if (stash.need === 'admin' && membership.role !== 'ADMIN') return util.unauthorized();
    }
  }
  if (project ? !!project.archived : archivedState(ctx)) return projectArchived();
  return ctx.prev.result;
}
