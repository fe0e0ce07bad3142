/**
 * createTask step: takes the next task number with an atomic increment of the project's taskCount
 * (numbers are never reused). Returns the project as updated (its key forms the task key).
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectKey } from '../model/keys.ts';
import { isConditionFailure, notFound, projectArchived, raiseIfError } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const project = ctx.stash.project;
  if (project && project.archived) projectArchived();
  return ddb.update({
    key: projectKey(ctx.stash.projectId),
    update: { taskCount: ddb.operations.increment(1) },
    condition: { PK: { attributeExists: true }, archived: { ne: true } },
  });
}

export function response(ctx: Context<unknown, Stash>) {
  if (isConditionFailure(ctx)) {
    // Archived after authorize read it.
    if (ctx.result) return projectArchived();
    return notFound('Project');
  }
  raiseIfError(ctx);
  const project = ctx.result as { key: string; taskCount: number };
  ctx.stash.number = project.taskCount;
  ctx.stash.projectKeyText = project.key;
  return project;
}
