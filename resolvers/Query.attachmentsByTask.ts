/** attachmentsByTask: oldest first. */
import type { Context } from '@aws-appsync/utils';
import type { QueryAttachmentsByTaskArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';

export function request(ctx: Context<QueryAttachmentsByTaskArgs>) {
  return listRequest(ctx, 'taskId', 'read');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
