/** attachmentsByTask step: Query PK = TASK#id, begins_with(SK, ATTACHMENT_PREFIX). */
import type { Context } from '@aws-appsync/utils';
import { ATTACHMENT_PREFIX } from '../model/keys.ts';
import type { QueryAttachmentsByTaskArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { childrenQuery } from './lib/taskChildren.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryAttachmentsByTaskArgs, Stash>) {
  return childrenQuery(ctx.stash.taskId, ATTACHMENT_PREFIX, ctx.stash.limit, ctx.args.nextToken, false);
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
