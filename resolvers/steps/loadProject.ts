/**
 * Load step (manifest name `loadProject`), the pattern every load step follows (loadTask, loadStory,
 * loadSprint, ...): GetItem by an id the resolver's request put in the stash; absent → NotFound; the
 * item goes into the stash and `ctx.stash.projectId` is set, so `authorize` can run next.
 *
 * In:  ctx.stash.projectId (the resolver's request sets it from its arguments)
 * Out: ctx.stash.project (the Project item), ctx.stash.projectId, ctx.stash.what = 'Project';
 *      result: the Project item.
 * Order: [loadX, authorize, ...]. A non-member and an unknown id both get NotFound, so loading first
 * reveals nothing. Reads are strongly consistent: writes that follow compare versions against them.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectKey } from '../../model/keys.ts';
import { notFound, raiseIfError } from '../lib/errors.ts';
import type { ProjectItem, Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  ctx.stash.what = 'Project';
  return ddb.get({ key: projectKey(ctx.stash.projectId), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const project = ctx.result as ProjectItem | null;
  if (!project) return notFound('Project');
  ctx.stash.project = project;
  ctx.stash.projectId = project.id;
  return project;
}
