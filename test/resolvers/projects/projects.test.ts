/**
 * Profile, projects, members and integration tokens through the real local AppSync (DynamoDB Local,
 * cognito-local tokens, the real Lambda handlers). One project story, step by step, refusals included.
 */
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { projectKey, projectPk } from '../../../model/keys.ts';
import { err, ok, useCoreApp } from './harness.ts';

const core = useCoreApp();

const PROJECT = 'id key name description archived taskCount myRole createdBy version';
const CREATE = `mutation($i: CreateProjectInput!) { createProject(input: $i) { ${PROJECT} } }`;
const GET = `query($id: ID!) { project(id: $id) { ${PROJECT} } }`;
const UPDATE = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { ${PROJECT} } }`;
const MEMBERS = `query($p: ID!) { projectMembers(projectId: $p) { items { userId email role status version } nextToken } }`;
const ADD = `mutation($i: AddMemberInput!) { addMember(input: $i) { projectId userId email role status addedBy version } }`;
const ROLE = `mutation($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { userId role version } }`;
const REMOVE = `mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u) { userId role } }`;
const MINE = `query($a: Boolean) { myProjects(includeArchived: $a) { items { id key archived myRole } nextToken } }`;

async function projectActivity(projectId: string): Promise<Record<string, any>[]> {
  const out = await core.db.client.send(
    new QueryCommand({
      TableName: core.db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
      ExpressionAttributeValues: { ':pk': { S: projectPk(projectId) }, ':a': { S: 'ACTIVITY#' } },
    }),
  );
  return (out.Items ?? []).map((i) => unmarshall(i));
}

/** The stored project item, as DynamoDB holds it. */
async function storedProject(projectId: string): Promise<Record<string, any>> {
  const key = projectKey(projectId);
  const out = await core.db.client.send(
    new GetItemCommand({ TableName: core.db.tableName, Key: { PK: { S: key.PK }, SK: { S: key.SK } }, ConsistentRead: true }),
  );
  return unmarshall(out.Item!);
}

describe('profile', () => {
  it('me creates the profile with defaults once, then returns it', async () => {
    const first = ok(await core.as('carol', '{ me { id timeZone reminderLeadMinutes emailNotifications version createdAt } }')).me;
    expect(first).toMatchObject({ id: core.sub.carol, timeZone: 'UTC', reminderLeadMinutes: 60, emailNotifications: true, version: 1 });
    const again = ok(await core.as('carol', '{ me { version createdAt } }')).me;
    expect(again).toEqual({ version: 1, createdAt: first.createdAt });
  });

  it('takes the email and name Cognito knows, even from an access token that carries neither', async () => {
    const me = ok(await core.as('carol', '{ me { displayName email } }')).me;
    expect(me).toEqual({ displayName: 'Carol Member', email: 'carol@taskwire.test' });
    const viaIdToken = ok(await core.raw(core.idToken.nora, '{ me { displayName email } }')).me;
    expect(viaIdToken).toEqual({ displayName: 'Nora Nobody', email: 'nora@taskwire.test' });
  });

  it('updateProfile validates and bumps the version', async () => {
    const U = `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { timeZone reminderLeadMinutes displayName version } }`;
    expect(err(await core.as('carol', U, { i: { timeZone: 'Not a zone' } }))).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'timeZone' } });
    expect(err(await core.as('carol', U, { i: { reminderLeadMinutes: 20161 } })).errorType).toBe('ValidationError');
    expect(err(await core.as('carol', U, { i: {} })).errorType).toBe('ValidationError');
    const u = ok(await core.as('carol', U, { i: { timeZone: 'Europe/Berlin', reminderLeadMinutes: 0, displayName: '  Carol  ' } })).updateProfile;
    expect(u).toEqual({ timeZone: 'Europe/Berlin', reminderLeadMinutes: 0, displayName: 'Carol', version: 2 });
  });
});

describe('projects and members', () => {
  let projectId = '';

  it('createProject makes the creator ADMIN, claims the key, records activity', async () => {
    const p = ok(await core.as('alice', CREATE, { i: { key: 'tw', name: ' Taskwire ', description: 'The tracker' } })).createProject;
    expect(p).toMatchObject({ key: 'TW', name: 'Taskwire', archived: false, taskCount: 0, myRole: 'ADMIN', createdBy: core.sub.alice, version: 1 });
    projectId = p.id;
    expect(ok(await core.as('alice', GET, { id: projectId })).project).toEqual(p);
    const members = ok(await core.as('alice', MEMBERS, { p: projectId })).projectMembers.items;
    expect(members).toEqual([expect.objectContaining({ userId: core.sub.alice, role: 'ADMIN', status: 'ACTIVE', version: 1 })]);
    // AppSync writes ddb.operations.increment as SET #a = #a + :v, which fails on an item without the
    // attribute (docs/conformance.md): every counter a later write increments exists from the start.
    expect(await storedProject(projectId)).toMatchObject({ taskCount: 0, adminCount: 1, version: 1 });
    const activity = await projectActivity(projectId);
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ action: 'CREATED', entityType: 'PROJECT', actorId: core.sub.alice, entity: 'Activity' });
  });

  it('refuses a taken key and a malformed key, writing nothing', async () => {
    const taken = err(await core.as('carol', CREATE, { i: { key: 'TW', name: 'Other' } }));
    expect(taken).toMatchObject({ errorType: 'ConflictError', errorInfo: { reason: 'KEY_TAKEN', key: 'TW' } });
    for (const key of ['T', '1TW', 'T-W', 'ABCDEFGHIJK']) {
      expect(err(await core.as('carol', CREATE, { i: { key, name: 'X' } })).errorType).toBe('ValidationError');
    }
    expect(err(await core.as('carol', CREATE, { i: { key: 'OK', name: 'x'.repeat(201) } })).errorType).toBe('ValidationError');
    expect(ok(await core.as('carol', MINE, {})).myProjects.items).toEqual([]);
  });

  it('a non-member gets NotFound, exactly as for an unknown id; a global Admin sees it without a role', async () => {
    const hidden = err(await core.as('nora', GET, { id: projectId }));
    const unknown = err(await core.as('nora', GET, { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }));
    expect(hidden).toMatchObject({ errorType: 'NotFound' });
    expect(unknown.message).toBe(hidden.message);
    expect(err(await core.as('nora', MEMBERS, { p: projectId })).errorType).toBe('NotFound');
    expect(ok(await core.as('root', GET, { id: projectId })).project.myRole).toBeNull();
  });

  it('addMember finds existing people, invites unknown emails, and is idempotent for the same role', async () => {
    const bob = ok(await core.as('alice', ADD, { i: { projectId, email: 'BOB@taskwire.test', role: 'VIEWER' } })).addMember;
    expect(bob).toMatchObject({ userId: core.sub.bob, email: 'bob@taskwire.test', role: 'VIEWER', status: 'ACTIVE', addedBy: core.sub.alice, version: 1 });
    const again = ok(await core.as('alice', ADD, { i: { projectId, email: 'bob@taskwire.test', role: 'VIEWER' } })).addMember;
    expect(again).toEqual(bob);
    const otherRole = err(await core.as('alice', ADD, { i: { projectId, email: 'bob@taskwire.test', role: 'MEMBER' } }));
    expect(otherRole).toMatchObject({ errorType: 'ConflictError', errorInfo: { reason: 'ALREADY_MEMBER', role: 'VIEWER' } });

    const invited = ok(await core.as('alice', ADD, { i: { projectId, email: 'newcomer@taskwire.test', role: 'MEMBER' } })).addMember;
    expect(invited).toMatchObject({ email: 'newcomer@taskwire.test', role: 'MEMBER', status: 'INVITED' });
    const carol = ok(await core.as('alice', ADD, { i: { projectId, email: 'carol@taskwire.test', role: 'MEMBER' } })).addMember;
    expect(carol.status).toBe('ACTIVE');

    const members = ok(await core.as('bob', MEMBERS, { p: projectId })).projectMembers.items;
    expect(members).toHaveLength(4);
    const added = (await projectActivity(projectId)).filter((a) => a.action === 'MEMBER_ADDED');
    expect(added).toHaveLength(3);
  });

  it('VIEWER reads but cannot write; MEMBER cannot administer', async () => {
    expect(ok(await core.as('bob', GET, { id: projectId })).project.myRole).toBe('VIEWER');
    expect(err(await core.as('bob', UPDATE, { i: { id: projectId, expectedVersion: 1, name: 'Mine' } })).errorType).toBe('Unauthorized');
    expect(err(await core.as('carol', UPDATE, { i: { id: projectId, expectedVersion: 1, name: 'Mine' } })).errorType).toBe('Unauthorized');
    expect(err(await core.as('carol', ADD, { i: { projectId, email: 'nora@taskwire.test', role: 'ADMIN' } })).errorType).toBe('Unauthorized');
    expect(err(await core.as('nora', UPDATE, { i: { id: projectId, expectedVersion: 1, name: 'Mine' } })).errorType).toBe('NotFound');
  });

  it('updateProject checks expectedVersion and records before → after', async () => {
    const u = ok(await core.as('alice', UPDATE, { i: { id: projectId, expectedVersion: 1, name: 'Taskwire 2' } })).updateProject;
    expect(u).toMatchObject({ name: 'Taskwire 2', version: 2, myRole: 'ADMIN', description: 'The tracker' });
    const stale = err(await core.as('alice', UPDATE, { i: { id: projectId, expectedVersion: 1, name: 'Lost update' } }));
    expect(stale).toMatchObject({ errorType: 'ConflictError', errorInfo: { currentVersion: 2 } });
    expect(ok(await core.as('alice', GET, { id: projectId })).project.name).toBe('Taskwire 2');
    const updated = (await projectActivity(projectId)).filter((a) => a.action === 'UPDATED');
    expect(updated).toHaveLength(1);
    expect(updated[0]!.changes).toEqual([{ field: 'name', before: '"Taskwire"', after: '"Taskwire 2"' }]);
    // a global Admin may administer without being a member
    const byRoot = ok(await core.as('root', UPDATE, { i: { id: projectId, expectedVersion: 2, description: '' } })).updateProject;
    expect(byRoot).toMatchObject({ description: null, version: 3, myRole: null });
  });

  it('concurrent updates with one expectedVersion: exactly one wins, the rest get ConflictError, one activity entry', async () => {
    const current = ok(await core.as('alice', GET, { id: projectId })).project.version;
    const before = (await projectActivity(projectId)).length;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => core.as('alice', UPDATE, { i: { id: projectId, expectedVersion: current, name: `Race ${n}` } })),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) {
      expect(err(r)).toMatchObject({ errorType: 'ConflictError', errorInfo: { currentVersion: current + 1 } });
    }
    expect(ok(await core.as('alice', GET, { id: projectId })).project).toMatchObject({ version: current + 1, name: winners[0]!.data!.updateProject.name });
    expect((await projectActivity(projectId)).length).toBe(before + 1);
  });

  it('never demotes or removes the last ADMIN', async () => {
    const demote = err(await core.as('alice', ROLE, { i: { projectId, userId: core.sub.alice, role: 'MEMBER' } }));
    expect(demote).toMatchObject({ errorType: 'ConflictError', errorInfo: { reason: 'LAST_ADMIN' } });
    expect(err(await core.as('alice', REMOVE, { p: projectId, u: core.sub.alice })).errorInfo.reason).toBe('LAST_ADMIN');

    const promoted = ok(await core.as('alice', ROLE, { i: { projectId, userId: core.sub.carol, role: 'ADMIN' } })).updateMemberRole;
    expect(promoted).toMatchObject({ role: 'ADMIN', version: 2 });
    expect(ok(await core.as('carol', ROLE, { i: { projectId, userId: core.sub.alice, role: 'MEMBER' } })).updateMemberRole.role).toBe('MEMBER');
    expect(err(await core.as('carol', REMOVE, { p: projectId, u: core.sub.carol })).errorInfo.reason).toBe('LAST_ADMIN');
    expect(err(await core.as('carol', ROLE, { i: { projectId, userId: 'no-such-user', role: 'MEMBER' } })).errorType).toBe('NotFound');
    // back to alice as ADMIN for the rest of the story
    ok(await core.as('carol', ROLE, { i: { projectId, userId: core.sub.alice, role: 'ADMIN' } }));
    // adminCount moved with every change through SET arithmetic: two ADMINs now.
    expect((await storedProject(projectId)).adminCount).toBe(2);
  });

  it('removeMember ends access at once', async () => {
    const removed = ok(await core.as('alice', REMOVE, { p: projectId, u: core.sub.bob })).removeMember;
    expect(removed).toEqual({ userId: core.sub.bob, role: 'VIEWER' });
    expect(err(await core.as('bob', GET, { id: projectId })).errorType).toBe('NotFound');
    expect(err(await core.as('alice', REMOVE, { p: projectId, u: core.sub.bob })).errorType).toBe('NotFound');
    expect((await projectActivity(projectId)).filter((a) => a.action === 'MEMBER_REMOVED')).toHaveLength(1);
  });

  it('myProjects lists memberships with roles and hides archived projects unless asked', async () => {
    const second = ok(await core.as('carol', CREATE, { i: { key: 'OPS', name: 'Operations' } })).createProject;
    const mine = ok(await core.as('carol', MINE, {})).myProjects.items;
    expect(mine.map((p: any) => [p.key, p.myRole]).sort()).toEqual([['OPS', 'ADMIN'], ['TW', 'ADMIN']]);

    const A = `mutation($id: ID!) { archiveProject(id: $id) { archived version } }`;
    const R = `mutation($id: ID!) { restoreProject(id: $id) { archived version } }`;
    expect(err(await core.as('bob', A, { id: second.id })).errorType).toBe('NotFound');
    expect(ok(await core.as('carol', A, { id: second.id })).archiveProject).toEqual({ archived: true, version: 2 });
    expect(ok(await core.as('carol', A, { id: second.id })).archiveProject).toEqual({ archived: true, version: 2 });
    expect(ok(await core.as('carol', MINE, {})).myProjects.items.map((p: any) => p.key)).toEqual(['TW']);
    expect(ok(await core.as('carol', MINE, { a: true })).myProjects.items).toHaveLength(2);
    expect(ok(await core.as('carol', R, { id: second.id })).restoreProject).toEqual({ archived: false, version: 3 });
    const actions = (await projectActivity(second.id)).map((a) => a.action);
    expect(actions).toEqual(['CREATED', 'ARCHIVED', 'RESTORED']);
  });

  it('bounds list limits', async () => {
    const r = err(await core.as('alice', `query($p: ID!) { projectMembers(projectId: $p, limit: 101) { nextToken } }`, { p: projectId }));
    expect(r).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'limit' } });
    const page = ok(await core.as('alice', `query($p: ID!) { projectMembers(projectId: $p, limit: 1) { items { userId } nextToken } }`, { p: projectId }));
    expect(page.projectMembers.items).toHaveLength(1);
    expect(page.projectMembers.nextToken).toBeTruthy();
  });
});
