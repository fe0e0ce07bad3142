/**
 * Mutation.publishNotification — unit conditional PutItem (IAM only: Taskwire's functions). Idempotent
 * on input.id: a second publish of the same id finds the first (AppSync returns the current item when
 * the condition fails) and returns it; nothing is created. Ids should be ULIDs (or sort like them):
 * the sort key orders notifications by id.
 */
import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, notificationKey, unreadNotificationIndexKeys } from '../model/keys.ts';
import type { MutationPublishNotificationArgs, Notification } from '../types/graphql.ts';
import { isConditionFailure, raiseIfError } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { id, LIMITS, oneOf, optionalText, text } from './lib/validate.ts';
import { createCondition } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

const KINDS = [
  'ASSIGNED',
  'MENTIONED',
  'COMMENTED',
  'STATUS_CHANGED',
  'DUE_SOON',
  'OVERDUE',
  'SPRINT_STARTED',
  'SPRINT_COMPLETED',
  'ADDED_TO_PROJECT',
] as const;

export function request(ctx: Context<MutationPublishNotificationArgs, Stash>) {
  const identity = ctx.identity as { userArn?: string; accountId?: string } | null;
  if (!identity || !(identity.userArn || identity.accountId)) return util.unauthorized();
  const input = ctx.args.input;
  const notificationId = id(input.id, 'id');
  const userId = id(input.userId, 'userId');
  const item = {
    entity: ENTITY.notification,
    id: notificationId,
    userId,
    kind: oneOf(input.kind, 'kind', KINDS),
    projectId: input.projectId ? id(input.projectId, 'projectId') : null,
    taskId: input.taskId ? id(input.taskId, 'taskId') : null,
    title: text(input.title, 'title', LIMITS.title),
    body: optionalText(input.body, 'body', LIMITS.body) ?? null,
    read: false,
    readAt: null,
    createdAt: now(),
    version: 1,
  };
  return ddb.put<Record<string, unknown>>({
    key: notificationKey(userId, notificationId),
    item: Object.assign({}, unreadNotificationIndexKeys(userId, notificationId), item),
    condition: createCondition,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  if (isConditionFailure(ctx) && ctx.result) return ctx.result as Notification;
  raiseIfError(ctx);
  return ctx.result as Notification;
}
