/**
 * moveTask step: reads the named neighbours (afterId above, beforeId below). Each must be a task of the
 * same project, in the target status; otherwise ValidationError (a foreign id is indistinguishable from
 * an unknown one). Skipped when no neighbour is named.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { taskKey } from '../model/keys.ts';
import { raiseIfError, validationError } from './lib/errors.ts';
import { tableName } from './lib/table.ts';
import type { TaskItem } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const ids = [ctx.stash.afterId, ctx.stash.beforeId].filter((x): x is string => !!x);
  if (ids.length === 0) runtime.earlyReturn(null, { skipTo: 'NEXT' });
  return ddb.batchGet({ tables: { [tableName(ctx)]: { keys: ids.map((i) => taskKey(i)), consistentRead: true } } });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const found = ((ctx.result as { data: Record<string, (TaskItem | null)[]> }).data[tableName(ctx)] ?? []).filter(
    (t) => !!t,
  ) as TaskItem[];
  const check = (field: string, wanted: string | null) => {
    if (!wanted) return null;
    const t = found.find((x) => x.id === wanted);
    if (!t || t.entity !== 'Task' || t.projectId !== ctx.stash.projectId) {
      return validationError(`${field}: no such task in this project`, field);
    }
    if (t.status !== ctx.stash.status) return validationError(`${field}: that task is not in ${ctx.stash.status}`, field);
    return t;
  };
  const above = check('afterId', ctx.stash.afterId);
  const below = check('beforeId', ctx.stash.beforeId);
  // Equal ranks (written before ranks were made unique) are allowed: .gap places the card below both.
  if (above && below && above.rank > below.rank) {
    validationError('afterId must be above beforeId in the column (reload the board)', 'beforeId');
  }
  ctx.stash.above = above;
  ctx.stash.below = below;
  return null;
}
