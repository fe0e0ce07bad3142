/** completeSprint step: the sprint's unfinished tasks (bySprint partition, DONE filtered out), up to the inline bound. */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { sprintPk } from '../model/keys.ts';
import { raiseIfError } from './lib/errors.ts';
import { INLINE_CARRY_OVER } from './lib/sprint.ts';
import type { TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  if (ctx.stash.resume) runtime.earlyReturn(null, { skipTo: 'NEXT' });
  return ddb.query({
    index: INDEX.bySprint.name,
    query: { [INDEX.bySprint.pk]: { eq: sprintPk(ctx.stash.sprintId as string) } },
    filter: { status: { ne: 'DONE' } },
    limit: 100,
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const r = ctx.result as { items?: TaskItem[]; nextToken?: string | null };
  const items = r.items ?? [];
  ctx.stash.inline = !r.nextToken && items.length <= INLINE_CARRY_OVER;
  ctx.stash.unfinished = ctx.stash.inline ? items : [];
  return items.length;
}
