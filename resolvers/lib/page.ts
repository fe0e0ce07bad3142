/**
 * Pagination: every list is a Query with a bounded `limit` and AppSync's opaque `nextToken`.
 *   pageLimit(limit)        null/undefined → 20; otherwise 1..100 (ValidationError outside)
 *   connection(result)      { items, nextToken } from a Query result (raises data-source errors)
 *   listRequest(ctx, parent, need)   the request of a list under one parent (see below)
 */
import type { Context } from '@aws-appsync/utils';
import { validationError, raiseIfError, type ResultContext } from './errors.ts';
import { id } from './validate.ts';
import type { Stash } from './stash.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export function pageLimit(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return DEFAULT_LIMIT;
  if (Math.floor(limit) !== limit || limit < 1 || limit > MAX_LIMIT) {
    return validationError(`limit must be between 1 and ${MAX_LIMIT}`, 'limit');
  }
  return limit;
}

export interface Page<T> {
  items: T[];
  nextToken: string | null;
}

export function connection<T>(ctx: ResultContext): Page<T> {
  raiseIfError(ctx);
  const r = (ctx.result ?? {}) as { items?: T[]; nextToken?: string | null };
  return { items: r.items ?? [], nextToken: r.nextToken ?? null };
}

/**
 * The pipeline request of a list under one parent, for the load/authorize steps that follow:
 * ctx.stash[parent] = the id argument of that name (validated), ctx.stash.limit = pageLimit(limit),
 * ctx.stash.need = the access authorize checks. Returns {} (the pipeline's before-mapping).
 */
export function listRequest<A extends { limit?: number | null }>(
  ctx: Context<A, Stash>,
  parent: 'projectId' | 'taskId' | 'storyId',
  need: 'read' | 'admin',
) {
  ctx.stash[parent] = id((ctx.args as Record<string, unknown>)[parent], parent);
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.need = need;
  return {};
}
