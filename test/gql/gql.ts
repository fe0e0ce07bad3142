/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment MatrixTask on Task { id version status archived sprintId assigneeId watcherIds title }": typeof types.MatrixTaskFragmentDoc,
    "mutation MatrixNewTask($i: CreateTaskInput!) { createTask(input: $i) { id version } }": typeof types.MatrixNewTaskDocument,
    "query MatrixReadTask($id: ID!) { task(id: $id) { ...MatrixTask } }": typeof types.MatrixReadTaskDocument,
    "mutation MatrixNewStory($i: CreateStoryInput!) { createStory(input: $i) { id version acceptanceCriteria { id } } }": typeof types.MatrixNewStoryDocument,
    "query MatrixReadStory($id: ID!) { story(id: $id) { id version title acceptanceCriteria { id done } } }": typeof types.MatrixReadStoryDocument,
    "mutation MatrixNewSprint($i: CreateSprintInput!) { createSprint(input: $i) { id version } }": typeof types.MatrixNewSprintDocument,
    "query MatrixReadSprint($id: ID!) { sprint(id: $id) { id version state goal } }": typeof types.MatrixReadSprintDocument,
    "query MatrixReadProject($id: ID!) { project(id: $id) { id version name archived activeSprintId } }": typeof types.MatrixReadProjectDocument,
    "mutation MatrixArchiveProject($id: ID!) { archiveProject(id: $id) { id } }": typeof types.MatrixArchiveProjectDocument,
    "mutation MatrixRestoreProject($id: ID!) { restoreProject(id: $id) { id archived } }": typeof types.MatrixRestoreProjectDocument,
    "mutation MatrixStartSprint($id: ID!) { startSprint(id: $id) { id } }": typeof types.MatrixStartSprintDocument,
    "mutation MatrixCompleteSprint($i: CompleteSprintInput!) { completeSprint(input: $i) { id } }": typeof types.MatrixCompleteSprintDocument,
    "mutation MatrixNewComment($i: AddCommentInput!) { addComment(input: $i) { id version } }": typeof types.MatrixNewCommentDocument,
    "query MatrixReadComments($t: ID!) { commentsByTask(taskId: $t, limit: 100) { items { id version body } } }": typeof types.MatrixReadCommentsDocument,
    "mutation MatrixNewAttachment($i: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $i) { attachment { id } url fields } }": typeof types.MatrixNewAttachmentDocument,
    "mutation MatrixConfirmAttachment($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { id status } }": typeof types.MatrixConfirmAttachmentDocument,
    "query MatrixReadAttachments($t: ID!) { attachmentsByTask(taskId: $t, limit: 100) { items { id status version } } }": typeof types.MatrixReadAttachmentsDocument,
    "mutation MatrixAddMember($i: AddMemberInput!) { addMember(input: $i) { userId status } }": typeof types.MatrixAddMemberDocument,
    "query MatrixReadMembers($p: ID!) { projectMembers(projectId: $p, limit: 100) { items { userId role version } } }": typeof types.MatrixReadMembersDocument,
    "mutation MatrixNewToken($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret token { id } } }": typeof types.MatrixNewTokenDocument,
    "query MatrixReadTokens($p: ID!) { integrationTokens(projectId: $p, limit: 100) { items { id revoked version } } }": typeof types.MatrixReadTokensDocument,
    "mutation MatrixArchiveTask($id: ID!) { archiveTask(id: $id) { id } }": typeof types.MatrixArchiveTaskDocument,
    "mutation MatrixNewProject($i: CreateProjectInput!) { createProject(input: $i) { id } }": typeof types.MatrixNewProjectDocument,
    "mutation MatrixLogTime($i: LogTimeInput!) { logTime(input: $i) { id } }": typeof types.MatrixLogTimeDocument,
    "query MatrixTheirTask($t: ID!) { commentsByTask(taskId: $t) { items { id body version } } task(id: $t) { version sprintId } }": typeof types.MatrixTheirTaskDocument,
    "query MatrixTaskId($id: ID!) { task(id: $id) { id } }": typeof types.MatrixTaskIdDocument,
    "query MatrixBacklog($p: ID!) { backlog(projectId: $p) { items { id } } }": typeof types.MatrixBacklogDocument,
    "mutation MatrixDownloadUrl($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url } }": typeof types.MatrixDownloadUrlDocument,
    "mutation MatrixRenameTask($i: UpdateTaskInput!) { updateTask(input: $i) { title } }": typeof types.MatrixRenameTaskDocument,
    "fragment TeamTask on Task { id key title status rank sprintId storyId assigneeId watcherIds archived timeSpentMinutes estimatePoints version }": typeof types.TeamTaskFragmentDoc,
    "mutation TeamCreateTask($i: CreateTaskInput!) { createTask(input: $i) { ...TeamTask } }": typeof types.TeamCreateTaskDocument,
    "query TeamGetTask($id: ID!) { task(id: $id) { ...TeamTask } }": typeof types.TeamGetTaskDocument,
    "mutation TeamMoveTask($i: MoveTaskInput!) { moveTask(input: $i) { ...TeamTask } }": typeof types.TeamMoveTaskDocument,
    "query TeamActiveSprint($id: ID!) { project(id: $id) { activeSprintId } }": typeof types.TeamActiveSprintDocument,
    "query TeamBoardColumn($p: ID!, $s: TaskStatus!, $sp: ID, $a: Boolean) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp, includeArchived: $a) { items { id status rank } } }": typeof types.TeamBoardColumnDocument,
    "query TeamBacklog($p: ID!) { backlog(projectId: $p) { items { id sprintId rank } } }": typeof types.TeamBacklogDocument,
    "query TeamMyTasks($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id status } } }": typeof types.TeamMyTasksDocument,
    "query TeamStoryProgress($id: ID!) { story(id: $id) { progress { tasksTotal tasksDone pointsTotal pointsDone criteriaTotal criteriaDone percent } } }": typeof types.TeamStoryProgressDocument,
    "query TeamHistory($t: ID!) { activityByTask(taskId: $t, limit: 100) { items { action actorId entityType changes { field before after } } } }": typeof types.TeamHistoryDocument,
    "mutation TeamAssign($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ...TeamTask } }": typeof types.TeamAssignDocument,
};
const documents: Documents = {
    "fragment MatrixTask on Task { id version status archived sprintId assigneeId watcherIds title }": types.MatrixTaskFragmentDoc,
    "mutation MatrixNewTask($i: CreateTaskInput!) { createTask(input: $i) { id version } }": types.MatrixNewTaskDocument,
    "query MatrixReadTask($id: ID!) { task(id: $id) { ...MatrixTask } }": types.MatrixReadTaskDocument,
    "mutation MatrixNewStory($i: CreateStoryInput!) { createStory(input: $i) { id version acceptanceCriteria { id } } }": types.MatrixNewStoryDocument,
    "query MatrixReadStory($id: ID!) { story(id: $id) { id version title acceptanceCriteria { id done } } }": types.MatrixReadStoryDocument,
    "mutation MatrixNewSprint($i: CreateSprintInput!) { createSprint(input: $i) { id version } }": types.MatrixNewSprintDocument,
    "query MatrixReadSprint($id: ID!) { sprint(id: $id) { id version state goal } }": types.MatrixReadSprintDocument,
    "query MatrixReadProject($id: ID!) { project(id: $id) { id version name archived activeSprintId } }": types.MatrixReadProjectDocument,
    "mutation MatrixArchiveProject($id: ID!) { archiveProject(id: $id) { id } }": types.MatrixArchiveProjectDocument,
    "mutation MatrixRestoreProject($id: ID!) { restoreProject(id: $id) { id archived } }": types.MatrixRestoreProjectDocument,
    "mutation MatrixStartSprint($id: ID!) { startSprint(id: $id) { id } }": types.MatrixStartSprintDocument,
    "mutation MatrixCompleteSprint($i: CompleteSprintInput!) { completeSprint(input: $i) { id } }": types.MatrixCompleteSprintDocument,
    "mutation MatrixNewComment($i: AddCommentInput!) { addComment(input: $i) { id version } }": types.MatrixNewCommentDocument,
    "query MatrixReadComments($t: ID!) { commentsByTask(taskId: $t, limit: 100) { items { id version body } } }": types.MatrixReadCommentsDocument,
    "mutation MatrixNewAttachment($i: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $i) { attachment { id } url fields } }": types.MatrixNewAttachmentDocument,
    "mutation MatrixConfirmAttachment($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { id status } }": types.MatrixConfirmAttachmentDocument,
    "query MatrixReadAttachments($t: ID!) { attachmentsByTask(taskId: $t, limit: 100) { items { id status version } } }": types.MatrixReadAttachmentsDocument,
    "mutation MatrixAddMember($i: AddMemberInput!) { addMember(input: $i) { userId status } }": types.MatrixAddMemberDocument,
    "query MatrixReadMembers($p: ID!) { projectMembers(projectId: $p, limit: 100) { items { userId role version } } }": types.MatrixReadMembersDocument,
    "mutation MatrixNewToken($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret token { id } } }": types.MatrixNewTokenDocument,
    "query MatrixReadTokens($p: ID!) { integrationTokens(projectId: $p, limit: 100) { items { id revoked version } } }": types.MatrixReadTokensDocument,
    "mutation MatrixArchiveTask($id: ID!) { archiveTask(id: $id) { id } }": types.MatrixArchiveTaskDocument,
    "mutation MatrixNewProject($i: CreateProjectInput!) { createProject(input: $i) { id } }": types.MatrixNewProjectDocument,
    "mutation MatrixLogTime($i: LogTimeInput!) { logTime(input: $i) { id } }": types.MatrixLogTimeDocument,
    "query MatrixTheirTask($t: ID!) { commentsByTask(taskId: $t) { items { id body version } } task(id: $t) { version sprintId } }": types.MatrixTheirTaskDocument,
    "query MatrixTaskId($id: ID!) { task(id: $id) { id } }": types.MatrixTaskIdDocument,
    "query MatrixBacklog($p: ID!) { backlog(projectId: $p) { items { id } } }": types.MatrixBacklogDocument,
    "mutation MatrixDownloadUrl($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url } }": types.MatrixDownloadUrlDocument,
    "mutation MatrixRenameTask($i: UpdateTaskInput!) { updateTask(input: $i) { title } }": types.MatrixRenameTaskDocument,
    "fragment TeamTask on Task { id key title status rank sprintId storyId assigneeId watcherIds archived timeSpentMinutes estimatePoints version }": types.TeamTaskFragmentDoc,
    "mutation TeamCreateTask($i: CreateTaskInput!) { createTask(input: $i) { ...TeamTask } }": types.TeamCreateTaskDocument,
    "query TeamGetTask($id: ID!) { task(id: $id) { ...TeamTask } }": types.TeamGetTaskDocument,
    "mutation TeamMoveTask($i: MoveTaskInput!) { moveTask(input: $i) { ...TeamTask } }": types.TeamMoveTaskDocument,
    "query TeamActiveSprint($id: ID!) { project(id: $id) { activeSprintId } }": types.TeamActiveSprintDocument,
    "query TeamBoardColumn($p: ID!, $s: TaskStatus!, $sp: ID, $a: Boolean) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp, includeArchived: $a) { items { id status rank } } }": types.TeamBoardColumnDocument,
    "query TeamBacklog($p: ID!) { backlog(projectId: $p) { items { id sprintId rank } } }": types.TeamBacklogDocument,
    "query TeamMyTasks($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id status } } }": types.TeamMyTasksDocument,
    "query TeamStoryProgress($id: ID!) { story(id: $id) { progress { tasksTotal tasksDone pointsTotal pointsDone criteriaTotal criteriaDone percent } } }": types.TeamStoryProgressDocument,
    "query TeamHistory($t: ID!) { activityByTask(taskId: $t, limit: 100) { items { action actorId entityType changes { field before after } } } }": types.TeamHistoryDocument,
    "mutation TeamAssign($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ...TeamTask } }": types.TeamAssignDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MatrixTask on Task { id version status archived sprintId assigneeId watcherIds title }"): typeof import('./graphql.ts').MatrixTaskFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixNewTask($i: CreateTaskInput!) { createTask(input: $i) { id version } }"): typeof import('./graphql.ts').MatrixNewTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixReadTask($id: ID!) { task(id: $id) { ...MatrixTask } }"): typeof import('./graphql.ts').MatrixReadTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixNewStory($i: CreateStoryInput!) { createStory(input: $i) { id version acceptanceCriteria { id } } }"): typeof import('./graphql.ts').MatrixNewStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixReadStory($id: ID!) { story(id: $id) { id version title acceptanceCriteria { id done } } }"): typeof import('./graphql.ts').MatrixReadStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixNewSprint($i: CreateSprintInput!) { createSprint(input: $i) { id version } }"): typeof import('./graphql.ts').MatrixNewSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixReadSprint($id: ID!) { sprint(id: $id) { id version state goal } }"): typeof import('./graphql.ts').MatrixReadSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixReadProject($id: ID!) { project(id: $id) { id version name archived activeSprintId } }"): typeof import('./graphql.ts').MatrixReadProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixArchiveProject($id: ID!) { archiveProject(id: $id) { id } }"): typeof import('./graphql.ts').MatrixArchiveProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixRestoreProject($id: ID!) { restoreProject(id: $id) { id archived } }"): typeof import('./graphql.ts').MatrixRestoreProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixStartSprint($id: ID!) { startSprint(id: $id) { id } }"): typeof import('./graphql.ts').MatrixStartSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixCompleteSprint($i: CompleteSprintInput!) { completeSprint(input: $i) { id } }"): typeof import('./graphql.ts').MatrixCompleteSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixNewComment($i: AddCommentInput!) { addComment(input: $i) { id version } }"): typeof import('./graphql.ts').MatrixNewCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixReadComments($t: ID!) { commentsByTask(taskId: $t, limit: 100) { items { id version body } } }"): typeof import('./graphql.ts').MatrixReadCommentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixNewAttachment($i: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $i) { attachment { id } url fields } }"): typeof import('./graphql.ts').MatrixNewAttachmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixConfirmAttachment($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { id status } }"): typeof import('./graphql.ts').MatrixConfirmAttachmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixReadAttachments($t: ID!) { attachmentsByTask(taskId: $t, limit: 100) { items { id status version } } }"): typeof import('./graphql.ts').MatrixReadAttachmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixAddMember($i: AddMemberInput!) { addMember(input: $i) { userId status } }"): typeof import('./graphql.ts').MatrixAddMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixReadMembers($p: ID!) { projectMembers(projectId: $p, limit: 100) { items { userId role version } } }"): typeof import('./graphql.ts').MatrixReadMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixNewToken($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret token { id } } }"): typeof import('./graphql.ts').MatrixNewTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixReadTokens($p: ID!) { integrationTokens(projectId: $p, limit: 100) { items { id revoked version } } }"): typeof import('./graphql.ts').MatrixReadTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixArchiveTask($id: ID!) { archiveTask(id: $id) { id } }"): typeof import('./graphql.ts').MatrixArchiveTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixNewProject($i: CreateProjectInput!) { createProject(input: $i) { id } }"): typeof import('./graphql.ts').MatrixNewProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixLogTime($i: LogTimeInput!) { logTime(input: $i) { id } }"): typeof import('./graphql.ts').MatrixLogTimeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixTheirTask($t: ID!) { commentsByTask(taskId: $t) { items { id body version } } task(id: $t) { version sprintId } }"): typeof import('./graphql.ts').MatrixTheirTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixTaskId($id: ID!) { task(id: $id) { id } }"): typeof import('./graphql.ts').MatrixTaskIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixBacklog($p: ID!) { backlog(projectId: $p) { items { id } } }"): typeof import('./graphql.ts').MatrixBacklogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixDownloadUrl($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url } }"): typeof import('./graphql.ts').MatrixDownloadUrlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixRenameTask($i: UpdateTaskInput!) { updateTask(input: $i) { title } }"): typeof import('./graphql.ts').MatrixRenameTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TeamTask on Task { id key title status rank sprintId storyId assigneeId watcherIds archived timeSpentMinutes estimatePoints version }"): typeof import('./graphql.ts').TeamTaskFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamCreateTask($i: CreateTaskInput!) { createTask(input: $i) { ...TeamTask } }"): typeof import('./graphql.ts').TeamCreateTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamGetTask($id: ID!) { task(id: $id) { ...TeamTask } }"): typeof import('./graphql.ts').TeamGetTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamMoveTask($i: MoveTaskInput!) { moveTask(input: $i) { ...TeamTask } }"): typeof import('./graphql.ts').TeamMoveTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamActiveSprint($id: ID!) { project(id: $id) { activeSprintId } }"): typeof import('./graphql.ts').TeamActiveSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamBoardColumn($p: ID!, $s: TaskStatus!, $sp: ID, $a: Boolean) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp, includeArchived: $a) { items { id status rank } } }"): typeof import('./graphql.ts').TeamBoardColumnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamBacklog($p: ID!) { backlog(projectId: $p) { items { id sprintId rank } } }"): typeof import('./graphql.ts').TeamBacklogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamMyTasks($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id status } } }"): typeof import('./graphql.ts').TeamMyTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamStoryProgress($id: ID!) { story(id: $id) { progress { tasksTotal tasksDone pointsTotal pointsDone criteriaTotal criteriaDone percent } } }"): typeof import('./graphql.ts').TeamStoryProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamHistory($t: ID!) { activityByTask(taskId: $t, limit: 100) { items { action actorId entityType changes { field before after } } } }"): typeof import('./graphql.ts').TeamHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAssign($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ...TeamTask } }"): typeof import('./graphql.ts').TeamAssignDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
