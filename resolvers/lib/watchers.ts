/**
 * Watchers: one item per person beside the task (model/keys.ts watcherKey), never a field of the task
 * item, so watching never bumps the task's `version`, appends no history and conflicts with no edit.
 *   watcherPut(table, task, userId, now)   transact put of the watcher (unconditional: idempotent)
 *   taskNotDeleted(table, taskId)          transact check that no purge tombstone exists: deleteTask
 *                                          writes one with the delete, and it outlives any request, so
 *                                          for a task loaded in this request it means "still exists"
 *                                          without touching (and racing) the task item itself
 *   TASK_GONE                              how a failed taskNotDeleted is explained (NotFound)
 */
import { ENTITY, taskPurgeKey, watcherKey } from '../../model/keys.ts';
import { NOT_FOUND } from './errors.ts';

export function watcherPut(table: string, task: { id: string; projectId: string }, userId: string, now: string) {
  return {
    putItem: {
      table,
      key: watcherKey(task.id, userId),
      item: { entity: ENTITY.watcher, taskId: task.id, projectId: task.projectId, userId, createdAt: now },
    },
  };
}

export function taskNotDeleted(table: string, taskId: string) {
  return { conditionCheck: { table, key: taskPurgeKey(taskId), condition: { PK: { attributeExists: false } } } };
}

export const TASK_GONE = { type: NOT_FOUND, message: 'Task not found' };
