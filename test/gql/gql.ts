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
    "fragment TeamStory on Story { id title points version acceptanceCriteria { id text done } progress { criteriaTotal criteriaDone percent } }": typeof types.TeamStoryFragmentDoc,
    "mutation TeamCreateTask($i: CreateTaskInput!) { createTask(input: $i) { ...TeamTask } }": typeof types.TeamCreateTaskDocument,
    "query TeamGetTask($id: ID!) { task(id: $id) { ...TeamTask } }": typeof types.TeamGetTaskDocument,
    "mutation TeamMoveTask($i: MoveTaskInput!) { moveTask(input: $i) { ...TeamTask } }": typeof types.TeamMoveTaskDocument,
    "query TeamMyProjects { myProjects { items { id } } }": typeof types.TeamMyProjectsDocument,
    "query TeamMyRoles { myProjects { items { id myRole } } }": typeof types.TeamMyRolesDocument,
    "query TeamTasksOf($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id } } }": typeof types.TeamTasksOfDocument,
    "mutation TeamArchiveTask($id: ID!) { archiveTask(id: $id) { archived } }": typeof types.TeamArchiveTaskDocument,
    "mutation TeamComment($i: AddCommentInput!) { addComment(input: $i) { id } }": typeof types.TeamCommentDocument,
    "query TeamActiveSprint($id: ID!) { project(id: $id) { activeSprintId } }": typeof types.TeamActiveSprintDocument,
    "query TeamBoardColumn($p: ID!, $s: TaskStatus!, $sp: ID, $a: Boolean) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp, includeArchived: $a) { items { id status rank } } }": typeof types.TeamBoardColumnDocument,
    "query TeamBacklog($p: ID!) { backlog(projectId: $p) { items { id sprintId rank } } }": typeof types.TeamBacklogDocument,
    "query TeamMyTasks($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id status } } }": typeof types.TeamMyTasksDocument,
    "query TeamStoryProgress($id: ID!) { story(id: $id) { progress { tasksTotal tasksDone pointsTotal pointsDone criteriaTotal criteriaDone percent } } }": typeof types.TeamStoryProgressDocument,
    "query TeamHistory($t: ID!) { activityByTask(taskId: $t, limit: 100) { items { action actorId entityType changes { field before after } } } }": typeof types.TeamHistoryDocument,
    "mutation TeamCreateProject($i: CreateProjectInput!) { createProject(input: $i) { id key name myRole taskCount activeSprintId } }": typeof types.TeamCreateProjectDocument,
    "query TeamProject($id: ID!) { project(id: $id) { id } }": typeof types.TeamProjectDocument,
    "mutation TeamAddMember($i: AddMemberInput!) { addMember(input: $i) { userId email role status } }": typeof types.TeamAddMemberDocument,
    "query TeamProjectMembers($p: ID!) { projectMembers(projectId: $p) { items { email role status } } }": typeof types.TeamProjectMembersDocument,
    "query TeamActivityByProject($p: ID!) { activityByProject(projectId: $p) { items { action actorId entityType } } }": typeof types.TeamActivityByProjectDocument,
    "mutation TeamWriteStory($i: CreateStoryInput!) { createStory(input: $i) { ...TeamStory } }": typeof types.TeamWriteStoryDocument,
    "mutation TeamCreateStory($i: CreateStoryInput!) { createStory(input: $i) { id } }": typeof types.TeamCreateStoryDocument,
    "mutation TeamSetCriterion($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { ...TeamStory } }": typeof types.TeamSetCriterionDocument,
    "query TeamStoriesByProject($p: ID!) { storiesByProject(projectId: $p) { items { id title } } }": typeof types.TeamStoriesByProjectDocument,
    "mutation TeamCreateSprint($i: CreateSprintInput!) { createSprint(input: $i) { id name state goal } }": typeof types.TeamCreateSprintDocument,
    "mutation TeamStartSprint($id: ID!) { startSprint(id: $id) { id state startedAt } }": typeof types.TeamStartSprintDocument,
    "mutation TeamStartAnother($id: ID!) { startSprint(id: $id) { id } }": typeof types.TeamStartAnotherDocument,
    "query TeamPlannedSprints($p: ID!) { sprintsByProject(projectId: $p, state: PLANNED) { items { id } } }": typeof types.TeamPlannedSprintsDocument,
    "mutation TeamMoveStale($i: MoveTaskInput!) { moveTask(input: $i) { id } }": typeof types.TeamMoveStaleDocument,
    "mutation TeamAssign($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ...TeamTask } }": typeof types.TeamAssignDocument,
    "mutation TeamAddComment($i: AddCommentInput!) { addComment(input: $i) { id authorId body mentions edited version } }": typeof types.TeamAddCommentDocument,
    "mutation TeamUpdateComment($i: UpdateCommentInput!) { updateComment(input: $i) { body edited version mentions } }": typeof types.TeamUpdateCommentDocument,
    "mutation TeamUpdateStale($i: UpdateCommentInput!) { updateComment(input: $i) { id } }": typeof types.TeamUpdateStaleDocument,
    "mutation TeamDeleteComment($t: ID!, $id: ID!) { deleteComment(taskId: $t, id: $id) { id } }": typeof types.TeamDeleteCommentDocument,
    "query TeamCommentsByTask($t: ID!) { commentsByTask(taskId: $t) { items { body authorId } } }": typeof types.TeamCommentsByTaskDocument,
    "query TeamActivityByTask($t: ID!) { activityByTask(taskId: $t, limit: 5) { items { action entityType entityId changes { field before after } } } }": typeof types.TeamActivityByTaskDocument,
    "mutation TeamLogTime($i: LogTimeInput!) { logTime(input: $i) { id userId minutes workDate note } }": typeof types.TeamLogTimeDocument,
    "query TeamTimeEntriesByTask($t: ID!) { timeEntriesByTask(taskId: $t) { items { userId minutes } } }": typeof types.TeamTimeEntriesByTaskDocument,
    "mutation TeamRestoreTask($id: ID!) { restoreTask(id: $id) { archived archivedAt status } }": typeof types.TeamRestoreTaskDocument,
    "mutation TeamRestorePolish($id: ID!) { restoreTask(id: $id) { archived } }": typeof types.TeamRestorePolishDocument,
    "mutation TeamSetAcceptanceCriterion($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { id } }": typeof types.TeamSetAcceptanceCriterionDocument,
    "mutation TeamCompleteSprint($i: CompleteSprintInput!) { completeSprint(input: $i) { id state completedAt carriedOverTo carryOverDone } }": typeof types.TeamCompleteSprintDocument,
    "query TeamTasksByStatus($p: ID!, $s: TaskStatus!, $sp: ID) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp) { items { id } } }": typeof types.TeamTasksByStatusDocument,
    "mutation TeamCreateLate($i: CreateTaskInput!) { createTask(input: $i) { id } }": typeof types.TeamCreateLateDocument,
    "mutation TeamStartSprintTwo($id: ID!) { startSprint(id: $id) { state } }": typeof types.TeamStartSprintTwoDocument,
    "mutation TeamUpdateTask($i: UpdateTaskInput!) { updateTask(input: $i) { sprintId version } }": typeof types.TeamUpdateTaskDocument,
    "mutation TeamCompleteSprintTwo($i: CompleteSprintInput!) { completeSprint(input: $i) { state carriedOverTo carryOverDone } }": typeof types.TeamCompleteSprintTwoDocument,
    "query TeamCompletedSprints($p: ID!) { sprintsByProject(projectId: $p, state: COMPLETED) { items { id } } }": typeof types.TeamCompletedSprintsDocument,
    "query TeamOttoProject($id: ID!) { project(id: $id) { id } }": typeof types.TeamOttoProjectDocument,
    "query TeamOttoTask($id: ID!) { task(id: $id) { id } }": typeof types.TeamOttoTaskDocument,
    "query TeamOttoBacklog($p: ID!) { backlog(projectId: $p) { items { id } } }": typeof types.TeamOttoBacklogDocument,
    "query TeamOttoActivity($t: ID!) { activityByTask(taskId: $t) { items { id } } }": typeof types.TeamOttoActivityDocument,
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
    "fragment TeamStory on Story { id title points version acceptanceCriteria { id text done } progress { criteriaTotal criteriaDone percent } }": types.TeamStoryFragmentDoc,
    "mutation TeamCreateTask($i: CreateTaskInput!) { createTask(input: $i) { ...TeamTask } }": types.TeamCreateTaskDocument,
    "query TeamGetTask($id: ID!) { task(id: $id) { ...TeamTask } }": types.TeamGetTaskDocument,
    "mutation TeamMoveTask($i: MoveTaskInput!) { moveTask(input: $i) { ...TeamTask } }": types.TeamMoveTaskDocument,
    "query TeamMyProjects { myProjects { items { id } } }": types.TeamMyProjectsDocument,
    "query TeamMyRoles { myProjects { items { id myRole } } }": types.TeamMyRolesDocument,
    "query TeamTasksOf($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id } } }": types.TeamTasksOfDocument,
    "mutation TeamArchiveTask($id: ID!) { archiveTask(id: $id) { archived } }": types.TeamArchiveTaskDocument,
    "mutation TeamComment($i: AddCommentInput!) { addComment(input: $i) { id } }": types.TeamCommentDocument,
    "query TeamActiveSprint($id: ID!) { project(id: $id) { activeSprintId } }": types.TeamActiveSprintDocument,
    "query TeamBoardColumn($p: ID!, $s: TaskStatus!, $sp: ID, $a: Boolean) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp, includeArchived: $a) { items { id status rank } } }": types.TeamBoardColumnDocument,
    "query TeamBacklog($p: ID!) { backlog(projectId: $p) { items { id sprintId rank } } }": types.TeamBacklogDocument,
    "query TeamMyTasks($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id status } } }": types.TeamMyTasksDocument,
    "query TeamStoryProgress($id: ID!) { story(id: $id) { progress { tasksTotal tasksDone pointsTotal pointsDone criteriaTotal criteriaDone percent } } }": types.TeamStoryProgressDocument,
    "query TeamHistory($t: ID!) { activityByTask(taskId: $t, limit: 100) { items { action actorId entityType changes { field before after } } } }": types.TeamHistoryDocument,
    "mutation TeamCreateProject($i: CreateProjectInput!) { createProject(input: $i) { id key name myRole taskCount activeSprintId } }": types.TeamCreateProjectDocument,
    "query TeamProject($id: ID!) { project(id: $id) { id } }": types.TeamProjectDocument,
    "mutation TeamAddMember($i: AddMemberInput!) { addMember(input: $i) { userId email role status } }": types.TeamAddMemberDocument,
    "query TeamProjectMembers($p: ID!) { projectMembers(projectId: $p) { items { email role status } } }": types.TeamProjectMembersDocument,
    "query TeamActivityByProject($p: ID!) { activityByProject(projectId: $p) { items { action actorId entityType } } }": types.TeamActivityByProjectDocument,
    "mutation TeamWriteStory($i: CreateStoryInput!) { createStory(input: $i) { ...TeamStory } }": types.TeamWriteStoryDocument,
    "mutation TeamCreateStory($i: CreateStoryInput!) { createStory(input: $i) { id } }": types.TeamCreateStoryDocument,
    "mutation TeamSetCriterion($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { ...TeamStory } }": types.TeamSetCriterionDocument,
    "query TeamStoriesByProject($p: ID!) { storiesByProject(projectId: $p) { items { id title } } }": types.TeamStoriesByProjectDocument,
    "mutation TeamCreateSprint($i: CreateSprintInput!) { createSprint(input: $i) { id name state goal } }": types.TeamCreateSprintDocument,
    "mutation TeamStartSprint($id: ID!) { startSprint(id: $id) { id state startedAt } }": types.TeamStartSprintDocument,
    "mutation TeamStartAnother($id: ID!) { startSprint(id: $id) { id } }": types.TeamStartAnotherDocument,
    "query TeamPlannedSprints($p: ID!) { sprintsByProject(projectId: $p, state: PLANNED) { items { id } } }": types.TeamPlannedSprintsDocument,
    "mutation TeamMoveStale($i: MoveTaskInput!) { moveTask(input: $i) { id } }": types.TeamMoveStaleDocument,
    "mutation TeamAssign($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ...TeamTask } }": types.TeamAssignDocument,
    "mutation TeamAddComment($i: AddCommentInput!) { addComment(input: $i) { id authorId body mentions edited version } }": types.TeamAddCommentDocument,
    "mutation TeamUpdateComment($i: UpdateCommentInput!) { updateComment(input: $i) { body edited version mentions } }": types.TeamUpdateCommentDocument,
    "mutation TeamUpdateStale($i: UpdateCommentInput!) { updateComment(input: $i) { id } }": types.TeamUpdateStaleDocument,
    "mutation TeamDeleteComment($t: ID!, $id: ID!) { deleteComment(taskId: $t, id: $id) { id } }": types.TeamDeleteCommentDocument,
    "query TeamCommentsByTask($t: ID!) { commentsByTask(taskId: $t) { items { body authorId } } }": types.TeamCommentsByTaskDocument,
    "query TeamActivityByTask($t: ID!) { activityByTask(taskId: $t, limit: 5) { items { action entityType entityId changes { field before after } } } }": types.TeamActivityByTaskDocument,
    "mutation TeamLogTime($i: LogTimeInput!) { logTime(input: $i) { id userId minutes workDate note } }": types.TeamLogTimeDocument,
    "query TeamTimeEntriesByTask($t: ID!) { timeEntriesByTask(taskId: $t) { items { userId minutes } } }": types.TeamTimeEntriesByTaskDocument,
    "mutation TeamRestoreTask($id: ID!) { restoreTask(id: $id) { archived archivedAt status } }": types.TeamRestoreTaskDocument,
    "mutation TeamRestorePolish($id: ID!) { restoreTask(id: $id) { archived } }": types.TeamRestorePolishDocument,
    "mutation TeamSetAcceptanceCriterion($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { id } }": types.TeamSetAcceptanceCriterionDocument,
    "mutation TeamCompleteSprint($i: CompleteSprintInput!) { completeSprint(input: $i) { id state completedAt carriedOverTo carryOverDone } }": types.TeamCompleteSprintDocument,
    "query TeamTasksByStatus($p: ID!, $s: TaskStatus!, $sp: ID) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp) { items { id } } }": types.TeamTasksByStatusDocument,
    "mutation TeamCreateLate($i: CreateTaskInput!) { createTask(input: $i) { id } }": types.TeamCreateLateDocument,
    "mutation TeamStartSprintTwo($id: ID!) { startSprint(id: $id) { state } }": types.TeamStartSprintTwoDocument,
    "mutation TeamUpdateTask($i: UpdateTaskInput!) { updateTask(input: $i) { sprintId version } }": types.TeamUpdateTaskDocument,
    "mutation TeamCompleteSprintTwo($i: CompleteSprintInput!) { completeSprint(input: $i) { state carriedOverTo carryOverDone } }": types.TeamCompleteSprintTwoDocument,
    "query TeamCompletedSprints($p: ID!) { sprintsByProject(projectId: $p, state: COMPLETED) { items { id } } }": types.TeamCompletedSprintsDocument,
    "query TeamOttoProject($id: ID!) { project(id: $id) { id } }": types.TeamOttoProjectDocument,
    "query TeamOttoTask($id: ID!) { task(id: $id) { id } }": types.TeamOttoTaskDocument,
    "query TeamOttoBacklog($p: ID!) { backlog(projectId: $p) { items { id } } }": types.TeamOttoBacklogDocument,
    "query TeamOttoActivity($t: ID!) { activityByTask(taskId: $t) { items { id } } }": types.TeamOttoActivityDocument,
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
export function graphql(source: "fragment TeamStory on Story { id title points version acceptanceCriteria { id text done } progress { criteriaTotal criteriaDone percent } }"): typeof import('./graphql.ts').TeamStoryFragmentDoc;
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
export function graphql(source: "query TeamMyProjects { myProjects { items { id } } }"): typeof import('./graphql.ts').TeamMyProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamMyRoles { myProjects { items { id myRole } } }"): typeof import('./graphql.ts').TeamMyRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamTasksOf($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id } } }"): typeof import('./graphql.ts').TeamTasksOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamArchiveTask($id: ID!) { archiveTask(id: $id) { archived } }"): typeof import('./graphql.ts').TeamArchiveTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamComment($i: AddCommentInput!) { addComment(input: $i) { id } }"): typeof import('./graphql.ts').TeamCommentDocument;
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
export function graphql(source: "mutation TeamCreateProject($i: CreateProjectInput!) { createProject(input: $i) { id key name myRole taskCount activeSprintId } }"): typeof import('./graphql.ts').TeamCreateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamProject($id: ID!) { project(id: $id) { id } }"): typeof import('./graphql.ts').TeamProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAddMember($i: AddMemberInput!) { addMember(input: $i) { userId email role status } }"): typeof import('./graphql.ts').TeamAddMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamProjectMembers($p: ID!) { projectMembers(projectId: $p) { items { email role status } } }"): typeof import('./graphql.ts').TeamProjectMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamActivityByProject($p: ID!) { activityByProject(projectId: $p) { items { action actorId entityType } } }"): typeof import('./graphql.ts').TeamActivityByProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamWriteStory($i: CreateStoryInput!) { createStory(input: $i) { ...TeamStory } }"): typeof import('./graphql.ts').TeamWriteStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamCreateStory($i: CreateStoryInput!) { createStory(input: $i) { id } }"): typeof import('./graphql.ts').TeamCreateStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamSetCriterion($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { ...TeamStory } }"): typeof import('./graphql.ts').TeamSetCriterionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamStoriesByProject($p: ID!) { storiesByProject(projectId: $p) { items { id title } } }"): typeof import('./graphql.ts').TeamStoriesByProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamCreateSprint($i: CreateSprintInput!) { createSprint(input: $i) { id name state goal } }"): typeof import('./graphql.ts').TeamCreateSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamStartSprint($id: ID!) { startSprint(id: $id) { id state startedAt } }"): typeof import('./graphql.ts').TeamStartSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamStartAnother($id: ID!) { startSprint(id: $id) { id } }"): typeof import('./graphql.ts').TeamStartAnotherDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamPlannedSprints($p: ID!) { sprintsByProject(projectId: $p, state: PLANNED) { items { id } } }"): typeof import('./graphql.ts').TeamPlannedSprintsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamMoveStale($i: MoveTaskInput!) { moveTask(input: $i) { id } }"): typeof import('./graphql.ts').TeamMoveStaleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAssign($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ...TeamTask } }"): typeof import('./graphql.ts').TeamAssignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAddComment($i: AddCommentInput!) { addComment(input: $i) { id authorId body mentions edited version } }"): typeof import('./graphql.ts').TeamAddCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamUpdateComment($i: UpdateCommentInput!) { updateComment(input: $i) { body edited version mentions } }"): typeof import('./graphql.ts').TeamUpdateCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamUpdateStale($i: UpdateCommentInput!) { updateComment(input: $i) { id } }"): typeof import('./graphql.ts').TeamUpdateStaleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamDeleteComment($t: ID!, $id: ID!) { deleteComment(taskId: $t, id: $id) { id } }"): typeof import('./graphql.ts').TeamDeleteCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamCommentsByTask($t: ID!) { commentsByTask(taskId: $t) { items { body authorId } } }"): typeof import('./graphql.ts').TeamCommentsByTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamActivityByTask($t: ID!) { activityByTask(taskId: $t, limit: 5) { items { action entityType entityId changes { field before after } } } }"): typeof import('./graphql.ts').TeamActivityByTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamLogTime($i: LogTimeInput!) { logTime(input: $i) { id userId minutes workDate note } }"): typeof import('./graphql.ts').TeamLogTimeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamTimeEntriesByTask($t: ID!) { timeEntriesByTask(taskId: $t) { items { userId minutes } } }"): typeof import('./graphql.ts').TeamTimeEntriesByTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamRestoreTask($id: ID!) { restoreTask(id: $id) { archived archivedAt status } }"): typeof import('./graphql.ts').TeamRestoreTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamRestorePolish($id: ID!) { restoreTask(id: $id) { archived } }"): typeof import('./graphql.ts').TeamRestorePolishDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamSetAcceptanceCriterion($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { id } }"): typeof import('./graphql.ts').TeamSetAcceptanceCriterionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamCompleteSprint($i: CompleteSprintInput!) { completeSprint(input: $i) { id state completedAt carriedOverTo carryOverDone } }"): typeof import('./graphql.ts').TeamCompleteSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamTasksByStatus($p: ID!, $s: TaskStatus!, $sp: ID) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp) { items { id } } }"): typeof import('./graphql.ts').TeamTasksByStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamCreateLate($i: CreateTaskInput!) { createTask(input: $i) { id } }"): typeof import('./graphql.ts').TeamCreateLateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamStartSprintTwo($id: ID!) { startSprint(id: $id) { state } }"): typeof import('./graphql.ts').TeamStartSprintTwoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamUpdateTask($i: UpdateTaskInput!) { updateTask(input: $i) { sprintId version } }"): typeof import('./graphql.ts').TeamUpdateTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamCompleteSprintTwo($i: CompleteSprintInput!) { completeSprint(input: $i) { state carriedOverTo carryOverDone } }"): typeof import('./graphql.ts').TeamCompleteSprintTwoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamCompletedSprints($p: ID!) { sprintsByProject(projectId: $p, state: COMPLETED) { items { id } } }"): typeof import('./graphql.ts').TeamCompletedSprintsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamOttoProject($id: ID!) { project(id: $id) { id } }"): typeof import('./graphql.ts').TeamOttoProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamOttoTask($id: ID!) { task(id: $id) { id } }"): typeof import('./graphql.ts').TeamOttoTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamOttoBacklog($p: ID!) { backlog(projectId: $p) { items { id } } }"): typeof import('./graphql.ts').TeamOttoBacklogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamOttoActivity($t: ID!) { activityByTask(taskId: $t) { items { id } } }"): typeof import('./graphql.ts').TeamOttoActivityDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
