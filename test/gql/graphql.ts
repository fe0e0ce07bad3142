/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActivityAction =
  | 'ARCHIVED'
  | 'ASSIGNED'
  | 'ATTACHED'
  | 'COMMENTED'
  | 'COMPLETED'
  | 'CREATED'
  | 'DELETED'
  | 'MEMBER_ADDED'
  | 'MEMBER_REMOVED'
  | 'MEMBER_ROLE_CHANGED'
  | 'MOVED'
  | 'RESTORED'
  | 'STARTED'
  | 'TIME_LOGGED'
  | 'TOKEN_CREATED'
  | 'TOKEN_REVOKED'
  | 'UNWATCHED'
  | 'UPDATED'
  | 'WATCHED';

export type AddCommentInput = {
  body: string;
  taskId: string;
};

export type AddMemberInput = {
  email: string;
  projectId: string;
  role: Role;
};

export type AttachmentStatus =
  /** Upload URL issued, bytes not yet confirmed. */
  | 'PENDING'
  | 'READY';

export type CompleteSprintInput = {
  /** Sprint to receive unfinished tasks (PLANNED, same project); null or omitted: the backlog. */
  carryOverTo?: string | null | undefined;
  id: string;
};

export type CreateAttachmentUploadInput = {
  contentType: string;
  fileName: string;
  size: number;
  taskId: string;
};

export type CreateIntegrationTokenInput = {
  name: string;
  projectId: string;
  scope: TokenScope;
};

export type CreateProjectInput = {
  description?: string | null | undefined;
  /** 2–10 characters A–Z/0–9, starting with a letter. */
  key: string;
  name: string;
};

export type CreateSprintInput = {
  endsAt?: string | null | undefined;
  goal?: string | null | undefined;
  name: string;
  projectId: string;
  startsAt?: string | null | undefined;
};

export type CreateStoryInput = {
  acceptanceCriteria?: Array<string> | null | undefined;
  description?: string | null | undefined;
  points?: number | null | undefined;
  projectId: string;
  title: string;
};

export type CreateTaskInput = {
  assigneeId?: string | null | undefined;
  description?: string | null | undefined;
  dueAt?: string | null | undefined;
  estimatePoints?: number | null | undefined;
  labels?: Array<string> | null | undefined;
  priority?: Priority | null | undefined;
  projectId: string;
  sprintId?: string | null | undefined;
  storyId?: string | null | undefined;
  title: string;
};

export type EntityType =
  | 'ATTACHMENT'
  | 'COMMENT'
  | 'INTEGRATION_TOKEN'
  | 'MEMBERSHIP'
  | 'PROJECT'
  | 'SPRINT'
  | 'STORY'
  | 'TASK'
  | 'TIME_ENTRY';

export type LogTimeInput = {
  minutes: number;
  note?: string | null | undefined;
  taskId: string;
  workDate: string;
};

export type MembershipStatus =
  /** The person has an account and has been added. */
  | 'ACTIVE'
  /** The email had no account: Cognito sent an invitation with a temporary password. */
  | 'INVITED';

/** Places the task in `status`, between the neighbours `afterId` (above) and `beforeId` (below); neither: bottom. */
export type MoveTaskInput = {
  afterId?: string | null | undefined;
  beforeId?: string | null | undefined;
  expectedVersion?: number | null | undefined;
  id: string;
  status: TaskStatus;
};

export type Priority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'URGENT';

export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'VIEWER';

/** Adds a criterion (no criterionId), edits its text or done flag, or removes it. */
export type SetAcceptanceCriterionInput = {
  criterionId?: string | null | undefined;
  done?: boolean | null | undefined;
  remove?: boolean | null | undefined;
  storyId: string;
  text?: string | null | undefined;
};

export type SprintState =
  | 'ACTIVE'
  | 'COMPLETED'
  | 'PLANNED';

export type TaskStatus =
  | 'DONE'
  | 'IN_PROGRESS'
  | 'IN_REVIEW'
  | 'TODO';

export type TokenScope =
  | 'READ'
  | 'READ_WRITE';

export type UpdateCommentInput = {
  body: string;
  expectedVersion: number;
  id: string;
  taskId: string;
};

/** Omitted fields stay as they are; an explicit null clears a nullable field. */
export type UpdateTaskInput = {
  description?: string | null | undefined;
  dueAt?: string | null | undefined;
  estimatePoints?: number | null | undefined;
  expectedVersion: number;
  id: string;
  labels?: Array<string> | null | undefined;
  priority?: Priority | null | undefined;
  sprintId?: string | null | undefined;
  storyId?: string | null | undefined;
  title?: string | null | undefined;
};

export type MatrixTaskFragment = { id: string, version: number, status: TaskStatus, archived: boolean, sprintId: string | null, assigneeId: string | null, watcherIds: Array<string>, title: string };

export type MatrixNewTaskMutationVariables = Exact<{
  i: CreateTaskInput;
}>;


export type MatrixNewTaskMutation = { createTask: { id: string, version: number } };

export type MatrixReadTaskQueryVariables = Exact<{
  id: string;
}>;


export type MatrixReadTaskQuery = { task: { id: string, version: number, status: TaskStatus, archived: boolean, sprintId: string | null, assigneeId: string | null, watcherIds: Array<string>, title: string } | null };

export type MatrixNewStoryMutationVariables = Exact<{
  i: CreateStoryInput;
}>;


export type MatrixNewStoryMutation = { createStory: { id: string, version: number, acceptanceCriteria: Array<{ id: string }> } };

export type MatrixReadStoryQueryVariables = Exact<{
  id: string;
}>;


export type MatrixReadStoryQuery = { story: { id: string, version: number, title: string, acceptanceCriteria: Array<{ id: string, done: boolean }> } | null };

export type MatrixNewSprintMutationVariables = Exact<{
  i: CreateSprintInput;
}>;


export type MatrixNewSprintMutation = { createSprint: { id: string, version: number } };

export type MatrixReadSprintQueryVariables = Exact<{
  id: string;
}>;


export type MatrixReadSprintQuery = { sprint: { id: string, version: number, state: SprintState, goal: string | null } | null };

export type MatrixReadProjectQueryVariables = Exact<{
  id: string;
}>;


export type MatrixReadProjectQuery = { project: { id: string, version: number, name: string, archived: boolean, activeSprintId: string | null } | null };

export type MatrixArchiveProjectMutationVariables = Exact<{
  id: string;
}>;


export type MatrixArchiveProjectMutation = { archiveProject: { id: string } };

export type MatrixRestoreProjectMutationVariables = Exact<{
  id: string;
}>;


export type MatrixRestoreProjectMutation = { restoreProject: { id: string, archived: boolean } };

export type MatrixStartSprintMutationVariables = Exact<{
  id: string;
}>;


export type MatrixStartSprintMutation = { startSprint: { id: string } };

export type MatrixCompleteSprintMutationVariables = Exact<{
  i: CompleteSprintInput;
}>;


export type MatrixCompleteSprintMutation = { completeSprint: { id: string } };

export type MatrixNewCommentMutationVariables = Exact<{
  i: AddCommentInput;
}>;


export type MatrixNewCommentMutation = { addComment: { id: string, version: number } };

export type MatrixReadCommentsQueryVariables = Exact<{
  t: string;
}>;


export type MatrixReadCommentsQuery = { commentsByTask: { items: Array<{ id: string, version: number, body: string }> } };

export type MatrixNewAttachmentMutationVariables = Exact<{
  i: CreateAttachmentUploadInput;
}>;


export type MatrixNewAttachmentMutation = { createAttachmentUpload: { url: string, fields: string, attachment: { id: string } } };

export type MatrixConfirmAttachmentMutationVariables = Exact<{
  t: string;
  id: string;
}>;


export type MatrixConfirmAttachmentMutation = { confirmAttachmentUpload: { id: string, status: AttachmentStatus } };

export type MatrixReadAttachmentsQueryVariables = Exact<{
  t: string;
}>;


export type MatrixReadAttachmentsQuery = { attachmentsByTask: { items: Array<{ id: string, status: AttachmentStatus, version: number }> } };

export type MatrixAddMemberMutationVariables = Exact<{
  i: AddMemberInput;
}>;


export type MatrixAddMemberMutation = { addMember: { userId: string, status: MembershipStatus } };

export type MatrixReadMembersQueryVariables = Exact<{
  p: string;
}>;


export type MatrixReadMembersQuery = { projectMembers: { items: Array<{ userId: string, role: Role, version: number }> } };

export type MatrixNewTokenMutationVariables = Exact<{
  i: CreateIntegrationTokenInput;
}>;


export type MatrixNewTokenMutation = { createIntegrationToken: { secret: string, token: { id: string } } };

export type MatrixReadTokensQueryVariables = Exact<{
  p: string;
}>;


export type MatrixReadTokensQuery = { integrationTokens: { items: Array<{ id: string, revoked: boolean, version: number }> } };

export type MatrixArchiveTaskMutationVariables = Exact<{
  id: string;
}>;


export type MatrixArchiveTaskMutation = { archiveTask: { id: string } };

export type MatrixNewProjectMutationVariables = Exact<{
  i: CreateProjectInput;
}>;


export type MatrixNewProjectMutation = { createProject: { id: string } };

export type MatrixLogTimeMutationVariables = Exact<{
  i: LogTimeInput;
}>;


export type MatrixLogTimeMutation = { logTime: { id: string } };

export type MatrixTheirTaskQueryVariables = Exact<{
  t: string;
}>;


export type MatrixTheirTaskQuery = { commentsByTask: { items: Array<{ id: string, body: string, version: number }> }, task: { version: number, sprintId: string | null } | null };

export type MatrixTaskIdQueryVariables = Exact<{
  id: string;
}>;


export type MatrixTaskIdQuery = { task: { id: string } | null };

export type MatrixBacklogQueryVariables = Exact<{
  p: string;
}>;


export type MatrixBacklogQuery = { backlog: { items: Array<{ id: string }> } };

export type MatrixDownloadUrlMutationVariables = Exact<{
  t: string;
  id: string;
}>;


export type MatrixDownloadUrlMutation = { attachmentDownloadUrl: { url: string } };

export type MatrixRenameTaskMutationVariables = Exact<{
  i: UpdateTaskInput;
}>;


export type MatrixRenameTaskMutation = { updateTask: { title: string } };

export type TeamTaskFragment = { id: string, key: string, title: string, status: TaskStatus, rank: string, sprintId: string | null, storyId: string | null, assigneeId: string | null, watcherIds: Array<string>, archived: boolean, timeSpentMinutes: number, estimatePoints: number | null, version: number };

export type TeamStoryFragment = { id: string, title: string, points: number | null, version: number, acceptanceCriteria: Array<{ id: string, text: string, done: boolean }>, progress: { criteriaTotal: number, criteriaDone: number, percent: number } };

export type TeamCreateTaskMutationVariables = Exact<{
  i: CreateTaskInput;
}>;


export type TeamCreateTaskMutation = { createTask: { id: string, key: string, title: string, status: TaskStatus, rank: string, sprintId: string | null, storyId: string | null, assigneeId: string | null, watcherIds: Array<string>, archived: boolean, timeSpentMinutes: number, estimatePoints: number | null, version: number } };

export type TeamGetTaskQueryVariables = Exact<{
  id: string;
}>;


export type TeamGetTaskQuery = { task: { id: string, key: string, title: string, status: TaskStatus, rank: string, sprintId: string | null, storyId: string | null, assigneeId: string | null, watcherIds: Array<string>, archived: boolean, timeSpentMinutes: number, estimatePoints: number | null, version: number } | null };

export type TeamMoveTaskMutationVariables = Exact<{
  i: MoveTaskInput;
}>;


export type TeamMoveTaskMutation = { moveTask: { id: string, key: string, title: string, status: TaskStatus, rank: string, sprintId: string | null, storyId: string | null, assigneeId: string | null, watcherIds: Array<string>, archived: boolean, timeSpentMinutes: number, estimatePoints: number | null, version: number } };

export type TeamMyProjectsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamMyProjectsQuery = { myProjects: { items: Array<{ id: string }> } };

export type TeamMyRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamMyRolesQuery = { myProjects: { items: Array<{ id: string, myRole: Role | null }> } };

export type TeamTasksOfQueryVariables = Exact<{
  a: string;
}>;


export type TeamTasksOfQuery = { tasksByAssignee: { items: Array<{ id: string }> } };

export type TeamArchiveTaskMutationVariables = Exact<{
  id: string;
}>;


export type TeamArchiveTaskMutation = { archiveTask: { archived: boolean } };

export type TeamCommentMutationVariables = Exact<{
  i: AddCommentInput;
}>;


export type TeamCommentMutation = { addComment: { id: string } };

export type TeamActiveSprintQueryVariables = Exact<{
  id: string;
}>;


export type TeamActiveSprintQuery = { project: { activeSprintId: string | null } | null };

export type TeamBoardColumnQueryVariables = Exact<{
  p: string;
  s: TaskStatus;
  sp?: string | null | undefined;
  a?: boolean | null | undefined;
}>;


export type TeamBoardColumnQuery = { tasksByStatus: { items: Array<{ id: string, status: TaskStatus, rank: string }> } };

export type TeamBacklogQueryVariables = Exact<{
  p: string;
}>;


export type TeamBacklogQuery = { backlog: { items: Array<{ id: string, sprintId: string | null, rank: string }> } };

export type TeamMyTasksQueryVariables = Exact<{
  a: string;
}>;


export type TeamMyTasksQuery = { tasksByAssignee: { items: Array<{ id: string, status: TaskStatus }> } };

export type TeamStoryProgressQueryVariables = Exact<{
  id: string;
}>;


export type TeamStoryProgressQuery = { story: { progress: { tasksTotal: number, tasksDone: number, pointsTotal: number, pointsDone: number, criteriaTotal: number, criteriaDone: number, percent: number } } | null };

export type TeamHistoryQueryVariables = Exact<{
  t: string;
}>;


export type TeamHistoryQuery = { activityByTask: { items: Array<{ action: ActivityAction, actorId: string, entityType: EntityType, changes: Array<{ field: string, before: string | null, after: string | null }> }> } };

export type TeamCreateProjectMutationVariables = Exact<{
  i: CreateProjectInput;
}>;


export type TeamCreateProjectMutation = { createProject: { id: string, key: string, name: string, myRole: Role | null, taskCount: number, activeSprintId: string | null } };

export type TeamProjectQueryVariables = Exact<{
  id: string;
}>;


export type TeamProjectQuery = { project: { id: string } | null };

export type TeamAddMemberMutationVariables = Exact<{
  i: AddMemberInput;
}>;


export type TeamAddMemberMutation = { addMember: { userId: string, email: string | null, role: Role, status: MembershipStatus } };

export type TeamProjectMembersQueryVariables = Exact<{
  p: string;
}>;


export type TeamProjectMembersQuery = { projectMembers: { items: Array<{ email: string | null, role: Role, status: MembershipStatus }> } };

export type TeamActivityByProjectQueryVariables = Exact<{
  p: string;
}>;


export type TeamActivityByProjectQuery = { activityByProject: { items: Array<{ action: ActivityAction, actorId: string, entityType: EntityType }> } };

export type TeamWriteStoryMutationVariables = Exact<{
  i: CreateStoryInput;
}>;


export type TeamWriteStoryMutation = { createStory: { id: string, title: string, points: number | null, version: number, acceptanceCriteria: Array<{ id: string, text: string, done: boolean }>, progress: { criteriaTotal: number, criteriaDone: number, percent: number } } };

export type TeamCreateStoryMutationVariables = Exact<{
  i: CreateStoryInput;
}>;


export type TeamCreateStoryMutation = { createStory: { id: string } };

export type TeamSetCriterionMutationVariables = Exact<{
  i: SetAcceptanceCriterionInput;
}>;


export type TeamSetCriterionMutation = { setAcceptanceCriterion: { id: string, title: string, points: number | null, version: number, acceptanceCriteria: Array<{ id: string, text: string, done: boolean }>, progress: { criteriaTotal: number, criteriaDone: number, percent: number } } };

export type TeamStoriesByProjectQueryVariables = Exact<{
  p: string;
}>;


export type TeamStoriesByProjectQuery = { storiesByProject: { items: Array<{ id: string, title: string }> } };

export type TeamCreateSprintMutationVariables = Exact<{
  i: CreateSprintInput;
}>;


export type TeamCreateSprintMutation = { createSprint: { id: string, name: string, state: SprintState, goal: string | null } };

export type TeamStartSprintMutationVariables = Exact<{
  id: string;
}>;


export type TeamStartSprintMutation = { startSprint: { id: string, state: SprintState, startedAt: string | null } };

export type TeamStartAnotherMutationVariables = Exact<{
  id: string;
}>;


export type TeamStartAnotherMutation = { startSprint: { id: string } };

export type TeamPlannedSprintsQueryVariables = Exact<{
  p: string;
}>;


export type TeamPlannedSprintsQuery = { sprintsByProject: { items: Array<{ id: string }> } };

export type TeamMoveStaleMutationVariables = Exact<{
  i: MoveTaskInput;
}>;


export type TeamMoveStaleMutation = { moveTask: { id: string } };

export type TeamAssignMutationVariables = Exact<{
  id: string;
  a?: string | null | undefined;
}>;


export type TeamAssignMutation = { assignTask: { id: string, key: string, title: string, status: TaskStatus, rank: string, sprintId: string | null, storyId: string | null, assigneeId: string | null, watcherIds: Array<string>, archived: boolean, timeSpentMinutes: number, estimatePoints: number | null, version: number } };

export type TeamAddCommentMutationVariables = Exact<{
  i: AddCommentInput;
}>;


export type TeamAddCommentMutation = { addComment: { id: string, authorId: string, body: string, mentions: Array<string>, edited: boolean, version: number } };

export type TeamUpdateCommentMutationVariables = Exact<{
  i: UpdateCommentInput;
}>;


export type TeamUpdateCommentMutation = { updateComment: { body: string, edited: boolean, version: number, mentions: Array<string> } };

export type TeamUpdateStaleMutationVariables = Exact<{
  i: UpdateCommentInput;
}>;


export type TeamUpdateStaleMutation = { updateComment: { id: string } };

export type TeamDeleteCommentMutationVariables = Exact<{
  t: string;
  id: string;
}>;


export type TeamDeleteCommentMutation = { deleteComment: { id: string } };

export type TeamCommentsByTaskQueryVariables = Exact<{
  t: string;
}>;


export type TeamCommentsByTaskQuery = { commentsByTask: { items: Array<{ body: string, authorId: string }> } };

export type TeamActivityByTaskQueryVariables = Exact<{
  t: string;
}>;


export type TeamActivityByTaskQuery = { activityByTask: { items: Array<{ action: ActivityAction, entityType: EntityType, entityId: string, changes: Array<{ field: string, before: string | null, after: string | null }> }> } };

export type TeamLogTimeMutationVariables = Exact<{
  i: LogTimeInput;
}>;


export type TeamLogTimeMutation = { logTime: { id: string, userId: string, minutes: number, workDate: string, note: string | null } };

export type TeamTimeEntriesByTaskQueryVariables = Exact<{
  t: string;
}>;


export type TeamTimeEntriesByTaskQuery = { timeEntriesByTask: { items: Array<{ userId: string, minutes: number }> } };

export type TeamRestoreTaskMutationVariables = Exact<{
  id: string;
}>;


export type TeamRestoreTaskMutation = { restoreTask: { archived: boolean, archivedAt: string | null, status: TaskStatus } };

export type TeamRestorePolishMutationVariables = Exact<{
  id: string;
}>;


export type TeamRestorePolishMutation = { restoreTask: { archived: boolean } };

export type TeamSetAcceptanceCriterionMutationVariables = Exact<{
  i: SetAcceptanceCriterionInput;
}>;


export type TeamSetAcceptanceCriterionMutation = { setAcceptanceCriterion: { id: string } };

export type TeamCompleteSprintMutationVariables = Exact<{
  i: CompleteSprintInput;
}>;


export type TeamCompleteSprintMutation = { completeSprint: { id: string, state: SprintState, completedAt: string | null, carriedOverTo: string | null, carryOverDone: boolean | null } };

export type TeamTasksByStatusQueryVariables = Exact<{
  p: string;
  s: TaskStatus;
  sp?: string | null | undefined;
}>;


export type TeamTasksByStatusQuery = { tasksByStatus: { items: Array<{ id: string }> } };

export type TeamCreateLateMutationVariables = Exact<{
  i: CreateTaskInput;
}>;


export type TeamCreateLateMutation = { createTask: { id: string } };

export type TeamStartSprintTwoMutationVariables = Exact<{
  id: string;
}>;


export type TeamStartSprintTwoMutation = { startSprint: { state: SprintState } };

export type TeamUpdateTaskMutationVariables = Exact<{
  i: UpdateTaskInput;
}>;


export type TeamUpdateTaskMutation = { updateTask: { sprintId: string | null, version: number } };

export type TeamCompleteSprintTwoMutationVariables = Exact<{
  i: CompleteSprintInput;
}>;


export type TeamCompleteSprintTwoMutation = { completeSprint: { state: SprintState, carriedOverTo: string | null, carryOverDone: boolean | null } };

export type TeamCompletedSprintsQueryVariables = Exact<{
  p: string;
}>;


export type TeamCompletedSprintsQuery = { sprintsByProject: { items: Array<{ id: string }> } };

export type TeamOttoProjectQueryVariables = Exact<{
  id: string;
}>;


export type TeamOttoProjectQuery = { project: { id: string } | null };

export type TeamOttoTaskQueryVariables = Exact<{
  id: string;
}>;


export type TeamOttoTaskQuery = { task: { id: string } | null };

export type TeamOttoBacklogQueryVariables = Exact<{
  p: string;
}>;


export type TeamOttoBacklogQuery = { backlog: { items: Array<{ id: string }> } };

export type TeamOttoActivityQueryVariables = Exact<{
  t: string;
}>;


export type TeamOttoActivityQuery = { activityByTask: { items: Array<{ id: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const MatrixTaskFragmentDoc = new TypedDocumentString(`
    fragment MatrixTask on Task {
  id
  version
  status
  archived
  sprintId
  assigneeId
  watcherIds
  title
}
    `, {"fragmentName":"MatrixTask"}) as unknown as TypedDocumentString<MatrixTaskFragment, unknown>;
export const TeamTaskFragmentDoc = new TypedDocumentString(`
    fragment TeamTask on Task {
  id
  key
  title
  status
  rank
  sprintId
  storyId
  assigneeId
  watcherIds
  archived
  timeSpentMinutes
  estimatePoints
  version
}
    `, {"fragmentName":"TeamTask"}) as unknown as TypedDocumentString<TeamTaskFragment, unknown>;
export const TeamStoryFragmentDoc = new TypedDocumentString(`
    fragment TeamStory on Story {
  id
  title
  points
  version
  acceptanceCriteria {
    id
    text
    done
  }
  progress {
    criteriaTotal
    criteriaDone
    percent
  }
}
    `, {"fragmentName":"TeamStory"}) as unknown as TypedDocumentString<TeamStoryFragment, unknown>;
export const MatrixNewTaskDocument = new TypedDocumentString(`
    mutation MatrixNewTask($i: CreateTaskInput!) {
  createTask(input: $i) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<MatrixNewTaskMutation, MatrixNewTaskMutationVariables>;
export const MatrixReadTaskDocument = new TypedDocumentString(`
    query MatrixReadTask($id: ID!) {
  task(id: $id) {
    ...MatrixTask
  }
}
    fragment MatrixTask on Task {
  id
  version
  status
  archived
  sprintId
  assigneeId
  watcherIds
  title
}`) as unknown as TypedDocumentString<MatrixReadTaskQuery, MatrixReadTaskQueryVariables>;
export const MatrixNewStoryDocument = new TypedDocumentString(`
    mutation MatrixNewStory($i: CreateStoryInput!) {
  createStory(input: $i) {
    id
    version
    acceptanceCriteria {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixNewStoryMutation, MatrixNewStoryMutationVariables>;
export const MatrixReadStoryDocument = new TypedDocumentString(`
    query MatrixReadStory($id: ID!) {
  story(id: $id) {
    id
    version
    title
    acceptanceCriteria {
      id
      done
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixReadStoryQuery, MatrixReadStoryQueryVariables>;
export const MatrixNewSprintDocument = new TypedDocumentString(`
    mutation MatrixNewSprint($i: CreateSprintInput!) {
  createSprint(input: $i) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<MatrixNewSprintMutation, MatrixNewSprintMutationVariables>;
export const MatrixReadSprintDocument = new TypedDocumentString(`
    query MatrixReadSprint($id: ID!) {
  sprint(id: $id) {
    id
    version
    state
    goal
  }
}
    `) as unknown as TypedDocumentString<MatrixReadSprintQuery, MatrixReadSprintQueryVariables>;
export const MatrixReadProjectDocument = new TypedDocumentString(`
    query MatrixReadProject($id: ID!) {
  project(id: $id) {
    id
    version
    name
    archived
    activeSprintId
  }
}
    `) as unknown as TypedDocumentString<MatrixReadProjectQuery, MatrixReadProjectQueryVariables>;
export const MatrixArchiveProjectDocument = new TypedDocumentString(`
    mutation MatrixArchiveProject($id: ID!) {
  archiveProject(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<MatrixArchiveProjectMutation, MatrixArchiveProjectMutationVariables>;
export const MatrixRestoreProjectDocument = new TypedDocumentString(`
    mutation MatrixRestoreProject($id: ID!) {
  restoreProject(id: $id) {
    id
    archived
  }
}
    `) as unknown as TypedDocumentString<MatrixRestoreProjectMutation, MatrixRestoreProjectMutationVariables>;
export const MatrixStartSprintDocument = new TypedDocumentString(`
    mutation MatrixStartSprint($id: ID!) {
  startSprint(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<MatrixStartSprintMutation, MatrixStartSprintMutationVariables>;
export const MatrixCompleteSprintDocument = new TypedDocumentString(`
    mutation MatrixCompleteSprint($i: CompleteSprintInput!) {
  completeSprint(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<MatrixCompleteSprintMutation, MatrixCompleteSprintMutationVariables>;
export const MatrixNewCommentDocument = new TypedDocumentString(`
    mutation MatrixNewComment($i: AddCommentInput!) {
  addComment(input: $i) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<MatrixNewCommentMutation, MatrixNewCommentMutationVariables>;
export const MatrixReadCommentsDocument = new TypedDocumentString(`
    query MatrixReadComments($t: ID!) {
  commentsByTask(taskId: $t, limit: 100) {
    items {
      id
      version
      body
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixReadCommentsQuery, MatrixReadCommentsQueryVariables>;
export const MatrixNewAttachmentDocument = new TypedDocumentString(`
    mutation MatrixNewAttachment($i: CreateAttachmentUploadInput!) {
  createAttachmentUpload(input: $i) {
    attachment {
      id
    }
    url
    fields
  }
}
    `) as unknown as TypedDocumentString<MatrixNewAttachmentMutation, MatrixNewAttachmentMutationVariables>;
export const MatrixConfirmAttachmentDocument = new TypedDocumentString(`
    mutation MatrixConfirmAttachment($t: ID!, $id: ID!) {
  confirmAttachmentUpload(taskId: $t, id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<MatrixConfirmAttachmentMutation, MatrixConfirmAttachmentMutationVariables>;
export const MatrixReadAttachmentsDocument = new TypedDocumentString(`
    query MatrixReadAttachments($t: ID!) {
  attachmentsByTask(taskId: $t, limit: 100) {
    items {
      id
      status
      version
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixReadAttachmentsQuery, MatrixReadAttachmentsQueryVariables>;
export const MatrixAddMemberDocument = new TypedDocumentString(`
    mutation MatrixAddMember($i: AddMemberInput!) {
  addMember(input: $i) {
    userId
    status
  }
}
    `) as unknown as TypedDocumentString<MatrixAddMemberMutation, MatrixAddMemberMutationVariables>;
export const MatrixReadMembersDocument = new TypedDocumentString(`
    query MatrixReadMembers($p: ID!) {
  projectMembers(projectId: $p, limit: 100) {
    items {
      userId
      role
      version
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixReadMembersQuery, MatrixReadMembersQueryVariables>;
export const MatrixNewTokenDocument = new TypedDocumentString(`
    mutation MatrixNewToken($i: CreateIntegrationTokenInput!) {
  createIntegrationToken(input: $i) {
    secret
    token {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixNewTokenMutation, MatrixNewTokenMutationVariables>;
export const MatrixReadTokensDocument = new TypedDocumentString(`
    query MatrixReadTokens($p: ID!) {
  integrationTokens(projectId: $p, limit: 100) {
    items {
      id
      revoked
      version
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixReadTokensQuery, MatrixReadTokensQueryVariables>;
export const MatrixArchiveTaskDocument = new TypedDocumentString(`
    mutation MatrixArchiveTask($id: ID!) {
  archiveTask(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<MatrixArchiveTaskMutation, MatrixArchiveTaskMutationVariables>;
export const MatrixNewProjectDocument = new TypedDocumentString(`
    mutation MatrixNewProject($i: CreateProjectInput!) {
  createProject(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<MatrixNewProjectMutation, MatrixNewProjectMutationVariables>;
export const MatrixLogTimeDocument = new TypedDocumentString(`
    mutation MatrixLogTime($i: LogTimeInput!) {
  logTime(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<MatrixLogTimeMutation, MatrixLogTimeMutationVariables>;
export const MatrixTheirTaskDocument = new TypedDocumentString(`
    query MatrixTheirTask($t: ID!) {
  commentsByTask(taskId: $t) {
    items {
      id
      body
      version
    }
  }
  task(id: $t) {
    version
    sprintId
  }
}
    `) as unknown as TypedDocumentString<MatrixTheirTaskQuery, MatrixTheirTaskQueryVariables>;
export const MatrixTaskIdDocument = new TypedDocumentString(`
    query MatrixTaskId($id: ID!) {
  task(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<MatrixTaskIdQuery, MatrixTaskIdQueryVariables>;
export const MatrixBacklogDocument = new TypedDocumentString(`
    query MatrixBacklog($p: ID!) {
  backlog(projectId: $p) {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixBacklogQuery, MatrixBacklogQueryVariables>;
export const MatrixDownloadUrlDocument = new TypedDocumentString(`
    mutation MatrixDownloadUrl($t: ID!, $id: ID!) {
  attachmentDownloadUrl(taskId: $t, id: $id) {
    url
  }
}
    `) as unknown as TypedDocumentString<MatrixDownloadUrlMutation, MatrixDownloadUrlMutationVariables>;
export const MatrixRenameTaskDocument = new TypedDocumentString(`
    mutation MatrixRenameTask($i: UpdateTaskInput!) {
  updateTask(input: $i) {
    title
  }
}
    `) as unknown as TypedDocumentString<MatrixRenameTaskMutation, MatrixRenameTaskMutationVariables>;
export const TeamCreateTaskDocument = new TypedDocumentString(`
    mutation TeamCreateTask($i: CreateTaskInput!) {
  createTask(input: $i) {
    ...TeamTask
  }
}
    fragment TeamTask on Task {
  id
  key
  title
  status
  rank
  sprintId
  storyId
  assigneeId
  watcherIds
  archived
  timeSpentMinutes
  estimatePoints
  version
}`) as unknown as TypedDocumentString<TeamCreateTaskMutation, TeamCreateTaskMutationVariables>;
export const TeamGetTaskDocument = new TypedDocumentString(`
    query TeamGetTask($id: ID!) {
  task(id: $id) {
    ...TeamTask
  }
}
    fragment TeamTask on Task {
  id
  key
  title
  status
  rank
  sprintId
  storyId
  assigneeId
  watcherIds
  archived
  timeSpentMinutes
  estimatePoints
  version
}`) as unknown as TypedDocumentString<TeamGetTaskQuery, TeamGetTaskQueryVariables>;
export const TeamMoveTaskDocument = new TypedDocumentString(`
    mutation TeamMoveTask($i: MoveTaskInput!) {
  moveTask(input: $i) {
    ...TeamTask
  }
}
    fragment TeamTask on Task {
  id
  key
  title
  status
  rank
  sprintId
  storyId
  assigneeId
  watcherIds
  archived
  timeSpentMinutes
  estimatePoints
  version
}`) as unknown as TypedDocumentString<TeamMoveTaskMutation, TeamMoveTaskMutationVariables>;
export const TeamMyProjectsDocument = new TypedDocumentString(`
    query TeamMyProjects {
  myProjects {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TeamMyProjectsQuery, TeamMyProjectsQueryVariables>;
export const TeamMyRolesDocument = new TypedDocumentString(`
    query TeamMyRoles {
  myProjects {
    items {
      id
      myRole
    }
  }
}
    `) as unknown as TypedDocumentString<TeamMyRolesQuery, TeamMyRolesQueryVariables>;
export const TeamTasksOfDocument = new TypedDocumentString(`
    query TeamTasksOf($a: ID!) {
  tasksByAssignee(assigneeId: $a) {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TeamTasksOfQuery, TeamTasksOfQueryVariables>;
export const TeamArchiveTaskDocument = new TypedDocumentString(`
    mutation TeamArchiveTask($id: ID!) {
  archiveTask(id: $id) {
    archived
  }
}
    `) as unknown as TypedDocumentString<TeamArchiveTaskMutation, TeamArchiveTaskMutationVariables>;
export const TeamCommentDocument = new TypedDocumentString(`
    mutation TeamComment($i: AddCommentInput!) {
  addComment(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamCommentMutation, TeamCommentMutationVariables>;
export const TeamActiveSprintDocument = new TypedDocumentString(`
    query TeamActiveSprint($id: ID!) {
  project(id: $id) {
    activeSprintId
  }
}
    `) as unknown as TypedDocumentString<TeamActiveSprintQuery, TeamActiveSprintQueryVariables>;
export const TeamBoardColumnDocument = new TypedDocumentString(`
    query TeamBoardColumn($p: ID!, $s: TaskStatus!, $sp: ID, $a: Boolean) {
  tasksByStatus(projectId: $p, status: $s, sprintId: $sp, includeArchived: $a) {
    items {
      id
      status
      rank
    }
  }
}
    `) as unknown as TypedDocumentString<TeamBoardColumnQuery, TeamBoardColumnQueryVariables>;
export const TeamBacklogDocument = new TypedDocumentString(`
    query TeamBacklog($p: ID!) {
  backlog(projectId: $p) {
    items {
      id
      sprintId
      rank
    }
  }
}
    `) as unknown as TypedDocumentString<TeamBacklogQuery, TeamBacklogQueryVariables>;
export const TeamMyTasksDocument = new TypedDocumentString(`
    query TeamMyTasks($a: ID!) {
  tasksByAssignee(assigneeId: $a) {
    items {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<TeamMyTasksQuery, TeamMyTasksQueryVariables>;
export const TeamStoryProgressDocument = new TypedDocumentString(`
    query TeamStoryProgress($id: ID!) {
  story(id: $id) {
    progress {
      tasksTotal
      tasksDone
      pointsTotal
      pointsDone
      criteriaTotal
      criteriaDone
      percent
    }
  }
}
    `) as unknown as TypedDocumentString<TeamStoryProgressQuery, TeamStoryProgressQueryVariables>;
export const TeamHistoryDocument = new TypedDocumentString(`
    query TeamHistory($t: ID!) {
  activityByTask(taskId: $t, limit: 100) {
    items {
      action
      actorId
      entityType
      changes {
        field
        before
        after
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamHistoryQuery, TeamHistoryQueryVariables>;
export const TeamCreateProjectDocument = new TypedDocumentString(`
    mutation TeamCreateProject($i: CreateProjectInput!) {
  createProject(input: $i) {
    id
    key
    name
    myRole
    taskCount
    activeSprintId
  }
}
    `) as unknown as TypedDocumentString<TeamCreateProjectMutation, TeamCreateProjectMutationVariables>;
export const TeamProjectDocument = new TypedDocumentString(`
    query TeamProject($id: ID!) {
  project(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamProjectQuery, TeamProjectQueryVariables>;
export const TeamAddMemberDocument = new TypedDocumentString(`
    mutation TeamAddMember($i: AddMemberInput!) {
  addMember(input: $i) {
    userId
    email
    role
    status
  }
}
    `) as unknown as TypedDocumentString<TeamAddMemberMutation, TeamAddMemberMutationVariables>;
export const TeamProjectMembersDocument = new TypedDocumentString(`
    query TeamProjectMembers($p: ID!) {
  projectMembers(projectId: $p) {
    items {
      email
      role
      status
    }
  }
}
    `) as unknown as TypedDocumentString<TeamProjectMembersQuery, TeamProjectMembersQueryVariables>;
export const TeamActivityByProjectDocument = new TypedDocumentString(`
    query TeamActivityByProject($p: ID!) {
  activityByProject(projectId: $p) {
    items {
      action
      actorId
      entityType
    }
  }
}
    `) as unknown as TypedDocumentString<TeamActivityByProjectQuery, TeamActivityByProjectQueryVariables>;
export const TeamWriteStoryDocument = new TypedDocumentString(`
    mutation TeamWriteStory($i: CreateStoryInput!) {
  createStory(input: $i) {
    ...TeamStory
  }
}
    fragment TeamStory on Story {
  id
  title
  points
  version
  acceptanceCriteria {
    id
    text
    done
  }
  progress {
    criteriaTotal
    criteriaDone
    percent
  }
}`) as unknown as TypedDocumentString<TeamWriteStoryMutation, TeamWriteStoryMutationVariables>;
export const TeamCreateStoryDocument = new TypedDocumentString(`
    mutation TeamCreateStory($i: CreateStoryInput!) {
  createStory(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamCreateStoryMutation, TeamCreateStoryMutationVariables>;
export const TeamSetCriterionDocument = new TypedDocumentString(`
    mutation TeamSetCriterion($i: SetAcceptanceCriterionInput!) {
  setAcceptanceCriterion(input: $i) {
    ...TeamStory
  }
}
    fragment TeamStory on Story {
  id
  title
  points
  version
  acceptanceCriteria {
    id
    text
    done
  }
  progress {
    criteriaTotal
    criteriaDone
    percent
  }
}`) as unknown as TypedDocumentString<TeamSetCriterionMutation, TeamSetCriterionMutationVariables>;
export const TeamStoriesByProjectDocument = new TypedDocumentString(`
    query TeamStoriesByProject($p: ID!) {
  storiesByProject(projectId: $p) {
    items {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<TeamStoriesByProjectQuery, TeamStoriesByProjectQueryVariables>;
export const TeamCreateSprintDocument = new TypedDocumentString(`
    mutation TeamCreateSprint($i: CreateSprintInput!) {
  createSprint(input: $i) {
    id
    name
    state
    goal
  }
}
    `) as unknown as TypedDocumentString<TeamCreateSprintMutation, TeamCreateSprintMutationVariables>;
export const TeamStartSprintDocument = new TypedDocumentString(`
    mutation TeamStartSprint($id: ID!) {
  startSprint(id: $id) {
    id
    state
    startedAt
  }
}
    `) as unknown as TypedDocumentString<TeamStartSprintMutation, TeamStartSprintMutationVariables>;
export const TeamStartAnotherDocument = new TypedDocumentString(`
    mutation TeamStartAnother($id: ID!) {
  startSprint(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamStartAnotherMutation, TeamStartAnotherMutationVariables>;
export const TeamPlannedSprintsDocument = new TypedDocumentString(`
    query TeamPlannedSprints($p: ID!) {
  sprintsByProject(projectId: $p, state: PLANNED) {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TeamPlannedSprintsQuery, TeamPlannedSprintsQueryVariables>;
export const TeamMoveStaleDocument = new TypedDocumentString(`
    mutation TeamMoveStale($i: MoveTaskInput!) {
  moveTask(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamMoveStaleMutation, TeamMoveStaleMutationVariables>;
export const TeamAssignDocument = new TypedDocumentString(`
    mutation TeamAssign($id: ID!, $a: ID) {
  assignTask(id: $id, assigneeId: $a) {
    ...TeamTask
  }
}
    fragment TeamTask on Task {
  id
  key
  title
  status
  rank
  sprintId
  storyId
  assigneeId
  watcherIds
  archived
  timeSpentMinutes
  estimatePoints
  version
}`) as unknown as TypedDocumentString<TeamAssignMutation, TeamAssignMutationVariables>;
export const TeamAddCommentDocument = new TypedDocumentString(`
    mutation TeamAddComment($i: AddCommentInput!) {
  addComment(input: $i) {
    id
    authorId
    body
    mentions
    edited
    version
  }
}
    `) as unknown as TypedDocumentString<TeamAddCommentMutation, TeamAddCommentMutationVariables>;
export const TeamUpdateCommentDocument = new TypedDocumentString(`
    mutation TeamUpdateComment($i: UpdateCommentInput!) {
  updateComment(input: $i) {
    body
    edited
    version
    mentions
  }
}
    `) as unknown as TypedDocumentString<TeamUpdateCommentMutation, TeamUpdateCommentMutationVariables>;
export const TeamUpdateStaleDocument = new TypedDocumentString(`
    mutation TeamUpdateStale($i: UpdateCommentInput!) {
  updateComment(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamUpdateStaleMutation, TeamUpdateStaleMutationVariables>;
export const TeamDeleteCommentDocument = new TypedDocumentString(`
    mutation TeamDeleteComment($t: ID!, $id: ID!) {
  deleteComment(taskId: $t, id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamDeleteCommentMutation, TeamDeleteCommentMutationVariables>;
export const TeamCommentsByTaskDocument = new TypedDocumentString(`
    query TeamCommentsByTask($t: ID!) {
  commentsByTask(taskId: $t) {
    items {
      body
      authorId
    }
  }
}
    `) as unknown as TypedDocumentString<TeamCommentsByTaskQuery, TeamCommentsByTaskQueryVariables>;
export const TeamActivityByTaskDocument = new TypedDocumentString(`
    query TeamActivityByTask($t: ID!) {
  activityByTask(taskId: $t, limit: 5) {
    items {
      action
      entityType
      entityId
      changes {
        field
        before
        after
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamActivityByTaskQuery, TeamActivityByTaskQueryVariables>;
export const TeamLogTimeDocument = new TypedDocumentString(`
    mutation TeamLogTime($i: LogTimeInput!) {
  logTime(input: $i) {
    id
    userId
    minutes
    workDate
    note
  }
}
    `) as unknown as TypedDocumentString<TeamLogTimeMutation, TeamLogTimeMutationVariables>;
export const TeamTimeEntriesByTaskDocument = new TypedDocumentString(`
    query TeamTimeEntriesByTask($t: ID!) {
  timeEntriesByTask(taskId: $t) {
    items {
      userId
      minutes
    }
  }
}
    `) as unknown as TypedDocumentString<TeamTimeEntriesByTaskQuery, TeamTimeEntriesByTaskQueryVariables>;
export const TeamRestoreTaskDocument = new TypedDocumentString(`
    mutation TeamRestoreTask($id: ID!) {
  restoreTask(id: $id) {
    archived
    archivedAt
    status
  }
}
    `) as unknown as TypedDocumentString<TeamRestoreTaskMutation, TeamRestoreTaskMutationVariables>;
export const TeamRestorePolishDocument = new TypedDocumentString(`
    mutation TeamRestorePolish($id: ID!) {
  restoreTask(id: $id) {
    archived
  }
}
    `) as unknown as TypedDocumentString<TeamRestorePolishMutation, TeamRestorePolishMutationVariables>;
export const TeamSetAcceptanceCriterionDocument = new TypedDocumentString(`
    mutation TeamSetAcceptanceCriterion($i: SetAcceptanceCriterionInput!) {
  setAcceptanceCriterion(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamSetAcceptanceCriterionMutation, TeamSetAcceptanceCriterionMutationVariables>;
export const TeamCompleteSprintDocument = new TypedDocumentString(`
    mutation TeamCompleteSprint($i: CompleteSprintInput!) {
  completeSprint(input: $i) {
    id
    state
    completedAt
    carriedOverTo
    carryOverDone
  }
}
    `) as unknown as TypedDocumentString<TeamCompleteSprintMutation, TeamCompleteSprintMutationVariables>;
export const TeamTasksByStatusDocument = new TypedDocumentString(`
    query TeamTasksByStatus($p: ID!, $s: TaskStatus!, $sp: ID) {
  tasksByStatus(projectId: $p, status: $s, sprintId: $sp) {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TeamTasksByStatusQuery, TeamTasksByStatusQueryVariables>;
export const TeamCreateLateDocument = new TypedDocumentString(`
    mutation TeamCreateLate($i: CreateTaskInput!) {
  createTask(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamCreateLateMutation, TeamCreateLateMutationVariables>;
export const TeamStartSprintTwoDocument = new TypedDocumentString(`
    mutation TeamStartSprintTwo($id: ID!) {
  startSprint(id: $id) {
    state
  }
}
    `) as unknown as TypedDocumentString<TeamStartSprintTwoMutation, TeamStartSprintTwoMutationVariables>;
export const TeamUpdateTaskDocument = new TypedDocumentString(`
    mutation TeamUpdateTask($i: UpdateTaskInput!) {
  updateTask(input: $i) {
    sprintId
    version
  }
}
    `) as unknown as TypedDocumentString<TeamUpdateTaskMutation, TeamUpdateTaskMutationVariables>;
export const TeamCompleteSprintTwoDocument = new TypedDocumentString(`
    mutation TeamCompleteSprintTwo($i: CompleteSprintInput!) {
  completeSprint(input: $i) {
    state
    carriedOverTo
    carryOverDone
  }
}
    `) as unknown as TypedDocumentString<TeamCompleteSprintTwoMutation, TeamCompleteSprintTwoMutationVariables>;
export const TeamCompletedSprintsDocument = new TypedDocumentString(`
    query TeamCompletedSprints($p: ID!) {
  sprintsByProject(projectId: $p, state: COMPLETED) {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TeamCompletedSprintsQuery, TeamCompletedSprintsQueryVariables>;
export const TeamOttoProjectDocument = new TypedDocumentString(`
    query TeamOttoProject($id: ID!) {
  project(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamOttoProjectQuery, TeamOttoProjectQueryVariables>;
export const TeamOttoTaskDocument = new TypedDocumentString(`
    query TeamOttoTask($id: ID!) {
  task(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<TeamOttoTaskQuery, TeamOttoTaskQueryVariables>;
export const TeamOttoBacklogDocument = new TypedDocumentString(`
    query TeamOttoBacklog($p: ID!) {
  backlog(projectId: $p) {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TeamOttoBacklogQuery, TeamOttoBacklogQueryVariables>;
export const TeamOttoActivityDocument = new TypedDocumentString(`
    query TeamOttoActivity($t: ID!) {
  activityByTask(taskId: $t) {
    items {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TeamOttoActivityQuery, TeamOttoActivityQueryVariables>;