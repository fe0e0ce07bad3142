/**
 * The Activity item (the append-only history), built here and nowhere else: its key and attributes, for
 * the resolvers' transact `putItem` (resolvers/lib/activity.ts) and the Lambdas' SDK Put
 * (functions/workers/db.ts) alike. Pure, APPSYNC_JS-safe (no regex, loops, classes or exceptions); the
 * caller brings the id (util.autoUlid() in a resolver, ulid() in a Lambda).
 */
import { ENTITY, projectActivityKey, taskActivityKey, type Key } from './keys.ts';

export interface FieldChange {
  field: string;
  /** JSON text of the value before (null: it had none). */
  before: string | null;
  after: string | null;
}

function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/** One FieldChange; values are stored as AWSJSON strings. */
export function change(field: string, before: unknown, after: unknown): FieldChange {
  return { field, before: json(before), after: json(after) };
}

/** FieldChanges for the fields whose value differs. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, fields: string[]): FieldChange[] {
  return fields
    .filter((f) => json(before[f]) !== json(after[f]))
    .map((f) => change(f, before[f], after[f]));
}

export interface ActivityRecord {
  id: string;
  projectId: string;
  /** Set: the entry lives in the task's partition (activityByTask); else in the project's. */
  taskId?: string | null;
  entityType: string;
  entityId: string;
  actorId: string;
  action: string;
  changes: FieldChange[];
  createdAt: string;
}

/** The Activity item: its key, and its other attributes (written with a conditional create). */
export function activityRecord(a: ActivityRecord) {
  const key: Key = a.taskId ? taskActivityKey(a.taskId, a.id) : projectActivityKey(a.projectId, a.id);
  return {
    key,
    item: {
      entity: ENTITY.activity,
      version: 1,
      id: a.id,
      projectId: a.projectId,
      taskId: a.taskId ?? null,
      entityType: a.entityType,
      entityId: a.entityId,
      actorId: a.actorId,
      action: a.action,
      changes: a.changes,
      createdAt: a.createdAt,
    },
  };
}
