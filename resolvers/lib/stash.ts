/**
 * What the steps of a pipeline hand each other: AppSync's `ctx.stash`, one type for every resolver and
 * step (`Context<Args, Stash>`), so the contract between steps is read here and checked by tsc.
 *
 * Every field is declared as present: a step reads a field only when a step before it in the
 * pipeline (resolvers/manifest.*.ts orders them), or the resolver's own request, has set it. Fields
 * that are legitimately empty say so (`| null`); a shared step that runs in pipelines which may not
 * have set a field (steps/authorize.ts and the loaded items) reads it as possibly absent. Items are the table's items as stored (lib/task.ts,
 * lib/story.ts, lib/sprint.ts, below), not GraphQL shapes.
 */
import type { SprintStateKey, TaskStatusKey } from '../../model/keys.ts';
import type { FoundPerson } from '../../functions/members/contract.ts';
import type { GeneratedToken } from '../../functions/tokens/contract.ts';
import type { IntegrationToken, Membership, Notification, Project, Role, TokenScope } from '../../types/graphql.ts';
import type { Actor, Need } from './actor.ts';
import type { Page } from './page.ts';
import type { SprintItem } from './sprint.ts';
import type { StoryItem } from './story.ts';
import type { TaskItem } from './task.ts';
import type { Person, SignedInUser } from './user.ts';

/** The project item (the GraphQL Project's fields, and the counters the API does not show). */
export type ProjectItem = Project & { adminCount?: number };

/** A comment item as loadComment reads it. */
export interface CommentItem {
  id: string;
  taskId: string;
  projectId: string;
  authorId: string;
  body: string;
  mentions: string[];
  version: number;
}

/** An attachment item as loadAttachment reads it. */
export interface AttachmentItem {
  id: string;
  taskId: string;
  projectId: string;
  fileName: string;
  contentType: string;
  size: number;
  status: string;
  uploadedBy: string;
  version: number;
}

/** The presigned POST the `attachments` function answers createAttachmentUpload with. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

export interface Stash {
  // ---- what the operation touches (set by the resolver's request from its arguments, or by a load step)
  projectId: string;
  taskId: string;
  storyId: string | null;
  sprintId: string | null;
  commentId: string;
  attachmentId: string;
  tokenId: string;
  /** The member an operation is about (addMember: the person found; updateMemberRole, removeMember: the argument). */
  memberUserId: string;
  assigneeId: string | null;
  /** tasksByAssignee: whose tasks are listed. */
  personId: string;
  /** publishTaskChange / publishSprintChange: the project the caller says the change belongs to. */
  publishProjectId: string;

  // ---- access (read by steps/authorize.ts; `actor` is its answer)
  need: Need;
  /** Also read a global Admin's membership (so `myRole` can be shown). */
  needRole: boolean;
  /** What to call a hidden or unknown thing in NotFound (default 'Project'). */
  what: string;
  /** A Mutation allowed on an archived project (archive/restore, mutations that only read). */
  whileArchived: boolean;
  actor: Actor;
  /** authorize's own note from its request to its response: 'project', 'membership' or both. */
  authRead: string;
  /** loadComment / loadAttachment: only the author / uploader or a project ADMIN may go on. */
  authorOnly: boolean;
  uploaderOnly: boolean;
  /** tasksByAssignee: the caller's sub when they list their own tasks (then only projects they are in), else null. */
  memberOf: string | null;
  /** tasksByAssignee: an integration token's project (its list is filtered to it), else null. */
  tokenProjectId: string | null;

  // ---- loaded items (load steps)
  project: ProjectItem;
  task: TaskItem;
  story: StoryItem;
  sprint: SprintItem;
  comment: CommentItem;
  attachment: AttachmentItem;
  membership: Membership | null;
  token: IntegrationToken;
  /** The signed-in person (steps/profileGet.ts). */
  user: SignedInUser;
  /** What Cognito knows of them when they have no profile yet (steps/profileLookup.ts). */
  person: Person | null;
  /** The profile being signed in (steps/profileSignIn.ts). */
  profile: Record<string, unknown>;
  lastSignInAt: string;

  // ---- validated input
  /** The validated fields a create or update writes. */
  fields: Record<string, unknown>;
  /** tasksByStatus, moveTask: the column. */
  status: TaskStatusKey;
  /** tasksByAssignee: only tasks in this status, or all. */
  statusPrefix: TaskStatusKey | null;
  state: SprintStateKey | null;
  afterId: string | null;
  beforeId: string | null;
  targetId: string | null;
  role: Role;
  scope: TokenScope;
  name: string;
  email: string;
  body: string;
  minutes: number;
  note: string | null;
  fileName: string;
  contentType: string;
  size: number;
  ids: string[] | null;
  limit: number;
  /** archiveProject / restoreProject: the flag steps/setProjectArchived.ts writes. */
  archive: boolean;
  now: string;

  // ---- what one step works out for the next
  /** addMember: the person the `members` function found or invited. */
  found: FoundPerson;
  /** createIntegrationToken: the token the `tokens` function generated. */
  generated: GeneratedToken;
  /** createAttachmentUpload: the presigned POST. */
  upload: PresignedUpload;
  /** addComment / updateComment: the user ids the body @mentions. */
  mentions: string[];
  /** moveTask: the neighbours the card goes between, and its new rank. */
  above: TaskItem | null;
  below: TaskItem | null;
  rank: string;
  /** createTask: the project's key text and the task's number. */
  projectKeyText: string;
  number: number;
  /** createProject: the key claimed. */
  key: string;
  /** completeSprint. */
  target: SprintItem | null;
  resume: boolean;
  inline: boolean;
  unfinished: TaskItem[];
  points: { committedPoints: number; completedPoints: number };
  /** myProjects, markNotificationsRead, tasksByAssignee: the table name a BatchGetItem answers under. */
  table: string;
  memberships: Membership[];
  nextToken: string | null;
  page: Page<{ projectId: string }>;
  unread: Notification[];
  /** Transaction indexes: which item of a TransactWriteItems a cancellation reason belongs to. */
  assigneeIndex: number;
  storyIndex: number;
  extraIndex: number;
  firstTaskIndex: number;

  // ---- what a write stored, for its response (and later steps)
  taskAfter: TaskItem;
  storyAfter: StoryItem;
  sprintAfter: SprintItem;
  commentAfter: CommentItem;
  attachmentAfter: AttachmentItem;
  /** The task as deleteTask removed it, with deletedAt. */
  deleted: TaskItem;
  /** The item a create step wrote (its response answers it as it is). */
  created: unknown;
  /** A write's answer, when it is not the item itself (e.g. a project with the caller's role). */
  result: unknown;
}
