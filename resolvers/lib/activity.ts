/**
 * Activity: the append-only history. Every change writes one Activity item in the SAME
 * TransactWriteItems as the change itself.
 *
 *   change(field, before, after)        one FieldChange; values are stored as AWSJSON strings
 *   diff(before, after, fields)         FieldChanges for the fields whose value differs
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
import { ENTITY, projectActivityKey, taskActivityKey } from '../../model/keys.ts';
import type { ActivityAction, EntityType } from '../../types/graphql.ts';
import type { Actor } from './actor.ts';

export interface FieldChange {
  field: string;
  /** JSON text of the value before (null: it had none). */
  before: string | null;
  after: string | null;
}

function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

export function change(field: string, before: unknown, after: unknown): FieldChange {
  return { field, before: json(before), after: json(after) };
}

export function diff(before: Record<string, unknown>, after: Record<string, unknown>, fields: string[]): FieldChange[] {
  return fields
    .filter((f) => json(before[f]) !== json(after[f]))
    .map((f) => change(f, before[f], after[f]));
}

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
  const id = util.autoUlid();
  const key = a.taskId ? taskActivityKey(a.taskId, id) : projectActivityKey(a.projectId, id);
  return {
    putItem: {
      table: a.table,
      key,
      item: {
        entity: ENTITY.activity,
        version: 1,
        id,
        projectId: a.projectId,
        taskId: a.taskId ?? null,
        entityType: a.entityType,
        entityId: a.entityId,
        actorId: a.actor.id,
        action: a.action,
        changes: a.changes,
        createdAt: a.now,
      },
      condition: { PK: { attributeExists: false } },
    },
  };
}
