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

export type TeamAssignMutationVariables = Exact<{
  id: string;
  a?: string | null | undefined;
}>;


export type TeamAssignMutation = { assignTask: { id: string, key: string, title: string, status: TaskStatus, rank: string, sprintId: string | null, storyId: string | null, assigneeId: string | null, watcherIds: Array<string>, archived: boolean, timeSpentMinutes: number, estimatePoints: number | null, version: number } };

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