/** Taskwire's domain events on the bus (docs/events.md): their Source and DetailTypes. Pure data. */
export const SOURCE = 'taskwire';
export const DETAIL_TYPES = [
  'TaskCreated',
  'TaskAssigned',
  'TaskStatusChanged',
  'TaskDueDateChanged',
  'TaskUpdated',
  'TaskDeleted',
  'CommentAdded',
  'MentionAdded',
  'SprintStarted',
  'SprintCompleted',
  'MemberAdded',
  'MemberRemoved',
] as const;
export type DetailType = (typeof DETAIL_TYPES)[number];
