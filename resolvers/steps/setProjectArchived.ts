/**
 * Pipeline function (manifest `setProjectArchived`) of archiveProject/restoreProject: sets or clears
 * the archived flag (ctx.stash.archive) on ctx.stash.project, version-checked against the loaded
 * version, with its Activity (ARCHIVED / RESTORED), and moves its project-directory entry between the
 * ACTIVE# and ARCHIVED# prefixes (model/keys.ts projectDirectoryKey) in the same transaction. Already in
 * that state: returns it, writes nothing.
 * Hiding the project's work follows from the flag (lists read it); nothing else is rewritten.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, projectDirectoryKey, projectKey } from '../../model/keys.ts';
import { activityItem, change } from '../lib/activity.ts';
import { cancellation, versionedTxFailure } from '../lib/errors.ts';
import { now } from '../lib/ids.ts';
import { tableName } from '../lib/table.ts';
import { bumped, versionedUpdate } from '../lib/versioned.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const project = ctx.stash.project;
  const actor = ctx.stash.actor;
  const archive = !!ctx.stash.archive;
  if (project.archived === archive) return runtime.earlyReturn(Object.assign({}, project, { myRole: actor.role }));
  const table = tableName(ctx);
  const t = now();
  const set = { archived: archive, archivedAt: archive ? t : null };
  ctx.stash.result = Object.assign(bumped(project, set, t), { myRole: actor.role });
  return ddb.transactWrite({
    items: [
      versionedUpdate({ table, key: projectKey(project.id), expectedVersion: project.version, set, now: t }),
      // Unconditional: a project made before the directory existed gets its entry here too.
      { deleteItem: { table, key: projectDirectoryKey(project.id, !archive) } },
      {
        putItem: {
          table,
          key: projectDirectoryKey(project.id, archive),
          item: { entity: ENTITY.projectDirectoryEntry, projectId: project.id, createdAt: project.createdAt, version: 1 },
        },
      },
      activityItem({
        table,
        projectId: project.id,
        entityType: 'PROJECT',
        entityId: project.id,
        action: archive ? 'ARCHIVED' : 'RESTORED',
        actor,
        changes: [change('archived', project.archived, archive)],
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
