/**
 * completeSprint step: one page (≤ 100) of the sprint's tasks (bySprint partition, every status).
 *   - the unfinished ones (not DONE), when there are few enough to carry over inline;
 *   - when the page holds the whole partition: the sprint's committed points (every non-archived task's
 *     estimate) and completed points (the DONE ones), which .write records on the sprint so reports read
 *     one item per sprint (the unfinished tasks leave it). Otherwise the carry-over worker records them
 *     before it moves anything.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { sprintPk } from '../model/keys.ts';
import { raiseIfError } from './lib/errors.ts';
import { INLINE_CARRY_OVER } from './lib/sprint.ts';
import type { TaskItem } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  if (ctx.stash.resume) runtime.earlyReturn(null, { skipTo: 'NEXT' });
  return ddb.query({
    index: INDEX.bySprint.name,
    query: { [INDEX.bySprint.pk]: { eq: sprintPk(ctx.stash.sprint.id) } },
    limit: 100,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const r = ctx.result as { items?: TaskItem[]; nextToken?: string | null };
  const all = r.items ?? [];
  const items = all.filter((t) => t.status !== 'DONE');
  ctx.stash.inline = !r.nextToken && items.length <= INLINE_CARRY_OVER;
  ctx.stash.unfinished = ctx.stash.inline ? items : [];
  if (!r.nextToken) {
    let committed = 0;
    let completed = 0;
    all.forEach((t) => {
      if (t.archived === true) return;
      const p = typeof t.estimatePoints === 'number' && t.estimatePoints > 0 ? t.estimatePoints : 0;
      committed += p;
      if (t.status === 'DONE') completed += p;
    });
    ctx.stash.points = { committedPoints: committed, completedPoints: completed };
  }
  return items.length;
}
