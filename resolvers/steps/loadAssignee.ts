/**
 * Pipeline step: checks that `ctx.stash.assigneeId` is a member of `ctx.stash.projectId` (skipped when
 * no assignee is stashed). Not a member → ValidationError on `assigneeId`. The write repeats the check
 * as a ConditionCheck in its transaction, so a member removed in between is caught too.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { membershipKey } from '../../model/keys.ts';
import { raiseIfError, validationError } from '../lib/errors.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  if (!ctx.stash.assigneeId) runtime.earlyReturn(null, { skipTo: 'NEXT' });
  return ddb.get({ key: membershipKey(ctx.stash.projectId, ctx.stash.assigneeId) });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  if (!ctx.result) return validationError('The assignee is not a member of this project', 'assigneeId');
  return ctx.result;
}
