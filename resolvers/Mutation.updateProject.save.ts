/**
 * updateProject's write: optimistic update of name/description against
 * `expectedVersion` (stale → ConflictError { currentVersion }), with its Activity, in one transaction.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectKey } from '../model/keys.ts';
import type { MutationUpdateProjectArgs } from '../types/graphql.ts';
import { activityItem, diff } from './lib/activity.ts';
import { cancellation, validationError, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { clearableText, LIMITS, optionalText } from './lib/validate.ts';
import { bumped, checkVersion, versionedUpdate } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateProjectArgs, Stash>) {
  const input = ctx.args.input;
  const project = ctx.stash.project;
  const set: Record<string, unknown> = {};
  const name = optionalText(input.name, 'name', LIMITS.name);
  if (name === null) validationError('name cannot be cleared', 'name');
  if (name !== undefined) set.name = name;
  const description = clearableText(input.description, 'description', LIMITS.description);
  if (description !== undefined) set.description = description;
  if (Object.keys(set).length === 0) validationError('Nothing to update: give name or description', 'input');
  checkVersion(project.version, input.expectedVersion);

  const changes = diff(project as unknown as Record<string, unknown>, set, Object.keys(set));
  if (changes.length === 0) return runtime.earlyReturn(Object.assign({}, project, { myRole: ctx.stash.actor.role }));
  const table = tableName(ctx);
  const t = now();
  ctx.stash.result = Object.assign(bumped(project, set, t), { myRole: ctx.stash.actor.role });
  return ddb.transactWrite({
    items: [
      versionedUpdate({ table, key: projectKey(project.id), expectedVersion: input.expectedVersion, set, now: t }),
      activityItem({
        table,
        projectId: project.id,
        entityType: 'PROJECT',
        entityId: project.id,
        action: 'UPDATED',
        actor: ctx.stash.actor,
        changes,
        now: t,
      }),
    ],
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const failed = cancellation(ctx);
  if (failed) return versionedTxFailure(failed, 0, 'Project', ctx.stash.project.version);
  return ctx.stash.result;
}
