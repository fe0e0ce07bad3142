/** Manifest entries of stories, tasks, sprints, comments, attachments, time and activity (merged by resolvers/manifest.ts). */
import type { DataSourceDef, FunctionDef, ResolverDef } from './manifest.ts';

export const dataSources: Record<string, DataSourceDef> = {
  attachmentsFn: { type: 'AWS_LAMBDA', function: 'attachments' },
};

/** Load steps of the work domain (reference them by name): ctx.stash.<x>Id → ctx.stash.<x>, NotFound when absent. */
const steps: Record<string, FunctionDef> = {
  loadTask: { file: 'steps/loadTask.ts', dataSource: 'table' },
  loadStory: { file: 'steps/loadStory.ts', dataSource: 'table' },
  loadSprint: { file: 'steps/loadSprint.ts', dataSource: 'table' },
  loadAssignee: { file: 'steps/loadAssignee.ts', dataSource: 'table' },
};

/** Operation-specific steps: `Type.field.<step>` in `Type.field.<step>.ts`, all on the table unless noted. */
const own = (names: string[], dataSource = 'table'): Record<string, FunctionDef> =>
  Object.fromEntries(names.map((n) => [n, { file: `${n}.ts`, dataSource }]));

export const functions: Record<string, FunctionDef> = {
  ...steps,
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
    'Query.backlog.query',
    'Query.tasksByStory.query',
  ]),
};

const pipeline = (field: string, fns: string[]): ResolverDef => ({ kind: 'PIPELINE', file: `${field}.ts`, functions: fns });

export const resolvers: Record<string, ResolverDef> = {
  // ---- tasks
  'Query.task': pipeline('Query.task', ['loadTask', 'authorize']),
  'Query.tasksByStatus': pipeline('Query.tasksByStatus', ['loadSprint', 'authorize', 'Query.tasksByStatus.query']),
  'Query.tasksByAssignee': { kind: 'UNIT', file: 'Query.tasksByAssignee.ts', dataSource: 'table' },
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
  'Mutation.deleteTask': pipeline('Mutation.deleteTask', ['loadTask', 'authorize', 'Mutation.deleteTask.write']),
};
