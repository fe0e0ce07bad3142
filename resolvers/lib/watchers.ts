/**
 * Watchers: one item per person beside the task (model/keys.ts watcherKey), never a field of the task
 * item, so watching never bumps the task's `version`, appends no history and conflicts with no edit.
 *   watcherPut(table, task, userId, now)   transact put of the watcher (unconditional: idempotent)
 */
import { ENTITY, watcherKey } from '../../model/keys.ts';

export function watcherPut(table: string, task: { id: string; projectId: string }, userId: string, now: string) {
  return {
    putItem: {
      table,
      key: watcherKey(task.id, userId),
      item: { entity: ENTITY.watcher, taskId: task.id, projectId: task.projectId, userId, createdAt: now },
    },
  };
}
