/**
 * Every key of the single table is built here and nowhere else. Plain functions, safe to bundle into
 * APPSYNC_JS resolvers (no regex, loops, classes or exceptions) and used by Lambda functions alike.
 * docs/access-patterns.md maps each access pattern to these builders.
 */

export type TaskStatusKey = 'TODO' | 'IN_PROGRESS' | 'IN_REVIEW' | 'DONE';
export type SprintStateKey = 'PLANNED' | 'ACTIVE' | 'COMPLETED';

export interface Key {
  PK: string;
  SK: string;
}

/** Entity names stored in every item's `entity` attribute. */
export const ENTITY = {
  profile: 'User',
  project: 'Project',
  membership: 'Membership',
  token: 'IntegrationToken',
  story: 'Story',
  task: 'Task',
  sprint: 'Sprint',
  comment: 'Comment',
  attachment: 'Attachment',
  timeEntry: 'TimeEntry',
  activity: 'Activity',
  notification: 'Notification',
  projectKeyClaim: 'ProjectKeyClaim',
  watcher: 'Watcher',
  projectDirectoryEntry: 'ProjectDirectoryEntry',
} as const;

/** Position of each status in "my tasks" ordering (TODO first, DONE last). */
export const STATUS_ORDER: Record<TaskStatusKey, string> = {
  TODO: '1',
  IN_PROGRESS: '2',
  IN_REVIEW: '3',
  DONE: '4',
};

/** Sorts after every ISO-8601 date: tasks with no due date come last within a status. */
export const NO_DUE_DATE = '~';

// ---- people ----------------------------------------------------------------------------------------

export const userPk = (userId: string): string => `USER#${userId}`;
export const profileKey = (userId: string): Key => ({ PK: userPk(userId), SK: 'PROFILE' });

export const NOTIFICATION_PREFIX = 'NOTIFICATION#';
/** Notification ids are ULIDs, so the sort key orders them by time. */
export const notificationKey = (userId: string, notificationId: string): Key => ({
  PK: userPk(userId),
  SK: `${NOTIFICATION_PREFIX}${notificationId}`,
});

/**
 * byParent (sparse): a user's UNREAD notifications, newest last by id. Set on create, REMOVEd when the
 * notification is marked read, so "unread only" is a Query, not a filter over everything.
 */
export const unreadNotificationIndexKeys = (userId: string, notificationId: string) => ({
  GSI4PK: `${userPk(userId)}#UNREAD`,
  GSI4SK: `${NOTIFICATION_PREFIX}${notificationId}`,
});
export const unreadNotificationsQuery = (userId: string) => ({
  GSI4PK: `${userPk(userId)}#UNREAD`,
  prefix: NOTIFICATION_PREFIX,
});

// ---- projects, memberships, tokens ---------------------------------------------------------------

export const projectPk = (projectId: string): string => `PROJECT#${projectId}`;
export const projectKey = (projectId: string): Key => ({ PK: projectPk(projectId), SK: 'PROJECT' });

/** Reserves a project key (e.g. TW) so two projects cannot share one. */
export const projectKeyClaim = (projectKeyText: string): Key => ({
  PK: `PROJECTKEY#${projectKeyText}`,
  SK: 'PROJECTKEY',
});

/**
 * The project directory (global Admins' `adminProjects`): one small index item per project under one
 * known partition, `PROJECTS` / `<ACTIVE|ARCHIVED>#<projectId>`, written in the same transaction as the
 * project on create and moved between the two prefixes on archive/restore. Only those three writes
 * touch it (never a task's), so its one partition stays cold; listing is a Query, newest project last
 * (ids are ULIDs). docs/access-patterns.md explains why this is not a GSI.
 */
export const PROJECT_DIRECTORY_PK = 'PROJECTS';
export const projectDirectoryPrefix = (archived: boolean): string => (archived ? 'ARCHIVED#' : 'ACTIVE#');
export const projectDirectoryKey = (projectId: string, archived: boolean): Key => ({
  PK: PROJECT_DIRECTORY_PK,
  SK: `${projectDirectoryPrefix(archived)}${projectId}`,
});
/** Active projects only: `begins_with(SK, ACTIVE#)`; with archived ones: the whole partition (ACTIVE# sorts first). */
export const projectDirectoryQuery = (includeArchived: boolean) => ({
  PK: PROJECT_DIRECTORY_PK,
  prefix: includeArchived ? null : projectDirectoryPrefix(false),
});

export const MEMBER_PREFIX = 'MEMBER#';
export const membershipKey = (projectId: string, userId: string): Key => ({
  PK: projectPk(projectId),
  SK: `${MEMBER_PREFIX}${userId}`,
});
/** byParent: a user's memberships, by project id. */
export const membershipIndexKeys = (userId: string, projectId: string) => ({
  GSI4PK: userPk(userId),
  GSI4SK: projectPk(projectId),
});
export const userProjectsQuery = (userId: string) => ({ GSI4PK: userPk(userId), prefix: 'PROJECT#' });

export const TOKEN_PREFIX = 'TOKEN#';
export const tokenKey = (projectId: string, tokenId: string): Key => ({
  PK: projectPk(projectId),
  SK: `${TOKEN_PREFIX}${tokenId}`,
});

// ---- stories and sprints -------------------------------------------------------------------------

export const storyKey = (storyId: string): Key => ({ PK: `STORY#${storyId}`, SK: 'STORY' });
/** byParent: a project's stories, oldest first (story ids are ULIDs). */
export const storyIndexKeys = (projectId: string, storyId: string) => ({
  GSI4PK: projectPk(projectId),
  GSI4SK: `STORY#${storyId}`,
});
export const projectStoriesQuery = (projectId: string) => ({ GSI4PK: projectPk(projectId), prefix: 'STORY#' });

export const sprintKey = (sprintId: string): Key => ({ PK: `SPRINT#${sprintId}`, SK: 'SPRINT' });
/** byParent: a project's sprints grouped by state, oldest first within a state. */
export const sprintIndexKeys = (projectId: string, state: SprintStateKey, sprintId: string) => ({
  GSI4PK: projectPk(projectId),
  GSI4SK: `SPRINT#${state}#${sprintId}`,
});
export const projectSprintsQuery = (projectId: string, state?: SprintStateKey | null) => ({
  GSI4PK: projectPk(projectId),
  prefix: state ? `SPRINT#${state}#` : 'SPRINT#',
});

// ---- tasks -----------------------------------------------------------------------------------------

export const taskPk = (taskId: string): string => `TASK#${taskId}`;
export const taskKey = (taskId: string): Key => ({ PK: taskPk(taskId), SK: 'TASK' });

export interface TaskIndexFields {
  projectId: string;
  status: TaskStatusKey;
  rank: string;
  assigneeId?: string | null;
  dueAt?: string | null;
  sprintId?: string | null;
  storyId?: string | null;
  id: string;
}

export const statusColumnPk = (projectId: string, status: TaskStatusKey): string =>
  `PROJECT#${projectId}#STATUS#${status}`;
export const sprintPk = (sprintId: string): string => `SPRINT#${sprintId}`;
export const backlogPk = (projectId: string): string => `PROJECT#${projectId}#BACKLOG`;
export const assigneePk = (userId: string): string => `ASSIGNEE#${userId}`;
export const storyTasksPk = (storyId: string): string => `STORY#${storyId}`;
export const STORY_TASK_PREFIX = 'TASK#';
/** byParent: a story's tasks, by rank. */
export const storyTasksQuery = (storyId: string) => ({ GSI4PK: storyTasksPk(storyId), prefix: STORY_TASK_PREFIX });

export const assigneeSortKey = (status: TaskStatusKey, dueAt: string | null | undefined, taskId: string): string =>
  `${STATUS_ORDER[status]}#${status}#${dueAt ? dueAt : NO_DUE_DATE}#${taskId}`;
export const assigneeStatusPrefix = (status: TaskStatusKey): string => `${STATUS_ORDER[status]}#${status}#`;
export const sprintStatusPrefix = (status: TaskStatusKey): string => `${status}#`;

/**
 * Every index attribute of a task, computed from its fields. A value of null means "this task is not
 * in that index": writers REMOVE the attribute (sparse index) rather than store null.
 */
export const taskIndexKeys = (t: TaskIndexFields): Record<string, string | null> => ({
  GSI1PK: t.assigneeId ? assigneePk(t.assigneeId) : null,
  GSI1SK: t.assigneeId ? assigneeSortKey(t.status, t.dueAt, t.id) : null,
  GSI2PK: statusColumnPk(t.projectId, t.status),
  GSI2SK: t.rank,
  GSI3PK: t.sprintId ? sprintPk(t.sprintId) : backlogPk(t.projectId),
  GSI3SK: t.sprintId ? `${sprintStatusPrefix(t.status)}${t.rank}` : t.rank,
  GSI4PK: t.storyId ? storyTasksPk(t.storyId) : null,
  GSI4SK: t.storyId ? `${STORY_TASK_PREFIX}${t.rank}` : null,
});

// ---- children of a task ---------------------------------------------------------------------------

export const COMMENT_PREFIX = 'COMMENT#';
export const commentKey = (taskId: string, commentId: string): Key => ({
  PK: taskPk(taskId),
  SK: `${COMMENT_PREFIX}${commentId}`,
});

export const ATTACHMENT_PREFIX = 'ATTACHMENT#';
export const attachmentKey = (taskId: string, attachmentId: string): Key => ({
  PK: taskPk(taskId),
  SK: `${ATTACHMENT_PREFIX}${attachmentId}`,
});
/** S3 object key of an attachment's bytes: scoped by project and task. */
export const attachmentObjectKey = (projectId: string, taskId: string, attachmentId: string): string =>
  `projects/${projectId}/tasks/${taskId}/${attachmentId}`;

export const TIME_ENTRY_PREFIX = 'TIME#';
export const timeEntryKey = (taskId: string, entryId: string): Key => ({
  PK: taskPk(taskId),
  SK: `${TIME_ENTRY_PREFIX}${entryId}`,
});

export const WATCHER_PREFIX = 'WATCHER#';
/**
 * One item per person watching a task, beside the task (not in it): watching is personal state, so it
 * never changes the task's `version` or history. Task.watcherIds is a Query of these, in user-id order.
 */
export const watcherKey = (taskId: string, userId: string): Key => ({
  PK: taskPk(taskId),
  SK: `${WATCHER_PREFIX}${userId}`,
});

// ---- activity (append-only history) ----------------------------------------------------------------

export const ACTIVITY_PREFIX = 'ACTIVITY#';
/** A task's history lives in the task's partition; project-level history in the project's. */
export const taskActivityKey = (taskId: string, activityId: string): Key => ({
  PK: taskPk(taskId),
  SK: `${ACTIVITY_PREFIX}${activityId}`,
});
export const projectActivityKey = (projectId: string, activityId: string): Key => ({
  PK: projectPk(projectId),
  SK: `${ACTIVITY_PREFIX}${activityId}`,
});

// ---- background work (functions/workers) -----------------------------------------------------------

/**
 * Tombstone of a deleted task, written by deleteTask in the same transaction as the delete and removed
 * last by the purge (functions/workers purgeTask): while it exists the task's partition still holds
 * children to delete. byParent lists every pending purge (oldest first), so an interrupted purge can be
 * found and resumed with a Query.
 */
export const PURGE_SK = 'PURGE';
/** The tombstone's `entity`. */
export const PURGE_ENTITY = 'TaskPurge';
export const PENDING_PURGES_PK = 'PURGE#PENDING';
export const taskPurgeKey = (taskId: string): Key => ({ PK: taskPk(taskId), SK: PURGE_SK });
export const taskPurgeIndexKeys = (taskId: string, deletedAt: string) => ({
  GSI4PK: PENDING_PURGES_PK,
  GSI4SK: `${deletedAt}#${taskId}`,
});
export const pendingPurgesQuery = () => ({ GSI4PK: PENDING_PURGES_PK });

// ---- the event side (functions/stream, reminders, notify, reports) --------------------------------

/**
 * Report aggregates (docs/access-patterns.md "Report aggregates"): one item per sprint (in the sprint's
 * partition) and one per project (its whole board), holding the counters of a Tally as flat numeric
 * attributes that the stream handler ADDs to.
 */
export const REPORT_SK = 'REPORT';
export const REPORT_ENTITY = 'ReportAggregate';
export const sprintReportKey = (sprintId: string): Key => ({ PK: sprintPk(sprintId), SK: REPORT_SK });
export const projectReportKey = (projectId: string): Key => ({ PK: projectPk(projectId), SK: REPORT_SK });

/** Marks one stream record's aggregate change as applied (conditional create; expires by TTL). */
export const STREAM_MARKER_ENTITY = 'StreamMarker';
export const streamMarkerKey = (eventId: string): Key => ({ PK: `STREAM#${eventId}`, SK: 'APPLIED' });

/**
 * One delivery of one reminder: (task, dueAt, recipient, kind). Lives in the task's partition, so a
 * purge removes it with the task; expires by TTL.
 */
export const REMINDER_ENTITY = 'ReminderDelivery';
export const reminderDeliveryKey = (taskId: string, kind: string, dueAt: string, userId: string): Key => ({
  PK: taskPk(taskId),
  SK: `REMINDED#${kind}#${dueAt}#${userId}`,
});

/** A person's pending email digest of one task's changes (coalesced until the window ends). */
export const DIGEST_ENTITY = 'EmailDigest';
export const emailDigestKey = (userId: string, taskId: string): Key => ({ PK: userPk(userId), SK: `DIGEST#${taskId}` });

/** Projects the weekly report goes to: one item per live project, kept by the stream handler. */
export const WEEKLY_REPORT_ENTITY = 'WeeklyReportProject';
export const WEEKLY_REPORT_PK = 'REPORTS#WEEKLY';
export const weeklyReportProjectKey = (projectId: string): Key => ({ PK: WEEKLY_REPORT_PK, SK: projectPk(projectId) });
/** One weekly report of one project (the week's Monday, YYYY-MM-DD): sent once. */
export const weeklyReportSentKey = (projectId: string, week: string): Key => ({ PK: projectPk(projectId), SK: `WEEKLY#${week}` });
