/**
 * Activity: the append-only history. Every change writes one Activity item in the SAME
 * TransactWriteItems as the change itself.
 *
 *   change(field, before, after)        one FieldChange; values are stored as AWSJSON strings
 *   diff(before, after, fields)         FieldChanges for the fields whose value differs
 *                                       (both from model/activity.ts, which builds the item itself)
 *   activityItem({...})                 the transact `putItem` for the Activity (conditional create):
 *       table       tableName(ctx)
 *       projectId   always
 *       taskId      set → the entry lives in the task's partition (activityByTask); else the project's
 *       entityType  EntityType ('PROJECT', 'TASK', ...); entityId the changed item's id
 *       action      ActivityAction ('CREATED', 'UPDATED', ...)
 *       actor       ctx.stash.actor (its id: sub, token:<id> or system)
 *       changes     FieldChange[]
 *       now         the same instant as the change's updatedAt
 *   Returns { putItem } to put straight into ddb.transactWrite({ items: [...] }).
 */
import { util } from '@aws-appsync/utils';
import { activityRecord, type FieldChange } from '../../model/activity.ts';
import type { ActivityAction, EntityType } from '../../types/graphql.ts';
import type { Actor } from './actor.ts';

export { change, diff, type FieldChange } from '../../model/activity.ts';

export interface ActivityInput {
  table: string;
  projectId: string;
  taskId?: string | null;
  entityType: EntityType;
  entityId: string;
  action: ActivityAction;
  actor: Actor;
  changes: FieldChange[];
  now: string;
}

export function activityItem(a: ActivityInput) {
  const { key, item } = activityRecord({
    id: util.autoUlid(),
    projectId: a.projectId,
    taskId: a.taskId,
    entityType: a.entityType,
    entityId: a.entityId,
    actorId: a.actor.id,
    action: a.action,
    changes: a.changes,
    createdAt: a.now,
  });
  return { putItem: { table: a.table, key, item, condition: { PK: { attributeExists: false } } } };
}
