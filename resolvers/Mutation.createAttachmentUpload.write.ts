/**
 * createAttachmentUpload step: the Attachment item (PENDING, conditional create), a check that the task
 * is still there, and the ATTACHED activity, in one transaction. Returns the AttachmentUpload payload.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, attachmentKey, taskKey } from '../model/keys.ts';
import { change } from './lib/activity.ts';
import { cancellation, notFound, stateConflict } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity } from './lib/task.ts';
import { createCondition } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const task = ctx.stash.task;
  const actor = ctx.stash.actor;
  const at = now();
  const attachment = {
    entity: ENTITY.attachment,
    id: ctx.stash.attachmentId,
    taskId: task.id,
    projectId: task.projectId,
    fileName: ctx.stash.fileName,
    contentType: ctx.stash.contentType,
    size: ctx.stash.size,
    status: 'PENDING',
    uploadedBy: actor.id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  ctx.stash.created = attachment;
  return ddb.transactWrite({
    items: [
      { putItem: { table, key: attachmentKey(task.id, attachment.id), item: attachment, condition: createCondition } },
      { conditionCheck: { table, key: taskKey(task.id), condition: { PK: { attributeExists: true } } } },
      taskActivity(table, actor, task, 'ATTACHED', [change('fileName', null, attachment.fileName), change('status', null, 'PENDING')], at, {
        entityType: 'ATTACHMENT',
        entityId: attachment.id,
      }),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c && c.index === 1) return notFound('Task');
  if (c) return stateConflict('The attachment could not be recorded; try again', 'ATTACHMENT_EXISTS');
  const upload = ctx.stash.upload;
  return {
    attachment: ctx.stash.created,
    url: upload.url,
    fields: JSON.stringify(upload.fields),
    expiresAt: upload.expiresAt,
  };
}
