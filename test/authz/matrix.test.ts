/**
 * The authorisation matrix (who may do what, as a test): every query and mutation of schema.graphql × every
 * kind of caller, through the whole local runtime — real cognito-local tokens, the real Lambda
 * authorizer with real integration tokens, real SigV4 for IAM — each cell checked against EXPECTED,
 * the table written below. The operation list is read from the schema: a new operation without a row
 * fails `every operation of the schema has a row`.
 *
 * Callers (columns of EXPECTED):
 *   Admins   ada, in the Cognito group `Admins`, not a member of the test project
 *   ADMIN    lena, who created the test project (a user this file adds to cognito-local)
 *   MEMBER   max          VIEWER   vera          outsider   otto (no membership in the test project)
 *   READ     a READ token of the test project    RW   a READ_WRITE token of the test project
 *   otherRW  a READ_WRITE token of another project (otto's)
 *   anon     no Authorization header             IAM  SigV4 with Taskwire's functions' local credentials
 * Outcomes: ok (allowed, and the answer is checked to be the real thing), UA (errorType Unauthorized:
 * the role/scope is not enough, or the field does not allow the auth mode — AppSync answers both the
 * same), NF (errorType NotFound: not allowed to know the id exists), 401 (AppSync's HTTP 401
 * UnauthorizedException before any GraphQL runs).
 *
 * Every refused cell must answer `data.<field> = null`, and a refused mutation on an existing entity
 * must leave it as it was (re-read as the project ADMIN before and after).
 *
 * Subscriptions are not here: their authorisation (start refused, filters, removal ending access) is
 * covered by the live tests of the real-time endpoint (packages/appsync-local/test/appsync/realtime/, issue 5).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime.ts';
import { graphqlClient, type Caller, type GqlError } from '../support/graphql.ts';
import { EMAIL, subOf, type Person } from '../support/people.ts';
import { graphql } from '../gql/index.ts';
import type { CreateTaskInput, TokenScope } from '../gql/graphql.ts';
import { AdminCreateUserCommand, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient, ensureUserPool, signIn } from '../../packages/appsync-local/src/services/cognito-local.ts';
import { resolvers as manifestResolvers } from '../../resolvers/manifest.ts';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { createLocalDynamoDbClient } from '../../packages/appsync-local/src/services/dynamodb-local.ts';
import { INDEX, LOCAL_TABLE_NAME } from '../../model/table.ts';
import { projectPk } from '../../model/keys.ts';
import { START_TIMEOUT_MS } from '../support/timeouts.ts';

const rt = useLocalRuntime();
const { http, gql } = graphqlClient(rt);

// ---------------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------------

const WHO = ['admins', 'admin', 'member', 'viewer', 'outsider', 'read', 'rw', 'otherRw', 'anon', 'iam'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | 'UA' | 'NF' | '401';

//                                   Admins ADMIN MEMBER VIEWER outsider READ RW  otherRW anon IAM
const READ = /*                   */ 'ok    ok    ok     ok     NF       ok   ok  NF      401  UA';
const WRITE = /*                  */ 'ok    ok    ok     UA     NF       UA   ok  NF      401  UA';
const ADMINISTER = /*             */ 'ok    ok    UA     UA     NF       UA   UA  UA      401  UA';
const PERSONAL = /*               */ 'ok    ok    ok     ok     ok       UA   UA  UA      401  UA';
const FOLLOW = /*                 */ 'ok    ok    ok     ok     NF       UA   UA  UA      401  UA';
const IAM_ONLY = /*               */ 'UA    UA    UA     UA     UA       UA   UA  UA      401  ok';
// Changing max's own comment or attachment: its author, a project ADMIN or the Admins group; a token
// is never its author.
const AUTHOR = /*                 */ 'ok    ok    ok     UA     NF       UA   UA  NF      401  UA';
// The global Admins' API: the Cognito group Admins only; a project ADMIN is no global Admin.
const GLOBAL_ADMIN = /*           */ 'ok    UA    UA     UA     UA       UA   UA  UA      401  UA';

const EXPECTED: Record<string, string> = {
  'Query.me': PERSONAL,
  'Query.project': READ,
  'Query.myProjects': PERSONAL,
  'Query.projectMembers': READ,
  'Query.task': READ,
  'Query.tasksByStatus': READ,
  // max's tasks: his own, the Admins group's, and a token's (filtered to the token's project: the other
  // project's token gets an empty list, checked below); nobody else's, project ADMIN included.
  'Query.tasksByAssignee': /*     */ 'ok    UA    ok     UA     UA       ok   ok  ok      401  UA',
  'Query.backlog': READ,
  'Query.tasksByStory': READ,
  'Query.sprint': READ,
  'Query.sprintsByProject': READ,
  'Query.story': READ,
  'Query.storiesByProject': READ,
  'Query.commentsByTask': READ,
  'Query.attachmentsByTask': READ,
  'Query.timeEntriesByTask': READ,
  'Query.activityByTask': READ,
  'Query.activityByProject': READ,
  'Query.myNotifications': PERSONAL,
  'Query.sprintReport': READ,
  'Query.projectReport': READ,
  'Query.integrationTokens': ADMINISTER,
  'Query.adminProjects': GLOBAL_ADMIN,
  'Query.adminUsers': GLOBAL_ADMIN,

  'Mutation.createProject': PERSONAL,
  'Mutation.updateProject': ADMINISTER,
  'Mutation.archiveProject': ADMINISTER,
  'Mutation.restoreProject': ADMINISTER,
  'Mutation.addMember': ADMINISTER,
  'Mutation.updateMemberRole': ADMINISTER,
  'Mutation.removeMember': ADMINISTER,
  'Mutation.updateProfile': PERSONAL,
  'Mutation.createIntegrationToken': ADMINISTER,
  'Mutation.revokeIntegrationToken': ADMINISTER,
  'Mutation.createStory': WRITE,
  'Mutation.updateStory': WRITE,
  'Mutation.setAcceptanceCriterion': WRITE,
  'Mutation.deleteStory': WRITE,
  'Mutation.createTask': WRITE,
  'Mutation.updateTask': WRITE,
  'Mutation.moveTask': WRITE,
  'Mutation.assignTask': WRITE,
  // Watching is following, not editing: a VIEWER may; only people (Cognito) watch.
  'Mutation.watchTask': FOLLOW,
  'Mutation.unwatchTask': FOLLOW,
  'Mutation.archiveTask': WRITE,
  'Mutation.restoreTask': WRITE,
  'Mutation.deleteTask': WRITE,
  'Mutation.createSprint': WRITE,
  'Mutation.updateSprint': WRITE,
  'Mutation.startSprint': WRITE,
  'Mutation.completeSprint': WRITE,
  'Mutation.addComment': WRITE,
  'Mutation.updateComment': AUTHOR,
  'Mutation.deleteComment': AUTHOR,
  'Mutation.createAttachmentUpload': WRITE,
  'Mutation.confirmAttachmentUpload': AUTHOR,
  // Minting a download URL only reads.
  'Mutation.attachmentDownloadUrl': READ,
  'Mutation.deleteAttachment': AUTHOR,
  'Mutation.logTime': WRITE,
  'Mutation.markNotificationsRead': PERSONAL,
  'Mutation.publishNotification': IAM_ONLY,
  'Mutation.publishTaskChange': IAM_ONLY,
  'Mutation.publishSprintChange': IAM_ONLY,
  'Mutation.adminInviteUser': GLOBAL_ADMIN,
  'Mutation.adminSetUserEnabled': GLOBAL_ADMIN,
};

/**
 * Operations the schema declares but no resolver implements yet (checked against resolvers/manifest.ts
 * both ways, so this list cannot go stale). Without a resolver AppSync answers null for every caller
 * the auth directives let through, so only the cells decided before any resolver runs (the auth
 * modes: anon, and a mode the field does not allow) can be checked for them; the rest of their row is
 * the expectation for when they land.
 */
const NOT_IMPLEMENTED: Record<string, string> = {};

const CODES: Record<string, Outcome> = { ok: 'ok', UA: 'UA', NF: 'NF', '401': '401' };
function row(spec: string): Record<Who, Outcome> {
  const cells = spec.trim().split(/\s+/);
  if (cells.length !== WHO.length) throw new Error(`row "${spec}" has ${cells.length} cells, not ${WHO.length}`);
  return Object.fromEntries(
    cells.map((c, i) => {
      const outcome = CODES[c];
      if (!outcome) throw new Error(`unknown outcome ${c} in "${spec}"`);
      return [WHO[i], outcome];
    }),
  ) as Record<Who, Outcome>;
}

const SCHEMA = parse(readFileSync(join(import.meta.dirname, '../../schema.graphql'), 'utf8'));

function schemaOperations(): string[] {
  const out: string[] = [];
  for (const def of SCHEMA.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = def as ObjectTypeDefinitionNode;
    if (type.name.value !== 'Query' && type.name.value !== 'Mutation') continue;
    for (const f of type.fields ?? []) out.push(`${type.name.value}.${f.name.value}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------------

const PASSWORD = 'Taskwire-matrix-1';
const LENA = { username: 'lena', email: 'lena@taskwire.test', password: PASSWORD, displayName: 'Lena Lead', groups: [] };
/** The project ADMIN (lena) as a caller: her access token, signed in once the runtime is up. */
const lena = { authorization: '' };

/** The columns that are demo people (people.ts). */
const PERSON = { admins: 'ada', member: 'max', viewer: 'vera', outsider: 'otto' } as const satisfies Partial<Record<Who, Person>>;
/** Each column's caller: the demo people, lena, the integration tokens (made in beforeAll), IAM, nobody. */
const CALLER: Record<Who, Caller> = {
  ...PERSON,
  admin: lena,
  read: { token: '' },
  rw: { token: '' },
  otherRw: { token: '' },
  anon: 'anonymous',
  iam: 'iam',
};

const sub = {} as Record<'admins' | 'admin' | 'member' | 'viewer' | 'outsider', string>;

/** A cell's call: the whole answer and its HTTP status (the anonymous column is AppSync's HTTP 401). */
const call = (who: Who, query: string, variables: Record<string, unknown> = {}) => http(CALLER[who], query, variables);

// ---------------------------------------------------------------------------------------------------
// Shared data (beforeAll) and fresh entities (per cell, for operations that change what they touch)
// ---------------------------------------------------------------------------------------------------

const W = {
  project: '',
  other: '',
  story: '',
  sprint: '',
  task: '',
  backlogTask: '',
  comment: '',
  timeEntry: '',
  attachment: '',
  readTokenId: '',
};

let serial = 0;
const unique = (prefix: string) => `${prefix}${(++serial).toString(36).toUpperCase()}`;

graphql(`fragment MatrixTask on Task { id version status archived sprintId assigneeId watcherIds title }`);

const CREATE_TASK = graphql(`mutation MatrixNewTask($i: CreateTaskInput!) { createTask(input: $i) { id version } }`);
async function newTask(extra: Partial<CreateTaskInput> = {}): Promise<{ id: string; version: number }> {
  const d = await gql(lena, CREATE_TASK, {
    i: { projectId: W.project, title: unique('Matrix task '), ...extra },
  });
  return d.createTask;
}
const readTask = async (id: string) => (await gql(lena, graphql(`query MatrixReadTask($id: ID!) { task(id: $id) { ...MatrixTask } }`), { id })).task!;

const CREATE_STORY = graphql(`mutation MatrixNewStory($i: CreateStoryInput!) { createStory(input: $i) { id version acceptanceCriteria { id } } }`);
async function newStory(): Promise<{ id: string; version: number; criterion: string }> {
  const d = await gql(lena, CREATE_STORY, {
    i: { projectId: W.project, title: unique('Matrix story '), acceptanceCriteria: ['It works'] },
  });
  return { id: d.createStory.id, version: d.createStory.version, criterion: d.createStory.acceptanceCriteria[0]!.id };
}
const readStory = async (id: string) =>
  (await gql(lena, graphql(`query MatrixReadStory($id: ID!) { story(id: $id) { id version title acceptanceCriteria { id done } } }`), { id })).story!;

const CREATE_SPRINT = graphql(`mutation MatrixNewSprint($i: CreateSprintInput!) { createSprint(input: $i) { id version } }`);
async function newSprint(): Promise<{ id: string; version: number }> {
  const d = await gql(lena, CREATE_SPRINT, {
    i: { projectId: W.project, name: unique('Matrix sprint ') },
  });
  return d.createSprint;
}
const readSprint = async (id: string) => (await gql(lena, graphql(`query MatrixReadSprint($id: ID!) { sprint(id: $id) { id version state goal } }`), { id })).sprint!;
const readProject = async () =>
  (await gql(lena, graphql(`query MatrixReadProject($id: ID!) { project(id: $id) { id version name archived activeSprintId } }`), { id: W.project })).project!;
const ARCHIVE_PROJECT = graphql(`mutation MatrixArchiveProject($id: ID!) { archiveProject(id: $id) { id } }`);
const RESTORE_PROJECT = graphql(`mutation MatrixRestoreProject($id: ID!) { restoreProject(id: $id) { id archived } }`);
const START_SPRINT = graphql(`mutation MatrixStartSprint($id: ID!) { startSprint(id: $id) { id } }`);

/** Completes the project's active sprint, if any (to the backlog). */
async function noActiveSprint(): Promise<void> {
  const active = (await readProject()).activeSprintId;
  if (active) await gql(lena, graphql(`mutation MatrixCompleteSprint($i: CompleteSprintInput!) { completeSprint(input: $i) { id } }`), { i: { id: active } });
}

const ADD_COMMENT = graphql(`mutation MatrixNewComment($i: AddCommentInput!) { addComment(input: $i) { id version } }`);
async function newComment(taskId: string): Promise<{ id: string; version: number }> {
  const d = await gql('max', ADD_COMMENT, {
    i: { taskId, body: unique('A note from max ') },
  });
  return d.addComment;
}
const readComments = async (taskId: string) =>
  (await gql(lena, graphql(`query MatrixReadComments($t: ID!) { commentsByTask(taskId: $t, limit: 100) { items { id version body } } }`), { t: taskId }))
    .commentsByTask.items;

/** An attachment of the task: upload requested, the bytes POSTed to the presigned URL, optionally confirmed. */
async function newAttachment(taskId: string, confirm: boolean, by: Who = 'admin'): Promise<string> {
  const bytes = Buffer.from('hello');
  const d = await gql(
    CALLER[by],
    graphql(`mutation MatrixNewAttachment($i: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $i) { attachment { id } url fields } }`),
    { i: { taskId, fileName: 'notes.txt', contentType: 'text/plain', size: bytes.length } },
  );
  const upload = d.createAttachmentUpload;
  const form = new FormData();
  for (const [k, v] of Object.entries(JSON.parse(upload.fields) as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/plain' }), 'notes.txt');
  const posted = await fetch(upload.url, { method: 'POST', body: form });
  if (posted.status >= 300) throw new Error(`upload to the presigned URL failed: ${posted.status} ${await posted.text()}`);
  if (confirm) {
    await gql(CALLER[by], graphql(`mutation MatrixConfirmAttachment($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { id status } }`), {
      t: taskId,
      id: upload.attachment.id,
    });
  }
  return upload.attachment.id;
}
const readAttachments = async (taskId: string) =>
  (await gql(lena, graphql(`query MatrixReadAttachments($t: ID!) { attachmentsByTask(taskId: $t, limit: 100) { items { id status version } } }`), { t: taskId }))
    .attachmentsByTask.items;

const ADD_MEMBER = graphql(`mutation MatrixAddMember($i: AddMemberInput!) { addMember(input: $i) { userId status } }`);
async function newInvitee(who: Who, op: string): Promise<string> {
  const d = await gql(lena, ADD_MEMBER, {
    i: { projectId: W.project, email: `${op}-${who}-${serial++}@invited.taskwire.test`.toLowerCase(), role: 'MEMBER' },
  });
  return d.addMember.userId;
}
const readMembers = async () =>
  (await gql(lena, graphql(`query MatrixReadMembers($p: ID!) { projectMembers(projectId: $p, limit: 100) { items { userId role version } } }`), { p: W.project }))
    .projectMembers.items;

const CREATE_TOKEN = graphql(`mutation MatrixNewToken($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret token { id } } }`);
async function newToken(): Promise<string> {
  const d = await gql(lena, CREATE_TOKEN, { i: { projectId: W.project, name: unique('Matrix bot '), scope: 'READ' } });
  return d.createIntegrationToken.token.id;
}
const readTokens = async () =>
  (await gql(lena, graphql(`query MatrixReadTokens($p: ID!) { integrationTokens(projectId: $p, limit: 100) { items { id revoked version } } }`), { p: W.project }))
    .integrationTokens.items;

// ---------------------------------------------------------------------------------------------------
// One fixture per operation: valid arguments, so that the only reason for a refusal is authorisation
// ---------------------------------------------------------------------------------------------------

interface Cell {
  variables: Record<string, unknown>;
  /** Re-reads what the operation would change (as the project ADMIN): equal before and after a refusal. */
  probe?: () => Promise<unknown>;
  /** Puts shared state back after the cell (e.g. restores the archived project). */
  cleanup?: () => Promise<void>;
}

interface Op {
  query: string;
  cell: (who: Who) => Promise<Cell> | Cell;
  /** What an allowed answer must be (the field's value): throws when it is not the real thing. */
  check?: (value: any, who: Who) => void;
  /** Cells run one after the other (the operation changes project-wide state). */
  serial?: boolean;
}

const fixed = (variables: Record<string, unknown>) => () => ({ variables });
function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
const ids = (conn: { items: { id: string }[] }) => conn.items.map((x) => x.id);
const hasId = (id: () => string) => (v: { items: { id: string }[] }) => assert(ids(v).includes(id()), `expected ${id()} in ${JSON.stringify(ids(v))}`);
const isId = (id: () => string) => (v: { id: string }) => assert(v?.id === id(), `expected id ${id()}, got ${JSON.stringify(v)}`);
const userSub = (who: Who): string | undefined => (who in sub ? sub[who as keyof typeof sub] : undefined);

const OPS: Record<string, Op> = {
  // ---- queries
  'Query.me': {
    query: `{ me { id email } }`,
    cell: fixed({}),
    check: (v, who) => assert(v.id === userSub(who), `me is ${v.id}, not ${who}`),
  },
  'Query.project': { query: `query($id: ID!) { project(id: $id) { id } }`, cell: () => ({ variables: { id: W.project } }), check: isId(() => W.project) },
  'Query.myProjects': {
    query: `{ myProjects { items { id } } }`,
    cell: fixed({}),
    check: (v, who) => {
      const member = who === 'admin' || who === 'member' || who === 'viewer';
      assert(ids(v).includes(W.project) === member, `${who}: myProjects ${JSON.stringify(ids(v))}`);
    },
  },
  'Query.projectMembers': {
    query: `query($p: ID!) { projectMembers(projectId: $p, limit: 100) { items { userId } } }`,
    cell: () => ({ variables: { p: W.project } }),
    check: (v) => assert(v.items.some((m: { userId: string }) => m.userId === sub.viewer), 'vera listed'),
  },
  'Query.task': { query: `query($id: ID!) { task(id: $id) { id } }`, cell: () => ({ variables: { id: W.task } }), check: isId(() => W.task) },
  'Query.tasksByStatus': {
    query: `query($p: ID!, $sp: ID) { tasksByStatus(projectId: $p, status: TODO, sprintId: $sp) { items { id } } }`,
    cell: () => ({ variables: { p: W.project, sp: W.sprint } }),
    check: hasId(() => W.task),
  },
  'Query.tasksByAssignee': {
    query: `query($a: ID!) { tasksByAssignee(assigneeId: $a, limit: 100) { items { id projectId } } }`,
    cell: () => ({ variables: { a: sub.member } }),
    check: (v, who) => {
      if (who === 'otherRw') assert(v.items.length === 0, `another project's token sees ${JSON.stringify(v.items)}`);
      else assert(ids(v).includes(W.task), `${who}: ${JSON.stringify(ids(v))}`);
    },
  },
  'Query.backlog': { query: `query($p: ID!) { backlog(projectId: $p, limit: 100) { items { id } } }`, cell: () => ({ variables: { p: W.project } }), check: hasId(() => W.backlogTask) },
  'Query.tasksByStory': { query: `query($s: ID!) { tasksByStory(storyId: $s) { items { id } } }`, cell: () => ({ variables: { s: W.story } }), check: hasId(() => W.task) },
  'Query.sprint': { query: `query($id: ID!) { sprint(id: $id) { id } }`, cell: () => ({ variables: { id: W.sprint } }), check: isId(() => W.sprint) },
  'Query.sprintsByProject': {
    query: `query($p: ID!) { sprintsByProject(projectId: $p, limit: 100) { items { id } } }`,
    cell: () => ({ variables: { p: W.project } }),
    check: hasId(() => W.sprint),
  },
  'Query.story': { query: `query($id: ID!) { story(id: $id) { id } }`, cell: () => ({ variables: { id: W.story } }), check: isId(() => W.story) },
  'Query.storiesByProject': {
    query: `query($p: ID!) { storiesByProject(projectId: $p, limit: 100) { items { id } } }`,
    cell: () => ({ variables: { p: W.project } }),
    check: hasId(() => W.story),
  },
  'Query.commentsByTask': { query: `query($t: ID!) { commentsByTask(taskId: $t, limit: 100) { items { id } } }`, cell: () => ({ variables: { t: W.task } }), check: hasId(() => W.comment) },
  'Query.attachmentsByTask': {
    query: `query($t: ID!) { attachmentsByTask(taskId: $t, limit: 100) { items { id } } }`,
    cell: () => ({ variables: { t: W.task } }),
    check: hasId(() => W.attachment),
  },
  'Query.timeEntriesByTask': {
    query: `query($t: ID!) { timeEntriesByTask(taskId: $t, limit: 100) { items { id } } }`,
    cell: () => ({ variables: { t: W.task } }),
    check: hasId(() => W.timeEntry),
  },
  'Query.activityByTask': {
    query: `query($t: ID!) { activityByTask(taskId: $t, limit: 100) { items { id taskId action } } }`,
    cell: () => ({ variables: { t: W.task } }),
    check: (v) => assert(v.items.some((a: { action: string }) => a.action === 'CREATED'), 'the CREATED entry'),
  },
  'Query.activityByProject': {
    query: `query($p: ID!) { activityByProject(projectId: $p, limit: 100) { items { id projectId action } } }`,
    cell: () => ({ variables: { p: W.project } }),
    check: (v) => assert(v.items.some((a: { action: string }) => a.action === 'MEMBER_ADDED'), 'a MEMBER_ADDED entry'),
  },
  'Query.myNotifications': { query: `{ myNotifications { items { id userId } } }`, cell: fixed({}), check: (v) => assert(Array.isArray(v.items), 'a list') },
  // The test sprint holds W.task (3 points, max's); other rows may add tasks to it, never remove points.
  'Query.sprintReport': {
    query: `query($s: ID!) { sprintReport(sprintId: $s) { sprint { id } committedPoints statusBreakdown { status tasks } workload { userId } } }`,
    cell: () => ({ variables: { s: W.sprint } }),
    check: (v) =>
      assert(
        v?.sprint?.id === W.sprint && v.committedPoints >= 3 && v.statusBreakdown.length === 4 && v.workload.some((w: { userId: string }) => w.userId === sub.member),
        `report of ${W.sprint}: ${JSON.stringify(v)}`,
      ),
  },
  'Query.projectReport': {
    query: `query($p: ID!) { projectReport(projectId: $p) { projectId statusBreakdown { status tasks } workload { userId } } }`,
    cell: () => ({ variables: { p: W.project } }),
    check: (v) =>
      assert(
        v?.projectId === W.project && v.statusBreakdown.length === 4 && v.workload.some((w: { userId: string }) => w.userId === sub.member),
        `report of ${W.project}: ${JSON.stringify(v)}`,
      ),
  },
  'Query.integrationTokens': {
    query: `query($p: ID!) { integrationTokens(projectId: $p, limit: 100) { items { id } } }`,
    cell: () => ({ variables: { p: W.project } }),
    check: hasId(() => W.readTokenId),
  },

  // ---- projects, members, profile, tokens
  'Mutation.createProject': {
    query: `mutation($i: CreateProjectInput!) { createProject(input: $i) { id key myRole } }`,
    cell: () => ({ variables: { i: { key: unique('NP'), name: 'A new project' } } }),
    check: (v) => assert(v.myRole === 'ADMIN', `creator's role ${v.myRole}`),
  },
  'Mutation.updateProject': {
    query: `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id name } }`,
    serial: true,
    cell: async (who) => {
      const p = await readProject();
      return { variables: { i: { id: W.project, expectedVersion: p.version, name: `Matrix (renamed by ${who})` } }, probe: readProject };
    },
    check: (v, who) => assert(v.name === `Matrix (renamed by ${who})`, v.name),
  },
  'Mutation.archiveProject': {
    query: `mutation($id: ID!) { archiveProject(id: $id) { id archived } }`,
    serial: true,
    cell: () => ({
      variables: { id: W.project },
      probe: readProject,
      cleanup: async () => {
        if ((await readProject()).archived) await gql(lena, RESTORE_PROJECT, { id: W.project });
      },
    }),
    check: (v) => assert(v.archived === true, 'archived'),
  },
  'Mutation.restoreProject': {
    query: `mutation($id: ID!) { restoreProject(id: $id) { id archived } }`,
    serial: true,
    cell: async () => {
      await gql(lena, ARCHIVE_PROJECT, { id: W.project });
      return {
        variables: { id: W.project },
        probe: readProject,
        cleanup: async () => {
          if ((await readProject()).archived) await gql(lena, RESTORE_PROJECT, { id: W.project });
        },
      };
    },
    check: (v) => assert(v.archived === false, 'restored'),
  },
  'Mutation.addMember': {
    serial: true, // the probe reads a project-wide list
    query: `mutation($i: AddMemberInput!) { addMember(input: $i) { userId status role } }`,
    cell: (who) => ({
      variables: { i: { projectId: W.project, email: `added-${who}-${serial++}@invited.taskwire.test`.toLowerCase(), role: 'VIEWER' } },
      probe: readMembers,
    }),
    check: (v) => assert(v.status === 'INVITED' && v.role === 'VIEWER', JSON.stringify(v)),
  },
  'Mutation.updateMemberRole': {
    serial: true, // the probe reads a project-wide list
    query: `mutation($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { userId role } }`,
    cell: async (who) => {
      const userId = await newInvitee(who, 'role');
      return { variables: { i: { projectId: W.project, userId, role: 'VIEWER' } }, probe: readMembers };
    },
    check: (v) => assert(v.role === 'VIEWER', v.role),
  },
  'Mutation.removeMember': {
    serial: true, // the probe reads a project-wide list
    query: `mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u) { userId } }`,
    cell: async (who) => {
      const userId = await newInvitee(who, 'remove');
      return { variables: { p: W.project, u: userId }, probe: readMembers };
    },
    check: (v) => assert(typeof v.userId === 'string', JSON.stringify(v)),
  },
  'Mutation.updateProfile': {
    query: `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id timeZone } }`,
    cell: fixed({ i: { timeZone: 'Europe/Berlin' } }),
    check: (v, who) => assert(v.id === userSub(who) && v.timeZone === 'Europe/Berlin', JSON.stringify(v)),
  },
  'Mutation.createIntegrationToken': {
    serial: true, // the probe reads a project-wide list
    query: `mutation($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret token { id projectId } } }`,
    cell: () => ({ variables: { i: { projectId: W.project, name: unique('Bot '), scope: 'READ' } }, probe: readTokens }),
    check: (v) => assert(v.token.projectId === W.project && v.secret.startsWith('twk_'), JSON.stringify(v.token)),
  },
  'Mutation.revokeIntegrationToken': {
    serial: true, // the probe reads a project-wide list
    query: `mutation($p: ID!, $id: ID!) { revokeIntegrationToken(projectId: $p, id: $id) { id revoked } }`,
    cell: async () => ({ variables: { p: W.project, id: await newToken() }, probe: readTokens }),
    check: (v) => assert(v.revoked === true, 'revoked'),
  },

  // ---- stories
  'Mutation.createStory': {
    query: `mutation($i: CreateStoryInput!) { createStory(input: $i) { id projectId } }`,
    cell: () => ({ variables: { i: { projectId: W.project, title: unique('Story '), acceptanceCriteria: ['Done is done'] } } }),
    check: (v) => assert(v.projectId === W.project, JSON.stringify(v)),
  },
  'Mutation.updateStory': {
    query: `mutation($i: UpdateStoryInput!) { updateStory(input: $i) { id title } }`,
    cell: async () => {
      const s = await newStory();
      return { variables: { i: { id: s.id, expectedVersion: s.version, title: 'Renamed story' } }, probe: () => readStory(s.id) };
    },
    check: (v) => assert(v.title === 'Renamed story', v.title),
  },
  'Mutation.setAcceptanceCriterion': {
    query: `mutation($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { id acceptanceCriteria { id done } } }`,
    cell: async () => {
      const s = await newStory();
      return { variables: { i: { storyId: s.id, criterionId: s.criterion, done: true } }, probe: () => readStory(s.id) };
    },
    check: (v) => assert(v.acceptanceCriteria[0].done === true, 'ticked'),
  },
  'Mutation.deleteStory': {
    query: `mutation($id: ID!) { deleteStory(id: $id) { id } }`,
    cell: async () => {
      const s = await newStory();
      return { variables: { id: s.id }, probe: () => readStory(s.id) };
    },
    check: (v) => assert(typeof v.id === 'string', 'deleted story returned'),
  },

  // ---- tasks
  'Mutation.createTask': {
    query: `mutation($i: CreateTaskInput!) { createTask(input: $i) { id projectId status } }`,
    cell: () => ({ variables: { i: { projectId: W.project, title: unique('New task '), storyId: W.story } } }),
    check: (v) => assert(v.projectId === W.project && v.status === 'TODO', JSON.stringify(v)),
  },
  'Mutation.updateTask': {
    query: `mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id title } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { i: { id: t.id, expectedVersion: t.version, title: 'Edited' } }, probe: () => readTask(t.id) };
    },
    check: (v) => assert(v.title === 'Edited', v.title),
  },
  'Mutation.moveTask': {
    query: `mutation($i: MoveTaskInput!) { moveTask(input: $i) { id status } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { i: { id: t.id, status: 'IN_PROGRESS' } }, probe: () => readTask(t.id) };
    },
    check: (v) => assert(v.status === 'IN_PROGRESS', v.status),
  },
  'Mutation.assignTask': {
    query: `mutation($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { id assigneeId } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { id: t.id, a: sub.member }, probe: () => readTask(t.id) };
    },
    check: (v) => assert(v.assigneeId === sub.member, String(v.assigneeId)),
  },
  'Mutation.watchTask': {
    query: `mutation($id: ID!) { watchTask(id: $id) { id watcherIds } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { id: t.id }, probe: () => readTask(t.id) };
    },
    check: (v, who) => assert(v.watcherIds.includes(userSub(who)), `${who} watches: ${JSON.stringify(v.watcherIds)}`),
  },
  'Mutation.unwatchTask': {
    query: `mutation($id: ID!) { unwatchTask(id: $id) { id watcherIds } }`,
    // The task is assigned to max (so he watches it): for max the call really removes him.
    cell: async () => {
      const t = await newTask({ assigneeId: sub.member });
      return { variables: { id: t.id }, probe: () => readTask(t.id) };
    },
    check: (v, who) => assert(!v.watcherIds.includes(userSub(who)), `${who} still watches: ${JSON.stringify(v.watcherIds)}`),
  },
  'Mutation.archiveTask': {
    query: `mutation($id: ID!) { archiveTask(id: $id) { id archived } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { id: t.id }, probe: () => readTask(t.id) };
    },
    check: (v) => assert(v.archived === true, 'archived'),
  },
  'Mutation.restoreTask': {
    query: `mutation($id: ID!) { restoreTask(id: $id) { id archived } }`,
    cell: async () => {
      const t = await newTask();
      await gql(lena, graphql(`mutation MatrixArchiveTask($id: ID!) { archiveTask(id: $id) { id } }`), { id: t.id });
      return { variables: { id: t.id }, probe: () => readTask(t.id) };
    },
    check: (v) => assert(v.archived === false, 'restored'),
  },
  'Mutation.deleteTask': {
    query: `mutation($id: ID!) { deleteTask(id: $id) { id deletedAt } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { id: t.id }, probe: () => readTask(t.id) };
    },
    check: (v) => assert(!!v.deletedAt, 'deletedAt set'),
  },

  // ---- sprints
  'Mutation.createSprint': {
    query: `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id state } }`,
    cell: () => ({ variables: { i: { projectId: W.project, name: unique('Sprint ') } } }),
    check: (v) => assert(v.state === 'PLANNED', v.state),
  },
  'Mutation.updateSprint': {
    query: `mutation($i: UpdateSprintInput!) { updateSprint(input: $i) { id goal } }`,
    cell: async () => {
      const s = await newSprint();
      return { variables: { i: { id: s.id, expectedVersion: s.version, goal: 'Ship it' } }, probe: () => readSprint(s.id) };
    },
    check: (v) => assert(v.goal === 'Ship it', v.goal),
  },
  'Mutation.startSprint': {
    query: `mutation($id: ID!) { startSprint(id: $id) { id state } }`,
    serial: true,
    cell: async () => {
      await noActiveSprint();
      const s = await newSprint();
      return { variables: { id: s.id }, probe: async () => [await readSprint(s.id), (await readProject()).activeSprintId] };
    },
    check: (v) => assert(v.state === 'ACTIVE', v.state),
  },
  'Mutation.completeSprint': {
    query: `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id state } }`,
    serial: true,
    cell: async () => {
      await noActiveSprint();
      const s = await newSprint();
      await gql(lena, START_SPRINT, { id: s.id });
      return { variables: { i: { id: s.id } }, probe: async () => [await readSprint(s.id), (await readProject()).activeSprintId] };
    },
    check: (v) => assert(v.state === 'COMPLETED', v.state),
  },

  // ---- comments, attachments, time (each cell on a task of its own, so a cell's probe sees only its own call)
  'Mutation.addComment': {
    query: `mutation($i: AddCommentInput!) { addComment(input: $i) { id taskId mentions } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { i: { taskId: t.id, body: 'Looks good, @max' } }, probe: () => readComments(t.id) };
    },
    check: (v) => assert(v.mentions.includes(sub.member), JSON.stringify(v)),
  },
  'Mutation.updateComment': {
    query: `mutation($i: UpdateCommentInput!) { updateComment(input: $i) { id body } }`,
    cell: async () => {
      const t = await newTask();
      const c = await newComment(t.id);
      return { variables: { i: { taskId: t.id, id: c.id, expectedVersion: c.version, body: 'Edited note' } }, probe: () => readComments(t.id) };
    },
    check: (v) => assert(v.body === 'Edited note', v.body),
  },
  'Mutation.deleteComment': {
    query: `mutation($t: ID!, $id: ID!) { deleteComment(taskId: $t, id: $id) { id } }`,
    cell: async () => {
      const t = await newTask();
      const c = await newComment(t.id);
      return { variables: { t: t.id, id: c.id }, probe: () => readComments(t.id) };
    },
    check: (v) => assert(typeof v.id === 'string', JSON.stringify(v)),
  },
  'Mutation.createAttachmentUpload': {
    query: `mutation($i: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $i) { attachment { id status } url } }`,
    cell: async () => {
      const t = await newTask();
      return {
        variables: { i: { taskId: t.id, fileName: 'plan.pdf', contentType: 'application/pdf', size: 2048 } },
        probe: () => readAttachments(t.id),
      };
    },
    check: (v) => assert(v.attachment.status === 'PENDING' && typeof v.url === 'string', JSON.stringify(v)),
  },
  'Mutation.confirmAttachmentUpload': {
    query: `mutation($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { id status } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { t: t.id, id: await newAttachment(t.id, false, 'member') }, probe: () => readAttachments(t.id) };
    },
    check: (v) => assert(v.status === 'READY', v.status),
  },
  'Mutation.attachmentDownloadUrl': {
    query: `mutation($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url expiresAt } }`,
    cell: () => ({ variables: { t: W.task, id: W.attachment } }),
    check: (v) => assert(typeof v.url === 'string' && v.url.length > 0, JSON.stringify(v)),
  },
  'Mutation.deleteAttachment': {
    query: `mutation($t: ID!, $id: ID!) { deleteAttachment(taskId: $t, id: $id) { id } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { t: t.id, id: await newAttachment(t.id, true, 'member') }, probe: () => readAttachments(t.id) };
    },
    check: (v) => assert(typeof v.id === 'string', JSON.stringify(v)),
  },
  'Mutation.logTime': {
    query: `mutation($i: LogTimeInput!) { logTime(input: $i) { id minutes } }`,
    cell: async () => {
      const t = await newTask();
      return { variables: { i: { taskId: t.id, minutes: 15, workDate: '2025-03-04', note: 'review' } }, probe: () => readTask(t.id) };
    },
    check: (v) => assert(v.minutes === 15, JSON.stringify(v)),
  },

  // ---- notifications (personal) and the IAM-only publish mutations
  'Mutation.markNotificationsRead': {
    query: `mutation { markNotificationsRead(all: true) { updated } }`,
    cell: fixed({}),
    check: (v) => assert(typeof v.updated === 'number', JSON.stringify(v)),
  },
  'Mutation.publishNotification': {
    query: `mutation($i: PublishNotificationInput!) { publishNotification(input: $i) { id userId } }`,
    cell: (who) => ({
      variables: {
        i: { id: `01JM${String(WHO.indexOf(who)).padStart(22, '0')}`, userId: sub.member, kind: 'ASSIGNED', projectId: W.project, taskId: W.task, title: `From ${who}` },
      },
    }),
    check: (v) => assert(v.userId === sub.member, JSON.stringify(v)),
  },
  'Mutation.publishTaskChange': {
    query: `mutation($p: ID!, $id: ID!) { publishTaskChange(projectId: $p, id: $id) { id } }`,
    cell: () => ({ variables: { p: W.project, id: W.task } }),
    check: isId(() => W.task),
  },
  'Mutation.publishSprintChange': {
    query: `mutation($p: ID!, $id: ID!) { publishSprintChange(projectId: $p, id: $id) { id } }`,
    cell: () => ({ variables: { p: W.project, id: W.sprint } }),
    check: isId(() => W.sprint),
  },

  // ---- the global Admins' API
  'Query.adminProjects': {
    query: `query { adminProjects(includeArchived: true, limit: 100) { items { project { id } admins { userId } memberCount } } }`,
    cell: fixed({}),
    check: (v) => {
      const mx = v.items.find((i: { project: { id: string } }) => i.project.id === W.project);
      assert(mx && mx.memberCount === 3 && mx.admins[0]?.userId === sub.admin, `the test project in ${JSON.stringify(v.items)}`);
    },
  },
  'Query.adminUsers': {
    query: `query { adminUsers(limit: 60) { items { id email enabled } nextToken } }`,
    cell: fixed({}),
    check: (v) => assert(v.items.length > 0 && v.items.every((u: { id: string; email: string }) => u.id && u.email), JSON.stringify(v.items)),
  },
  'Mutation.adminInviteUser': {
    query: `mutation($e: AWSEmail!) { adminInviteUser(email: $e) { id email status } }`,
    cell: (who) => {
      const email = `invite-${who}-${serial++}@admin.taskwire.test`.toLowerCase();
      // Whether Cognito knows the email: still absent after a refusal.
      return { variables: { e: email }, probe: () => cognitoUser(email).then((u) => u?.UserStatus ?? 'absent') };
    },
    check: (v) => assert(v.status === 'FORCE_CHANGE_PASSWORD' && /^invite-admins-/.test(v.email), JSON.stringify(v)),
  },
  'Mutation.adminSetUserEnabled': {
    query: `mutation($u: ID!) { adminSetUserEnabled(userId: $u, enabled: false) { id enabled } }`,
    cell: async (who) => {
      // A person of their own per cell, so disabling them touches no caller of any other cell.
      const email = `disable-${who}-${serial++}@admin.taskwire.test`.toLowerCase();
      const client = cognitoClient(rt.runtime.urls.cognito);
      try {
        const made = await client.send(new AdminCreateUserCommand({ UserPoolId: rt.runtime.pool.userPoolId, Username: email, UserAttributes: [{ Name: 'email', Value: email }], MessageAction: 'SUPPRESS' }));
        const id = made.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
        return { variables: { u: id }, probe: () => cognitoUser(email).then((u) => u?.Enabled) };
      } finally {
        client.destroy();
      }
    },
    check: (v) => assert(v.enabled === false, JSON.stringify(v)),
  },
};

async function cognitoUser(email: string): Promise<{ UserStatus?: string; Enabled?: boolean } | null> {
  const client = cognitoClient(rt.runtime.urls.cognito);
  try {
    return await client.send(new AdminGetUserCommand({ UserPoolId: rt.runtime.pool.userPoolId, Username: email }));
  } catch (e) {
    if ((e as { name?: string }).name === 'UserNotFoundException') return null;
    throw e;
  } finally {
    client.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------
// Running a cell
// ---------------------------------------------------------------------------------------------------

/** The outcome of one cell, or a description of what was wrong with it (which then fails the row). */
async function runCell(name: string, op: Op, who: Who): Promise<string> {
  const field = name.split('.')[1]!;
  const cell = await op.cell(who);
  const before = cell.probe ? await cell.probe() : undefined;
  try {
    const r = await call(who, op.query, cell.variables);
    if (r.status === 401) {
      return r.errors?.[0]?.errorType === 'UnauthorizedException' ? '401' : `401 with ${JSON.stringify(r.errors)}`;
    }
    if (r.status !== 200) return `HTTP ${r.status}: ${JSON.stringify(r.errors)}`;
    const value = r.data?.[field];
    if (r.errors?.length) {
      const type = r.errors[0]!.errorType;
      const outcome = type === 'Unauthorized' ? 'UA' : type === 'NotFound' ? 'NF' : `${type}: ${r.errors[0]!.message}`;
      if (value !== null && value !== undefined) return `${outcome} but data ${JSON.stringify(value)}`;
      if (cell.probe) {
        const after = await cell.probe();
        if (JSON.stringify(after) !== JSON.stringify(before)) return `${outcome} after a partial write: ${JSON.stringify(before)} → ${JSON.stringify(after)}`;
      }
      return outcome;
    }
    try {
      if (value === null || value === undefined) return 'ok but null';
      op.check?.(value, who);
    } catch (e) {
      return `ok but ${(e as Error).message}`;
    }
    return 'ok';
  } finally {
    await cell.cleanup?.();
  }
}

async function runRow(name: string): Promise<Record<Who, string>> {
  const op = OPS[name]!;
  const out = {} as Record<Who, string>;
  if (op.serial) {
    for (const who of WHO) out[who] = await runCell(name, op, who);
  } else {
    const results = await Promise.all(WHO.map((who) => runCell(name, op, who)));
    WHO.forEach((who, i) => (out[who] = results[i]!));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------------------------------

beforeAll(async () => {
  const { urls, pool } = rt.runtime;
  // A fifth person: the three project roles need three users besides the Admin and the outsider.
  await ensureUserPool({ endpoint: urls.cognito, users: [LENA] });
  lena.authorization = (await signIn(urls.cognito, pool.clientId, LENA.email, LENA.password)).accessToken;
  sub.admin = subOf(lena.authorization);
  for (const [who, person] of Object.entries(PERSON) as [keyof typeof PERSON, Person][]) sub[who] = subOf(await rt.token(EMAIL[person]));

  const CREATE_PROJECT = graphql(`mutation MatrixNewProject($i: CreateProjectInput!) { createProject(input: $i) { id } }`);
  W.project = (await gql(lena, CREATE_PROJECT, { i: { key: 'MX', name: 'Matrix' } })).createProject.id;
  W.other = (await gql('otto', CREATE_PROJECT, { i: { key: 'OTTO', name: "Otto's" } })).createProject.id;
  await gql(lena, ADD_MEMBER, { i: { projectId: W.project, email: EMAIL.max, role: 'MEMBER' } });
  await gql(lena, ADD_MEMBER, { i: { projectId: W.project, email: EMAIL.vera, role: 'VIEWER' } });
  const token = async (asWho: Who, projectId: string, scope: TokenScope) =>
    (await gql(CALLER[asWho], CREATE_TOKEN, { i: { projectId, name: `${scope} bot`, scope } })).createIntegrationToken;
  const read = await token('admin', W.project, 'READ');
  W.readTokenId = read.token.id;
  CALLER.read = { token: read.secret };
  CALLER.rw = { token: (await token('admin', W.project, 'READ_WRITE')).secret };
  CALLER.otherRw = { token: (await token('outsider', W.other, 'READ_WRITE')).secret };

  const story = await newStory();
  W.story = story.id;
  W.sprint = (await newSprint()).id;
  W.task = (await newTask({ storyId: W.story, sprintId: W.sprint, assigneeId: sub.member, estimatePoints: 3 })).id;
  W.backlogTask = (await newTask()).id;
  // otto's project has work too, assigned to nobody in this project: a foreign token must see none of max's.
  await gql('otto', CREATE_TASK, { i: { projectId: W.other, title: "Otto's task" } });
  W.comment = (await newComment(W.task)).id;
  const LOG_TIME = graphql(`mutation MatrixLogTime($i: LogTimeInput!) { logTime(input: $i) { id } }`);
  W.timeEntry = (await gql('max', LOG_TIME, { i: { taskId: W.task, minutes: 30, workDate: '2025-03-03' } })).logTime.id;
  W.attachment = await newAttachment(W.task, true).catch((e: Error) => `(no attachment: ${e.message})`);
}, 120_000);

// ---------------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------------

describe('authorisation matrix', () => {
  it('every operation of the schema has a row and a fixture, and nothing else does', () => {
    const ops = schemaOperations().sort();
    expect(ops.length).toBeGreaterThan(50);
    expect(Object.keys(EXPECTED).sort()).toEqual(ops);
    expect(Object.keys(OPS).sort()).toEqual(ops);
    for (const spec of Object.values(EXPECTED)) row(spec);
  });

  it('lists exactly the operations no resolver implements yet', () => {
    const missing = schemaOperations().filter((op) => !Object.hasOwn(manifestResolvers, op));
    expect(missing.sort()).toEqual(Object.keys(NOT_IMPLEMENTED).sort());
  });

  it('the test project is set up as the columns say', async () => {
    const members = await readMembers();
    const roleOf = (s: string) => members.find((m: { userId: string }) => m.userId === s)?.role ?? null;
    expect([roleOf(sub.admin), roleOf(sub.member), roleOf(sub.viewer), roleOf(sub.outsider), roleOf(sub.admins)]).toEqual([
      'ADMIN',
      'MEMBER',
      'VIEWER',
      null,
      null,
    ]);
    expect(W.attachment).not.toMatch(/^\(no attachment/);
  });

  for (const name of Object.keys(EXPECTED)) {
    it(name, async () => {
      const expected: Record<Who, string> = row(EXPECTED[name]!);
      const actual = await runRow(name);
      if (name in NOT_IMPLEMENTED) {
        // Only the cells the auth modes decide (before any resolver) can hold without a resolver.
        for (const who of WHO) {
          const modeDecided = expected[who] === '401' || (expected[who] === 'UA' && !modeAllows(name, who));
          if (!modeDecided) {
            expected[who] = 'ok but null';
          }
        }
      }
      expect(actual).toEqual(expected);
    });
  }
}, START_TIMEOUT_MS);

describe('ids of another project inside an allowed call', () => {
  // max may write in the test project; everything named below belongs to otto's project. Each call must
  // be refused without touching either project (the authorised project is the one the loaded entity
  // names, never an argument next to it).
  it('are refused as unknown, and change nothing', async () => {
    const oStory = (await gql('otto', CREATE_STORY, { i: { projectId: W.other, title: 'Theirs' } })).createStory.id;
    const oSprint = (await gql('otto', CREATE_SPRINT, { i: { projectId: W.other, name: 'Theirs' } })).createSprint.id;
    const oTask = (await gql('otto', CREATE_TASK, { i: { projectId: W.other, title: 'Theirs' } })).createTask.id;
    const oComment = (await gql('otto', ADD_COMMENT, { i: { taskId: oTask, body: 'Theirs' } })).addComment;
    const mine = await newTask();
    const mySprint = await newSprint();
    const typeOf = async (query: string, variables: Record<string, unknown>) => {
      const r = await call('member', query, variables);
      return r.errors?.[0]?.errorType ?? `allowed: ${JSON.stringify(r.data)}`;
    };
    const before = await readTask(mine.id);
    const refused = {
      boardOfTheirSprint: await typeOf(`query($p: ID!, $s: ID) { tasksByStatus(projectId: $p, status: TODO, sprintId: $s) { items { id } } }`, { p: W.project, s: oSprint }),
      taskInTheirStory: await typeOf(`mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, { i: { projectId: W.project, title: 'x', storyId: oStory } }),
      taskInTheirSprint: await typeOf(`mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, { i: { projectId: W.project, title: 'x', sprintId: oSprint } }),
      taskAssignedToOutsider: await typeOf(`mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, { i: { projectId: W.project, title: 'x', assigneeId: sub.outsider } }),
      moveIntoTheirSprint: await typeOf(`mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }`, { i: { id: mine.id, expectedVersion: mine.version, sprintId: oSprint } }),
      placeNextToTheirTask: await typeOf(`mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }`, { i: { id: mine.id, status: 'TODO', afterId: oTask } }),
      assignToOutsider: await typeOf(`mutation($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { id } }`, { id: mine.id, a: sub.outsider }),
      editTheirCommentViaMyTask: await typeOf(`mutation($i: UpdateCommentInput!) { updateComment(input: $i) { id } }`, { i: { taskId: mine.id, id: oComment.id, expectedVersion: oComment.version, body: 'mine now' } }),
      deleteTheirCommentViaMyTask: await typeOf(`mutation($t: ID!, $id: ID!) { deleteComment(taskId: $t, id: $id) { id } }`, { t: mine.id, id: oComment.id }),
      tasksOfTheirStory: await typeOf(`query($s: ID!) { tasksByStory(storyId: $s) { items { id } } }`, { s: oStory }),
    };
    expect(refused).toEqual({
      boardOfTheirSprint: 'NotFound',
      taskInTheirStory: 'NotFound',
      taskInTheirSprint: 'NotFound',
      taskAssignedToOutsider: 'ValidationError',
      moveIntoTheirSprint: 'NotFound',
      placeNextToTheirTask: 'ValidationError',
      assignToOutsider: 'ValidationError',
      editTheirCommentViaMyTask: 'NotFound',
      deleteTheirCommentViaMyTask: 'NotFound',
      tasksOfTheirStory: 'NotFound',
    });
    await noActiveSprint();
    await gql(lena, START_SPRINT, { id: mySprint.id });
    expect(await typeOf(`mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id } }`, { i: { id: mySprint.id, carryOverTo: oSprint } })).toBe('ValidationError');
    expect((await readSprint(mySprint.id)).state).toBe('ACTIVE');
    await noActiveSprint();
    expect(await readTask(mine.id)).toEqual(before);
    const theirs = await gql('otto', graphql(`query MatrixTheirTask($t: ID!) { commentsByTask(taskId: $t) { items { id body version } } task(id: $t) { version sprintId } }`), { t: oTask });
    expect(theirs.commentsByTask.items).toEqual([{ id: oComment.id, body: 'Theirs', version: oComment.version }]);
    expect(theirs.task).toEqual({ version: 1, sprintId: null });
  });
});

describe('a project id that does not exist', () => {
  // NotFound for everyone, the Admins group included, in the very words a hidden project gets — and
  // nothing is written under it.
  const UNKNOWN = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
  const BY_PROJECT: [string, string, (p: string) => Record<string, unknown>][] = [
    ['project', `query($p: ID!) { project(id: $p) { id } }`, (p) => ({ p })],
    ['projectMembers', `query($p: ID!) { projectMembers(projectId: $p) { items { userId } } }`, (p) => ({ p })],
    ['tasksByStatus', `query($p: ID!) { tasksByStatus(projectId: $p, status: TODO) { items { id } } }`, (p) => ({ p })],
    ['backlog', `query($p: ID!) { backlog(projectId: $p) { items { id } } }`, (p) => ({ p })],
    ['sprintsByProject', `query($p: ID!) { sprintsByProject(projectId: $p) { items { id } } }`, (p) => ({ p })],
    ['storiesByProject', `query($p: ID!) { storiesByProject(projectId: $p) { items { id } } }`, (p) => ({ p })],
    ['activityByProject', `query($p: ID!) { activityByProject(projectId: $p) { items { id } } }`, (p) => ({ p })],
    ['integrationTokens', `query($p: ID!) { integrationTokens(projectId: $p) { items { id } } }`, (p) => ({ p })],
    ['createStory', `mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`, (p) => ({ i: { projectId: p, title: 'Orphan' } })],
    ['createSprint', `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id } }`, (p) => ({ i: { projectId: p, name: 'Orphan' } })],
    ['createTask', `mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, (p) => ({ i: { projectId: p, title: 'Orphan' } })],
    ['addMember', `mutation($i: AddMemberInput!) { addMember(input: $i) { userId } }`, (p) => ({ i: { projectId: p, email: EMAIL.otto, role: 'MEMBER' } })],
    ['archiveProject', `mutation($p: ID!) { archiveProject(id: $p) { id } }`, (p) => ({ p })],
  ];

  it('is NotFound for the Admins group and a project ADMIN alike, worded as for a hidden project', async () => {
    const answer = async (who: Who, query: string, variables: Record<string, unknown>) => {
      const r = await call(who, query, variables);
      return r.errors?.[0] ? `${r.errors[0].errorType}: ${r.errors[0].message}` : `allowed: ${JSON.stringify(r.data)}`;
    };
    const got: Record<string, string[]> = {};
    const want: Record<string, string[]> = {};
    for (const [name, query, vars] of BY_PROJECT) {
      // lena is not in otto's project: how a hidden project answers her is how an unknown one must answer.
      const hidden = await answer('admin', query, vars(W.other));
      got[name] = [await answer('admins', query, vars(UNKNOWN)), await answer('admin', query, vars(UNKNOWN))];
      want[name] = [hidden, hidden];
      expect(hidden).toBe('NotFound: Project not found');
    }
    expect(got).toEqual(want);
    // Nothing was written under the unknown id: no item in its partition (activity, members, tokens), none
    // listed under it (stories, sprints) — read in the table, where the API can no longer look.
    const db = createLocalDynamoDbClient(rt.runtime.urls.dynamodb);
    try {
      const count = async (index: string | undefined, pk: string) =>
        (
          await db.send(
            new QueryCommand({
              TableName: LOCAL_TABLE_NAME,
              IndexName: index,
              KeyConditionExpression: '#pk = :pk',
              ExpressionAttributeNames: { '#pk': index ? INDEX.byParent.pk : 'PK' },
              ExpressionAttributeValues: { ':pk': { S: pk } },
            }),
          )
        ).Count;
      expect([await count(undefined, projectPk(UNKNOWN)), await count(INDEX.byParent.name, projectPk(UNKNOWN))]).toEqual([0, 0]);
      // The same reads find the test project's items (so they would find orphans).
      expect(await count(INDEX.byParent.name, projectPk(W.project))).toBeGreaterThan(0);
    } finally {
      db.destroy();
    }
  });
});

describe('an archived project', () => {
  // Read-only until restored: every mutation on anything in it is refused, for every caller the matrix
  // otherwise lets through, with ConflictError reason PROJECT_ARCHIVED and nothing changed. Allowed:
  // archiving and restoring it, mutations that only read (a download URL), Taskwire's own re-reads
  // (IAM), and mutations about no project.
  const STILL_ALLOWED = new Set([
    'Mutation.archiveProject',
    'Mutation.restoreProject',
    'Mutation.attachmentDownloadUrl',
    'Mutation.publishTaskChange',
    'Mutation.publishSprintChange',
    'Mutation.publishNotification',
    'Mutation.createProject',
    'Mutation.updateProfile',
    'Mutation.markNotificationsRead',
    'Mutation.adminInviteUser',
    'Mutation.adminSetUserEnabled',
  ]);

  it('refuses every other mutation for everyone otherwise allowed, and changes nothing; reads and restoreProject still work', async () => {
    const mutations = Object.keys(EXPECTED).filter((n) => n.startsWith('Mutation.') && !STILL_ALLOWED.has(n));
    expect(mutations.length).toBeGreaterThan(25);
    // Every cell's fixture is made while the project is active (fixtures write), then the project is archived.
    const cells: { name: string; who: Who; cell: Cell }[] = [];
    for (const name of mutations) {
      const allowed = WHO.filter((who) => row(EXPECTED[name]!)[who] === 'ok');
      const made = OPS[name]!.serial ? [] : await Promise.all(allowed.map((who) => OPS[name]!.cell(who)));
      for (const [i, who] of allowed.entries()) cells.push({ name, who, cell: made[i] ?? (await OPS[name]!.cell(who)) });
    }
    await gql(lena, ARCHIVE_PROJECT, { id: W.project });
    try {
      const outcomes = await Promise.all(
        cells.map(async ({ name, who, cell }) => {
          const before = cell.probe ? await cell.probe() : undefined;
          const r = await call(who, OPS[name]!.query, cell.variables);
          const e = r.errors?.[0] as (GqlError & { errorInfo?: { reason?: string } }) | undefined;
          const outcome = e ? `${e.errorType}/${e.errorInfo?.reason ?? e.message}` : `allowed: ${JSON.stringify(r.data)}`;
          const after = cell.probe ? await cell.probe() : undefined;
          if (JSON.stringify(after) !== JSON.stringify(before)) return [`${name} ${who}`, `${outcome} after a write: ${JSON.stringify(before)} → ${JSON.stringify(after)}`];
          if (r.data?.[name.split('.')[1]!] != null) return [`${name} ${who}`, `${outcome} with data`];
          return [`${name} ${who}`, outcome];
        }),
      );
      expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(cells.map(({ name, who }) => [`${name} ${who}`, 'ConflictError/PROJECT_ARCHIVED'])));

      // Reads stay allowed, for members and tokens alike; so does a download URL.
      expect((await gql('vera', graphql(`query MatrixTaskId($id: ID!) { task(id: $id) { id } }`), { id: W.task })).task?.id).toBe(W.task);
      expect((await gql(CALLER.read, graphql(`query MatrixBacklog($p: ID!) { backlog(projectId: $p) { items { id } } }`), { p: W.project })).backlog.items.length).toBeGreaterThan(0);
      const url = await gql('max', graphql(`mutation MatrixDownloadUrl($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url } }`), { t: W.task, id: W.attachment });
      expect(url.attachmentDownloadUrl.url).toBeTruthy();
    } finally {
      await gql(lena, RESTORE_PROJECT, { id: W.project });
    }
    // Restored: writable again.
    const t = await newTask();
    expect((await gql('max', graphql(`mutation MatrixRenameTask($i: UpdateTaskInput!) { updateTask(input: $i) { title } }`), { i: { id: t.id, expectedVersion: t.version, title: 'Back' } })).updateTask.title).toBe('Back');
  }, 300_000);
});

/** Whether the field's auth directives let this caller's mode through (else AppSync refuses before any resolver). */
function modeAllows(name: string, who: Who): boolean {
  const [typeName, fieldName] = name.split('.');
  const type = SCHEMA.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName);
  const modes = (type?.fields?.find((f) => f.name.value === fieldName)?.directives ?? []).map((d) => d.name.value);
  const mode = who === 'iam' ? 'aws_iam' : who === 'anon' ? '' : ['read', 'rw', 'otherRw'].includes(who) ? 'aws_lambda' : 'aws_cognito_user_pools';
  return modes.includes(mode);
}
