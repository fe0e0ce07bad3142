/** The GraphQL the client sends (schema.graphql is the contract; Admin operations:. */
export const TASK_FIELDS = 'id projectId key number title description status priority labels assigneeId reporterId watcherIds storyId sprintId dueAt estimatePoints timeSpentMinutes rank archived deletedAt version updatedAt createdAt';
export const PROJECT_FIELDS = 'id key name description archived archivedAt activeSprintId taskCount myRole version';
export const SPRINT_FIELDS = 'id projectId name goal startsAt endsAt state startedAt completedAt carriedOverTo carryOverDone version';
export const STORY_FIELDS = 'id projectId title description points version acceptanceCriteria { id text done } progress { tasksTotal tasksDone pointsTotal pointsDone criteriaTotal criteriaDone percent }';
export const MEMBER_FIELDS = 'projectId userId email displayName role status version';

export const ME = 'query Me { me { id email displayName timeZone reminderLeadMinutes emailNotifications version } }';
export const MY_PROJECTS = `query MyProjects($inc: Boolean, $limit: Int, $next: String) { myProjects(includeArchived: $inc, limit: $limit, nextToken: $next) { items { ${PROJECT_FIELDS} } nextToken } }`;
export const PROJECT = `query Project($id: ID!) { project(id: $id) { ${PROJECT_FIELDS} } }`;
export const CREATE_PROJECT = `mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
export const ARCHIVE_PROJECT = `mutation Archive($id: ID!) { archiveProject(id: $id) { ${PROJECT_FIELDS} } }`;
export const RESTORE_PROJECT = `mutation Restore($id: ID!) { restoreProject(id: $id) { ${PROJECT_FIELDS} } }`;

export const MEMBERS = `query Members($p: ID!, $limit: Int, $next: String) { projectMembers(projectId: $p, limit: $limit, nextToken: $next) { items { ${MEMBER_FIELDS} } nextToken } }`;
export const ADD_MEMBER = `mutation AddMember($input: AddMemberInput!) { addMember(input: $input) { ${MEMBER_FIELDS} } }`;
export const UPDATE_ROLE = `mutation Role($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { ${MEMBER_FIELDS} } }`;
export const REMOVE_MEMBER = `mutation Remove($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u) { ${MEMBER_FIELDS} } }`;
export const TOKENS = 'query Tokens($p: ID!, $next: String) { integrationTokens(projectId: $p, limit: 50, nextToken: $next) { items { id name scope prefix createdAt revoked revokedAt version } nextToken } }';
export const CREATE_TOKEN = 'mutation CreateToken($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret token { id name scope prefix createdAt revoked version } } }';
export const REVOKE_TOKEN = 'mutation Revoke($p: ID!, $id: ID!) { revokeIntegrationToken(projectId: $p, id: $id) { id revoked revokedAt version } }';
export const UPDATE_PROFILE = 'mutation Profile($input: UpdateProfileInput!) { updateProfile(input: $input) { id displayName timeZone reminderLeadMinutes emailNotifications version } }';

export const TASKS_BY_STATUS = `query Column($p: ID!, $s: TaskStatus!, $sprint: ID, $limit: Int, $next: String) { tasksByStatus(projectId: $p, status: $s, sprintId: $sprint, limit: $limit, nextToken: $next) { items { ${TASK_FIELDS} } nextToken } }`;
export const BACKLOG = `query Backlog($p: ID!, $limit: Int, $next: String) { backlog(projectId: $p, limit: $limit, nextToken: $next) { items { ${TASK_FIELDS} } nextToken } }`;
export const TASKS_BY_ASSIGNEE = `query Mine($a: ID!, $next: String) { tasksByAssignee(assigneeId: $a, limit: 50, nextToken: $next) { items { ${TASK_FIELDS} } nextToken } }`;
export const TASKS_BY_STORY = `query StoryTasks($s: ID!, $next: String) { tasksByStory(storyId: $s, limit: 100, nextToken: $next) { items { ${TASK_FIELDS} } nextToken } }`;
export const TASK = `query Task($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`;
export const CREATE_TASK = `mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
export const UPDATE_TASK = `mutation UpdateTask($input: UpdateTaskInput!) { updateTask(input: $input) { ${TASK_FIELDS} } }`;
export const MOVE_TASK = `mutation MoveTask($input: MoveTaskInput!) { moveTask(input: $input) { ${TASK_FIELDS} } }`;
export const ASSIGN_TASK = `mutation Assign($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ${TASK_FIELDS} } }`;
export const WATCH_TASK = `mutation Watch($id: ID!) { watchTask(id: $id) { ${TASK_FIELDS} } }`;
export const UNWATCH_TASK = `mutation Unwatch($id: ID!) { unwatchTask(id: $id) { ${TASK_FIELDS} } }`;
export const ARCHIVE_TASK = `mutation ArchiveTask($id: ID!) { archiveTask(id: $id) { ${TASK_FIELDS} } }`;
export const ON_TASK_CHANGED = `subscription OnTask($p: ID!) { onTaskChanged(projectId: $p) { ${TASK_FIELDS} } }`;

export const SPRINTS = `query Sprints($p: ID!, $state: SprintState, $next: String) { sprintsByProject(projectId: $p, state: $state, limit: 50, nextToken: $next) { items { ${SPRINT_FIELDS} } nextToken } }`;
export const SPRINT = `query Sprint($id: ID!) { sprint(id: $id) { ${SPRINT_FIELDS} } }`;
export const CREATE_SPRINT = `mutation CreateSprint($input: CreateSprintInput!) { createSprint(input: $input) { ${SPRINT_FIELDS} } }`;
export const UPDATE_SPRINT = `mutation UpdateSprint($input: UpdateSprintInput!) { updateSprint(input: $input) { ${SPRINT_FIELDS} } }`;
export const START_SPRINT = `mutation StartSprint($id: ID!) { startSprint(id: $id) { ${SPRINT_FIELDS} } }`;
export const COMPLETE_SPRINT = `mutation CompleteSprint($input: CompleteSprintInput!) { completeSprint(input: $input) { ${SPRINT_FIELDS} } }`;
export const ON_SPRINT_CHANGED = `subscription OnSprint($p: ID!) { onSprintChanged(projectId: $p) { ${SPRINT_FIELDS} } }`;

export const STORIES = `query Stories($p: ID!, $next: String) { storiesByProject(projectId: $p, limit: 50, nextToken: $next) { items { ${STORY_FIELDS} } nextToken } }`;
export const STORY = `query Story($id: ID!) { story(id: $id) { ${STORY_FIELDS} } }`;
export const CREATE_STORY = `mutation CreateStory($input: CreateStoryInput!) { createStory(input: $input) { ${STORY_FIELDS} } }`;
export const SET_CRITERION = `mutation Criterion($input: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $input) { ${STORY_FIELDS} } }`;

export const COMMENT_FIELDS = 'id taskId projectId authorId body mentions edited createdAt version';
export const COMMENTS = `query Comments($t: ID!, $next: String) { commentsByTask(taskId: $t, limit: 50, nextToken: $next) { items { ${COMMENT_FIELDS} } nextToken } }`;
export const ADD_COMMENT = `mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ${COMMENT_FIELDS} } }`;
export const ON_COMMENT = `subscription OnComment($t: ID!) { onCommentAdded(taskId: $t) { ${COMMENT_FIELDS} } }`;
export const ATTACHMENT_FIELDS = 'id taskId fileName contentType size status createdAt version';
export const ATTACHMENTS = `query Attachments($t: ID!, $next: String) { attachmentsByTask(taskId: $t, limit: 50, nextToken: $next) { items { ${ATTACHMENT_FIELDS} } nextToken } }`;
export const CREATE_UPLOAD = `mutation Upload($input: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $input) { url fields expiresAt attachment { ${ATTACHMENT_FIELDS} } } }`;
export const CONFIRM_UPLOAD = `mutation Confirm($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { ${ATTACHMENT_FIELDS} } }`;
export const DOWNLOAD_URL = 'mutation Download($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url expiresAt } }';
export const DELETE_ATTACHMENT = `mutation DeleteAttachment($t: ID!, $id: ID!) { deleteAttachment(taskId: $t, id: $id) { ${ATTACHMENT_FIELDS} } }`;
export const TIME_ENTRIES = 'query Time($t: ID!, $next: String) { timeEntriesByTask(taskId: $t, limit: 50, nextToken: $next) { items { id userId minutes workDate note createdAt } nextToken } }';
export const LOG_TIME = 'mutation LogTime($input: LogTimeInput!) { logTime(input: $input) { id userId minutes workDate note createdAt } }';
export const ACTIVITY = 'query Activity($t: ID!, $next: String) { activityByTask(taskId: $t, limit: 30, nextToken: $next) { items { id actorId action createdAt changes { field before after } } nextToken } }';

export const NOTIFICATION_FIELDS = 'id userId kind projectId taskId title body read readAt createdAt version';
export const NOTIFICATIONS = `query Notifications($unread: Boolean, $next: String) { myNotifications(unreadOnly: $unread, limit: 30, nextToken: $next) { items { ${NOTIFICATION_FIELDS} } nextToken unreadCount } }`;
export const MARK_READ = 'mutation MarkRead($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { updated } }';
export const ON_NOTIFICATION = `subscription OnNotification($u: ID!) { onNotification(userId: $u) { ${NOTIFICATION_FIELDS} } }`;

const WORKLOAD = 'workload { userId displayName openTasks openPoints donePoints timeSpentMinutes }';
const BREAKDOWN = 'statusBreakdown { status tasks points }';
export const SPRINT_REPORT = `query SprintReport($id: ID!) { sprintReport(sprintId: $id) { committedPoints completedPoints overdueTasks generatedAt sprint { id name } burndown { date remainingPoints idealPoints } ${BREAKDOWN} ${WORKLOAD} } }`;
export const PROJECT_REPORT = `query ProjectReport($p: ID!) { projectReport(projectId: $p) { overdueTasks generatedAt velocity { sprintId name committedPoints completedPoints completedAt } ${BREAKDOWN} ${WORKLOAD} } }`;

// (Admins group only).
export const ADMIN_PROJECTS = `query AdminProjects($inc: Boolean, $next: String) { adminProjects(includeArchived: $inc, limit: 25, nextToken: $next) { items { memberCount taskCount project { ${PROJECT_FIELDS} } admins { ${MEMBER_FIELDS} } } nextToken } }`;
export const ADMIN_USER_FIELDS = `id email displayName status enabled createdAt lastSignInAt memberships { ${MEMBER_FIELDS} }`;
export const ADMIN_USERS = `query AdminUsers($next: String) { adminUsers(limit: 25, nextToken: $next) { items { ${ADMIN_USER_FIELDS} } nextToken } }`;
export const ADMIN_INVITE = `mutation AdminInvite($email: AWSEmail!, $name: String) { adminInviteUser(email: $email, displayName: $name) { ${ADMIN_USER_FIELDS} } }`;
export const ADMIN_SET_ENABLED = `mutation AdminSetEnabled($id: ID!, $enabled: Boolean!) { adminSetUserEnabled(userId: $id, enabled: $enabled) { ${ADMIN_USER_FIELDS} } }`;
