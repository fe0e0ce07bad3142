/** addComment and updateComment step: reads up to 100 members of the task's project and resolves the body's @mentions. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { MEMBER_PREFIX, projectPk } from '../model/keys.ts';
import { mentionedUserIds, type MemberRef } from './lib/comment.ts';
import { raiseIfError } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  return ddb.query({
    query: { PK: { eq: projectPk(ctx.stash.projectId) }, SK: { beginsWith: MEMBER_PREFIX } },
    limit: 100,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const members = ((ctx.result as { items?: MemberRef[] }).items ?? []) as MemberRef[];
  ctx.stash.mentions = mentionedUserIds(ctx.stash.body, members);
  return ctx.stash.mentions;
}
