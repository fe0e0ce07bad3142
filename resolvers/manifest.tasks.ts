/**
 * Resolvers of tasks and what plans or follows them: stories, sprints, reports, comments, attachments,
 * time and history.
 */
import type { DataSourceDef } from './manifest.ts';
import { pipeline, unit, type Entry } from './manifest.helpers.ts';

export const dataSources: Record<string, DataSourceDef> = {
  /** Presigned URLs and object checks in S3. */
  attachmentsFn: { type: 'AWS_LAMBDA', function: 'attachments' },
  /** Background work after the acknowledging write (Event invocations): task purge, sprint carry-over. */
  workersFn: { type: 'AWS_LAMBDA', function: 'workers' },
  /** sprintReport / projectReport (RequestResponse). */
  reportsFn: { type: 'AWS_LAMBDA', function: 'reports' },
};

export const offTable: Record<string, string> = {
  'Mutation.createAttachmentUpload.presign': 'attachmentsFn',
  'Mutation.confirmAttachmentUpload.head': 'attachmentsFn',
  'Mutation.attachmentDownloadUrl.sign': 'attachmentsFn',
  'Mutation.deleteAttachment.object': 'attachmentsFn',
  'Mutation.deleteTask.purge': 'workersFn',
  'Mutation.completeSprint.carryOver': 'workersFn',
  'Query.sprintReport.build': 'reportsFn',
  'Query.projectReport.build': 'reportsFn',
};

export const resolvers: Entry[] = [
  // ---- tasks
  pipeline('Query.task', ['loadTask', 'authorize']),
  pipeline('Query.tasksByStatus', ['loadSprint', 'authorize', '.query']),
  pipeline('Query.tasksByAssignee', ['.query', '.members']),
  pipeline('Query.backlog', ['authorize', '.query']),
  pipeline('Query.tasksByStory', ['loadStory', 'authorize', '.query']),
  pipeline('Mutation.createTask', ['authorize', 'loadStory', 'loadSprint', 'loadAssignee', '.rank', '.number', '.write']),
  // loadStory and loadSprint check only the links the input changes.
  pipeline('Mutation.updateTask', ['loadTask', 'authorize', 'loadStory', 'loadSprint', '.write']),
  // .neighbours reads the named cards, .gap finds the missing neighbour in the column.
  pipeline('Mutation.moveTask', ['loadTask', 'authorize', '.neighbours', '.gap', '.write']),
  pipeline('Mutation.assignTask', ['loadTask', 'authorize', 'loadAssignee', '.write']),
  pipeline('Mutation.watchTask', ['loadTask', 'authorize', '.write']),
  pipeline('Mutation.unwatchTask', ['loadTask', 'authorize', '.write']),
  pipeline('Mutation.archiveTask', ['loadTask', 'authorize', '.write']),
  pipeline('Mutation.restoreTask', ['loadTask', 'authorize', '.write']),
  pipeline('Mutation.deleteTask', ['loadTask', 'authorize', '.write', '.purge']),
  // Watchers are items beside the task (lib/watchers.ts), read where a Task is answered.
  unit('Task.watcherIds'),

  // ---- stories
  pipeline('Query.story', ['loadStory', 'authorize']),
  pipeline('Query.storiesByProject', ['authorize', '.query']),
  pipeline('Mutation.createStory', ['authorize', '.write']),
  pipeline('Mutation.updateStory', ['loadStory', 'authorize', '.write']),
  pipeline('Mutation.setAcceptanceCriterion', ['loadStory', 'authorize', '.write']),
  pipeline('Mutation.deleteStory', ['loadStory', 'authorize', '.write']),

  // ---- sprints
  pipeline('Query.sprint', ['loadSprint', 'authorize']),
  pipeline('Query.sprintsByProject', ['authorize', '.query']),
  pipeline('Mutation.createSprint', ['authorize', '.write']),
  pipeline('Mutation.updateSprint', ['loadSprint', 'authorize', '.write']),
  pipeline('Mutation.startSprint', ['loadSprint', 'authorize', '.write']),
  pipeline('Mutation.completeSprint', ['loadSprint', 'authorize', '.target', '.tasks', '.write', '.carryOver']),

  // ---- reports (Lambda `reports`, after the same load + authorize(read) as any read)
  pipeline('Query.sprintReport', ['loadSprint', 'authorize', '.build']),
  pipeline('Query.projectReport', ['loadProject', 'authorize', '.build']),

  // ---- comments, time, history
  pipeline('Query.commentsByTask', ['loadTask', 'authorize', '.query']),
  // .members: the project's members, against whom the body's @mentions are resolved.
  pipeline('Mutation.addComment', ['loadTask', 'authorize', '.members', '.write']),
  // The edited body's @mentions are resolved again, with addComment's own step.
  pipeline('Mutation.updateComment', ['loadTask', 'authorize', 'loadComment', 'Mutation.addComment.members', '.write']),
  pipeline('Mutation.deleteComment', ['loadTask', 'authorize', 'loadComment', '.write']),
  pipeline('Mutation.logTime', ['loadTask', 'authorize', '.write']),
  pipeline('Query.timeEntriesByTask', ['loadTask', 'authorize', '.query']),
  pipeline('Query.activityByTask', ['loadTask', 'authorize', '.query']),
  pipeline('Query.activityByProject', ['authorize', '.query']),
  pipeline('Query.attachmentsByTask', ['loadTask', 'authorize', '.query']),

  // ---- attachments (bytes in S3 through presigned URLs from the `attachments` function)
  pipeline('Mutation.createAttachmentUpload', ['loadTask', 'authorize', '.presign', '.write']),
  pipeline('Mutation.confirmAttachmentUpload', ['loadTask', 'authorize', 'loadAttachment', '.head', '.write']),
  pipeline('Mutation.attachmentDownloadUrl', ['loadTask', 'authorize', 'loadAttachment', '.sign']),
  pipeline('Mutation.deleteAttachment', ['loadTask', 'authorize', 'loadAttachment', '.write', '.object']),

  // ---- subscriptions (authorise read access, then an enhanced filter)
  pipeline('Subscription.onTaskChanged', ['authorize']),
  pipeline('Subscription.onSprintChanged', ['authorize']),
  pipeline('Subscription.onCommentAdded', ['loadTask', 'authorize']),

  // ---- IAM-only re-reads that deliver a change a Lambda function made to the subscribers
  pipeline('Mutation.publishTaskChange', ['loadTask', 'authorize']),
  pipeline('Mutation.publishSprintChange', ['loadSprint', 'authorize']),
];
