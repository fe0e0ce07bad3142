/** Manifest entries of stories, tasks, sprints, comments, attachments, time and activity (merged by resolvers/manifest.ts). */
import type { DataSourceDef, FunctionDef, ResolverDef } from './manifest.ts';
import { own, pipeline, steps, unit } from './manifest.helpers.ts';

export const dataSources: Record<string, DataSourceDef> = {
  attachmentsFn: { type: 'AWS_LAMBDA', function: 'attachments' },
  /** Background work after the acknowledging write (Event invocations): task purge, sprint carry-over. */
  workersFn: { type: 'AWS_LAMBDA', function: 'workers' },
  /** sprintReport / projectReport (RequestResponse). */
  reportsFn: { type: 'AWS_LAMBDA', function: 'reports' },
};

export const functions: Record<string, FunctionDef> = {
  // Load steps of the work domain (reference them by name): ctx.stash.<x>Id → ctx.stash.<x>, NotFound when absent.
  ...steps(['loadTask', 'loadStory', 'loadSprint', 'loadAssignee', 'loadComment', 'loadAttachment']),
  // Operation-specific steps, on the table unless noted.
  ...own([
    'Mutation.createTask.rank',
    'Mutation.createTask.number',
    'Mutation.createTask.write',
    'Mutation.updateTask.write',
    'Mutation.moveTask.neighbours',
    'Mutation.moveTask.gap',
    'Mutation.moveTask.write',
    'Mutation.assignTask.write',
    'Mutation.watchTask.write',
    'Mutation.unwatchTask.write',
    'Mutation.archiveTask.write',
    'Mutation.restoreTask.write',
    'Mutation.deleteTask.write',
    'Query.tasksByStatus.query',
    'Query.tasksByAssignee.query',
    'Query.tasksByAssignee.members',
    'Query.backlog.query',
    'Query.tasksByStory.query',
    'Mutation.createStory.write',
    'Query.storiesByProject.query',
    'Mutation.updateStory.write',
    'Mutation.setAcceptanceCriterion.write',
    'Mutation.deleteStory.write',
    'Mutation.createSprint.write',
    'Query.sprintsByProject.query',
    'Mutation.updateSprint.write',
    'Mutation.startSprint.write',
    'Mutation.completeSprint.target',
    'Mutation.completeSprint.tasks',
    'Mutation.completeSprint.write',
    'Mutation.addComment.members',
    'Mutation.addComment.write',
    'Mutation.updateComment.write',
    'Mutation.deleteComment.write',
    'Mutation.logTime.write',
    'Query.commentsByTask.query',
    'Query.timeEntriesByTask.query',
    'Query.activityByTask.query',
    'Query.attachmentsByTask.query',
    'Query.activityByProject.query',
    'Mutation.createAttachmentUpload.write',
    'Mutation.confirmAttachmentUpload.write',
    'Mutation.deleteAttachment.write',
  ]),
  ...own(
    [
      'Mutation.createAttachmentUpload.presign',
      'Mutation.confirmAttachmentUpload.head',
      'Mutation.attachmentDownloadUrl.sign',
      'Mutation.deleteAttachment.object',
    ],
    'attachmentsFn',
  ),
  ...own(['Mutation.deleteTask.purge', 'Mutation.completeSprint.carryOver'], 'workersFn'),
  ...own(['Query.sprintReport.build', 'Query.projectReport.build'], 'reportsFn'),
};

export const resolvers: Record<string, ResolverDef> = {
  // ---- tasks
  'Query.task': pipeline('Query.task', ['loadTask', 'authorize']),
  'Query.tasksByStatus': pipeline('Query.tasksByStatus', ['loadSprint', 'authorize', 'Query.tasksByStatus.query']),
  'Query.tasksByAssignee': pipeline('Query.tasksByAssignee', ['Query.tasksByAssignee.query', 'Query.tasksByAssignee.members']),
  'Query.backlog': pipeline('Query.backlog', ['authorize', 'Query.backlog.query']),
  'Query.tasksByStory': pipeline('Query.tasksByStory', ['loadStory', 'authorize', 'Query.tasksByStory.query']),
  'Mutation.createTask': pipeline('Mutation.createTask', [
    'authorize',
    'loadStory',
    'loadSprint',
    'loadAssignee',
    'Mutation.createTask.rank',
    'Mutation.createTask.number',
    'Mutation.createTask.write',
  ]),
  'Mutation.updateTask': pipeline('Mutation.updateTask', ['loadTask', 'authorize', 'loadStory', 'loadSprint', 'Mutation.updateTask.write']),
  'Mutation.moveTask': pipeline('Mutation.moveTask', [
    'loadTask',
    'authorize',
    'Mutation.moveTask.neighbours',
    'Mutation.moveTask.gap',
    'Mutation.moveTask.write',
  ]),
  'Mutation.assignTask': pipeline('Mutation.assignTask', ['loadTask', 'authorize', 'loadAssignee', 'Mutation.assignTask.write']),
  'Mutation.watchTask': pipeline('Mutation.watchTask', ['loadTask', 'authorize', 'Mutation.watchTask.write']),
  'Mutation.unwatchTask': pipeline('Mutation.unwatchTask', ['loadTask', 'authorize', 'Mutation.unwatchTask.write']),
  'Mutation.archiveTask': pipeline('Mutation.archiveTask', ['loadTask', 'authorize', 'Mutation.archiveTask.write']),
  'Mutation.restoreTask': pipeline('Mutation.restoreTask', ['loadTask', 'authorize', 'Mutation.restoreTask.write']),
  'Mutation.deleteTask': pipeline('Mutation.deleteTask', ['loadTask', 'authorize', 'Mutation.deleteTask.write', 'Mutation.deleteTask.purge']),
  // Watchers are items beside the task (lib/watchers.ts), read where a Task is answered.
  'Task.watcherIds': unit('Task.watcherIds'),

  // ---- stories
  'Query.story': pipeline('Query.story', ['loadStory', 'authorize']),
  'Query.storiesByProject': pipeline('Query.storiesByProject', ['authorize', 'Query.storiesByProject.query']),
  'Mutation.createStory': pipeline('Mutation.createStory', ['authorize', 'Mutation.createStory.write']),
  'Mutation.updateStory': pipeline('Mutation.updateStory', ['loadStory', 'authorize', 'Mutation.updateStory.write']),
  'Mutation.setAcceptanceCriterion': pipeline('Mutation.setAcceptanceCriterion', [
    'loadStory',
    'authorize',
    'Mutation.setAcceptanceCriterion.write',
  ]),
  'Mutation.deleteStory': pipeline('Mutation.deleteStory', ['loadStory', 'authorize', 'Mutation.deleteStory.write']),

  // ---- sprints
  'Query.sprint': pipeline('Query.sprint', ['loadSprint', 'authorize']),
  'Query.sprintsByProject': pipeline('Query.sprintsByProject', ['authorize', 'Query.sprintsByProject.query']),
  'Mutation.createSprint': pipeline('Mutation.createSprint', ['authorize', 'Mutation.createSprint.write']),
  'Mutation.updateSprint': pipeline('Mutation.updateSprint', ['loadSprint', 'authorize', 'Mutation.updateSprint.write']),
  'Mutation.startSprint': pipeline('Mutation.startSprint', ['loadSprint', 'authorize', 'Mutation.startSprint.write']),
  'Mutation.completeSprint': pipeline('Mutation.completeSprint', [
    'loadSprint',
    'authorize',
    'Mutation.completeSprint.target',
    'Mutation.completeSprint.tasks',
    'Mutation.completeSprint.write',
    'Mutation.completeSprint.carryOver',
  ]),

  // ---- reports (Lambda `reports`, after the same load + authorize(read) as any read)
  'Query.sprintReport': pipeline('Query.sprintReport', ['loadSprint', 'authorize', 'Query.sprintReport.build']),
  'Query.projectReport': pipeline('Query.projectReport', ['loadProject', 'authorize', 'Query.projectReport.build']),

  // ---- comments, time, history
  'Query.commentsByTask': pipeline('Query.commentsByTask', ['loadTask', 'authorize', 'Query.commentsByTask.query']),
  'Mutation.addComment': pipeline('Mutation.addComment', ['loadTask', 'authorize', 'Mutation.addComment.members', 'Mutation.addComment.write']),
  // The edited body's @mentions are resolved again, with addComment's own step.
  'Mutation.updateComment': pipeline('Mutation.updateComment', [
    'loadTask',
    'authorize',
    'loadComment',
    'Mutation.addComment.members',
    'Mutation.updateComment.write',
  ]),
  'Mutation.deleteComment': pipeline('Mutation.deleteComment', ['loadTask', 'authorize', 'loadComment', 'Mutation.deleteComment.write']),
  'Mutation.logTime': pipeline('Mutation.logTime', ['loadTask', 'authorize', 'Mutation.logTime.write']),
  'Query.timeEntriesByTask': pipeline('Query.timeEntriesByTask', ['loadTask', 'authorize', 'Query.timeEntriesByTask.query']),
  'Query.activityByTask': pipeline('Query.activityByTask', ['loadTask', 'authorize', 'Query.activityByTask.query']),
  'Query.activityByProject': pipeline('Query.activityByProject', ['authorize', 'Query.activityByProject.query']),
  'Query.attachmentsByTask': pipeline('Query.attachmentsByTask', ['loadTask', 'authorize', 'Query.attachmentsByTask.query']),

  // ---- attachments (bytes in S3 through presigned URLs from the `attachments` function)
  'Mutation.createAttachmentUpload': pipeline('Mutation.createAttachmentUpload', [
    'loadTask',
    'authorize',
    'Mutation.createAttachmentUpload.presign',
    'Mutation.createAttachmentUpload.write',
  ]),
  'Mutation.confirmAttachmentUpload': pipeline('Mutation.confirmAttachmentUpload', [
    'loadTask',
    'authorize',
    'loadAttachment',
    'Mutation.confirmAttachmentUpload.head',
    'Mutation.confirmAttachmentUpload.write',
  ]),
  'Mutation.attachmentDownloadUrl': pipeline('Mutation.attachmentDownloadUrl', [
    'loadTask',
    'authorize',
    'loadAttachment',
    'Mutation.attachmentDownloadUrl.sign',
  ]),
  'Mutation.deleteAttachment': pipeline('Mutation.deleteAttachment', [
    'loadTask',
    'authorize',
    'loadAttachment',
    'Mutation.deleteAttachment.write',
    'Mutation.deleteAttachment.object',
  ]),

  // ---- subscriptions (authorise read access, then an enhanced filter)
  'Subscription.onTaskChanged': pipeline('Subscription.onTaskChanged', ['authorize']),
  'Subscription.onSprintChanged': pipeline('Subscription.onSprintChanged', ['authorize']),
  'Subscription.onCommentAdded': pipeline('Subscription.onCommentAdded', ['loadTask', 'authorize']),

  // ---- IAM-only re-reads that deliver a change a Lambda function made to the subscribers
  'Mutation.publishTaskChange': pipeline('Mutation.publishTaskChange', ['loadTask', 'authorize']),
  'Mutation.publishSprintChange': pipeline('Mutation.publishSprintChange', ['loadSprint', 'authorize']),
};
