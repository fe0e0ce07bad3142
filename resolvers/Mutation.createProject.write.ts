/**
 * createProject's write (after the profile steps, so ctx.prev.result is the
 * creator's profile) — TransactWriteItems: claim the key (unique), create the project, make the
 * creator its ADMIN (with the profile's email and display name), list it in the project directory
 * (model/keys.ts projectDirectoryKey, read by adminProjects), append the Activity. Any Cognito user may
 * create a project.
 * A taken key → ConflictError (errorInfo { reason: 'KEY_TAKEN', key }).
 */
import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, membershipIndexKeys, membershipKey, projectDirectoryKey, projectKey, projectKeyClaim } from '../model/keys.ts';
import type { MutationCreateProjectArgs } from '../types/graphql.ts';
import { activityItem, change } from './lib/activity.ts';
import type { Actor } from './lib/actor.ts';
import { cancellation, conflict, stateConflict, validationError } from './lib/errors.ts';
import { newId, now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { signedInUser, type Profile } from './lib/user.ts';
import { LIMITS, optionalText, text } from './lib/validate.ts';
import { createCondition } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationCreateProjectArgs, Stash>) {
  const user = signedInUser(ctx);
  const profile = ctx.prev.result as Profile;
  const input = ctx.args.input;
  const key = text(input.key, 'key', 10).toUpperCase();
  if (!util.matches('^[A-Z][A-Z0-9]{1,9}$', key)) {
    validationError('key must be 2–10 letters A–Z or digits, starting with a letter (e.g. TW)', 'key');
  }
  const name = text(input.name, 'name', LIMITS.name);
  const description = optionalText(input.description, 'description', LIMITS.description) ?? null;
  const table = tableName(ctx);
  const t = now();
  const id = newId();
  const actor: Actor = { id: user.sub, kind: 'user', role: 'ADMIN', globalAdmin: user.globalAdmin };
  const project = {
    id,
    key,
    name,
    description,
    archived: false,
    archivedAt: null,
    activeSprintId: null,
    taskCount: 0,
    adminCount: 1,
    createdBy: user.sub,
    createdAt: t,
    updatedAt: t,
    version: 1,
  };
  ctx.stash.key = key;
  ctx.stash.result = Object.assign({}, project, { myRole: 'ADMIN' });
  return ddb.transactWrite({
    items: [
      {
        putItem: {
          table,
          key: projectKeyClaim(key),
          item: { entity: ENTITY.projectKeyClaim, projectId: id, createdAt: t, version: 1 },
          condition: createCondition,
        },
      },
      { putItem: { table, key: projectKey(id), item: Object.assign({ entity: ENTITY.project }, project), condition: createCondition } },
      {
        putItem: {
          table,
          key: membershipKey(id, user.sub),
          item: Object.assign({}, membershipIndexKeys(user.sub, id), {
            entity: ENTITY.membership,
            projectId: id,
            userId: user.sub,
            email: profile.email,
            displayName: profile.displayName,
            role: 'ADMIN',
            status: 'ACTIVE',
            addedBy: user.sub,
            createdAt: t,
            updatedAt: t,
            version: 1,
          }),
          condition: createCondition,
        },
      },
      {
        putItem: {
          table,
          key: projectDirectoryKey(id, false),
          item: { entity: ENTITY.projectDirectoryEntry, projectId: id, createdAt: t, version: 1 },
          condition: createCondition,
        },
      },
      activityItem({
        table,
        projectId: id,
        entityType: 'PROJECT',
        entityId: id,
        action: 'CREATED',
        actor,
        changes: [change('key', null, key), change('name', null, name)],
        now: t,
      }),
    ],
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const failed = cancellation(ctx);
  if (failed) {
    if (failed.index === 0) {
      return stateConflict(`Project key ${ctx.stash.key} is already taken: choose another`, 'KEY_TAKEN', { key: ctx.stash.key });
    }
    return conflict(null);
  }
  return ctx.stash.result;
}
