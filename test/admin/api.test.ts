/**
 * The global Admins' API through the whole local runtime (DynamoDB Local, cognito-local with its
 * admin additions, the real `admin` Lambda in-process, the app over TLS), with the demo users' real
 * tokens: ada is in the Cognito group Admins; max, vera and otto are not.
 *
 * The steps depend on each other (projects and people built up, then a person disabled and enabled),
 * so they run as ordered `it`s over one runtime.
 */
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { handler as workers } from '../../functions/workers/handler.ts';
import { cognitoClient, signIn } from '../../packages/appsync-local/src/services/cognito-local.ts';
import { createLocalDynamoDbClient } from '../../packages/appsync-local/src/services/dynamodb-local.ts';
import { ENTITY, membershipIndexKeys, membershipKey, projectKey } from '../../model/keys.ts';
import { LOCAL_TABLE_NAME } from '../../model/table.ts';
import { useLocalRuntime } from '../support/runtime.ts';
import { graphqlClient } from '../support/graphql.ts';
import { EMAIL, PASSWORD, subOf, type Person } from '../support/people.ts';

const rt = useLocalRuntime();
const { raw, gql, refusal } = graphqlClient(rt);

const sub = {} as Record<Person, string>;

const PROJECTS = `query($a: Boolean, $l: Int, $n: String) { adminProjects(includeArchived: $a, limit: $l, nextToken: $n) {
  items { project { id key name archived taskCount myRole } admins { userId email role } memberCount taskCount } nextToken } }`;
const USER_FIELDS = 'id email displayName status enabled createdAt lastSignInAt groups memberships { projectId userId role status }';
const USERS = `query($l: Int, $n: String) { adminUsers(limit: $l, nextToken: $n) { items { ${USER_FIELDS} } nextToken } }`;
const INVITE = `mutation($e: AWSEmail!, $d: String) { adminInviteUser(email: $e, displayName: $d) { ${USER_FIELDS} } }`;
const SET_ENABLED = `mutation($u: ID!, $e: Boolean!) { adminSetUserEnabled(userId: $u, enabled: $e) { ${USER_FIELDS} } }`;

/** Every page of a list, with the page sizes seen. */
async function allPages(query: string, field: string, vars: Record<string, unknown>): Promise<{ items: any[]; pages: number[] }> {
  const items: any[] = [];
  const pages: number[] = [];
  let next: string | null = null;
  do {
    const page: { items: any[]; nextToken: string | null } = (await gql('ada', query, { ...vars, n: next }))[field];
    items.push(...page.items);
    pages.push(page.items.length);
    next = page.nextToken;
    expect(pages.length).toBeLessThan(50);
  } while (next);
  return { items, pages };
}

const project: Record<string, string> = {};

async function createProject(name: string, key: string): Promise<string> {
  const p = (await gql('max', 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', { i: { key, name } })).createProject;
  project[name] = p.id;
  return p.id;
}

describe('the global Admins API', () => {
  const ddb = { client: null as ReturnType<typeof createLocalDynamoDbClient> | null };
  afterAll(() => ddb.client?.destroy());

  it('knows everyone', async () => {
    for (const p of Object.keys(EMAIL) as Person[]) sub[p] = subOf(await rt.token(EMAIL[p]));
  });

  it('lists every project without a scan, a page at a time, with admins and size', async () => {
    await createProject('Alpha', 'ALP');
    await createProject('Beta', 'BET');
    await createProject('Gamma', 'GAM');
    await createProject('Delta', 'DEL');
    await createProject('Old', 'OLD');
    // Alpha: vera (VIEWER), otto (ADMIN) added; three tasks created and one deleted.
    await gql('max', 'mutation($i: AddMemberInput!) { addMember(input: $i) { userId } }', { i: { projectId: project.Alpha, email: EMAIL.vera, role: 'VIEWER' } });
    await gql('max', 'mutation($i: AddMemberInput!) { addMember(input: $i) { userId } }', { i: { projectId: project.Alpha, email: EMAIL.otto, role: 'ADMIN' } });
    const tasks: string[] = [];
    for (const title of ['one', 'two', 'three']) {
      tasks.push((await gql('max', 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: { projectId: project.Alpha, title } })).createTask.id);
    }
    await gql('max', 'mutation($id: ID!) { deleteTask(id: $id) { id } }', { id: tasks[0] });
    await gql('max', 'mutation($id: ID!) { archiveProject(id: $id) { id archived } }', { id: project.Old });

    const active = await allPages(PROJECTS, 'adminProjects', { l: 2 });
    expect(active.pages).toEqual([2, 2]);
    expect(active.items.map((i) => i.project.name)).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta']);
    const alpha = active.items[0];
    expect(alpha.memberCount).toBe(3);
    expect(alpha.taskCount).toBe(2);
    expect(alpha.project.taskCount).toBe(3); // numbers ever taken, as before
    expect(alpha.project.myRole).toBeNull();
    expect(alpha.admins.map((a: any) => a.userId).sort()).toEqual([sub.max, sub.otto].sort());
    expect(alpha.admins.every((a: any) => a.role === 'ADMIN')).toBe(true);
    const beta = active.items[1];
    expect([beta.memberCount, beta.taskCount, beta.admins.map((a: any) => a.email)]).toEqual([1, 0, [EMAIL.max]]);

    const all = await allPages(PROJECTS, 'adminProjects', { a: true, l: 3 });
    expect(all.pages).toEqual([3, 2]);
    expect(all.items.map((i) => [i.project.name, i.project.archived])).toEqual([
      ['Alpha', false],
      ['Beta', false],
      ['Gamma', false],
      ['Delta', false],
      ['Old', true],
    ]);

    // Restoring moves it back among the active ones.
    await gql('max', 'mutation($id: ID!) { restoreProject(id: $id) { id } }', { id: project.Old });
    const restored = await allPages(PROJECTS, 'adminProjects', { l: 100 });
    expect(restored.items.map((i) => i.project.name)).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta', 'Old']);
  });

  it('a bad nextToken or limit is a clear ValidationError', async () => {
    const bad = await refusal('ada', PROJECTS, { n: 'not-a-token' });
    expect(bad.errorType).toBe('ValidationError');
    expect(bad.message).toMatch(/nextToken/);
    expect((await refusal('ada', PROJECTS, { l: 0 })).errorType).toBe('ValidationError');
    expect((await refusal('ada', USERS, { l: 61 })).errorType).toBe('ValidationError');
    expect((await refusal('ada', USERS, { n: 'forged' })).errorType).toBe('ValidationError');
  });

  it('projects made before the directory are listed after the one-time backfill (workers indexProjects)', async () => {
    ddb.client = createLocalDynamoDbClient(rt.runtime.urls.dynamodb);
    const id = '01JOLDPR0JECT000000000000X';
    const t = '2025-01-01T00:00:00.000Z';
    await ddb.client.send(
      new PutItemCommand({
        TableName: LOCAL_TABLE_NAME,
        Item: marshall({ ...projectKey(id), entity: ENTITY.project, id, key: 'LEG', name: 'Legacy', description: null, archived: false, archivedAt: null, activeSprintId: null, taskCount: 0, adminCount: 1, createdBy: sub.vera, createdAt: t, updatedAt: t, version: 1 }),
      }),
    );
    await ddb.client.send(
      new PutItemCommand({
        TableName: LOCAL_TABLE_NAME,
        Item: marshall({ ...membershipKey(id, sub.vera), ...membershipIndexKeys(sub.vera, id), entity: ENTITY.membership, projectId: id, userId: sub.vera, email: EMAIL.vera, displayName: 'Vera', role: 'ADMIN', status: 'ACTIVE', addedBy: sub.vera, createdAt: t, updatedAt: t, version: 1 }),
      }),
    );
    const before = await allPages(PROJECTS, 'adminProjects', { a: true, l: 100 });
    expect(before.items.map((i) => i.project.name)).not.toContain('Legacy');

    const first = await rt.runtime.lambdas.runAs('workers', () => workers({ operation: 'indexProjects' }));
    expect(first).toMatchObject({ done: true, projects: 6, indexed: 6, skipped: 0 });
    const again = await rt.runtime.lambdas.runAs('workers', () => workers({ operation: 'indexProjects' }));
    expect(again).toMatchObject({ done: true, projects: 6 });

    const after = await allPages(PROJECTS, 'adminProjects', { a: true, l: 100 });
    expect(after.items.map((i) => i.project.name)).toEqual(['Legacy', 'Alpha', 'Beta', 'Gamma', 'Delta', 'Old']);
    expect(after.items[0]).toMatchObject({ memberCount: 1, taskCount: 0, admins: [{ userId: sub.vera }] });
  });

  it('lists every person a page at a time, with memberships, groups and last sign-in', async () => {
    // vera opens Taskwire (me): her sign-in is recorded; otto never called me with his token.
    const veraToken = await rt.token(EMAIL.vera);
    await gql({ authorization: veraToken }, '{ me { id } }');
    const authTime = (JSON.parse(Buffer.from(veraToken.split('.')[1]!, 'base64url').toString('utf8')) as { auth_time: number }).auth_time;

    const { items, pages } = await allPages(USERS, 'adminUsers', { l: 3 });
    expect(pages).toEqual([3, 1]);
    expect(items.map((u) => u.email).sort()).toEqual(Object.values(EMAIL).sort());
    const byEmail = Object.fromEntries(items.map((u) => [u.email, u]));
    expect(byEmail[EMAIL.ada]).toMatchObject({ id: sub.ada, groups: ['Admins'], status: 'CONFIRMED', enabled: true, memberships: [] });
    expect(byEmail[EMAIL.max].groups).toEqual([]);
    expect(byEmail[EMAIL.max].memberships).toHaveLength(5);
    expect(Date.parse(byEmail[EMAIL.vera].lastSignInAt)).toBe(authTime * 1000);
    expect(byEmail[EMAIL.otto].lastSignInAt).toBeNull();
    expect(byEmail[EMAIL.vera].memberships.map((m: any) => [m.projectId, m.role]).sort()).toEqual(
      [
        [project.Alpha, 'VIEWER'],
        ['01JOLDPR0JECT000000000000X', 'ADMIN'],
      ].sort(),
    );
    expect(byEmail[EMAIL.otto].memberships).toEqual([{ projectId: project.Alpha, userId: sub.otto, role: 'ADMIN', status: 'ACTIVE' }]);
    expect(Date.parse(byEmail[EMAIL.otto].createdAt)).toBeGreaterThan(0);

    // A later `me` with the same sign-in leaves it; nothing moves it back.
    await gql({ authorization: veraToken }, '{ me { id } }');
    const again = (await allPages(USERS, 'adminUsers', { l: 60 })).items.find((u) => u.id === sub.vera);
    expect(Date.parse(again.lastSignInAt)).toBe(authTime * 1000);
  });

  it('invites a person, who then appears in the list; inviting the same email again answers the same person', async () => {
    const invited = (await gql('ada', INVITE, { e: 'New.Person@Example.com', d: 'New Person' })).adminInviteUser;
    expect(invited).toMatchObject({ email: 'new.person@example.com', displayName: 'New Person', status: 'FORCE_CHANGE_PASSWORD', enabled: true, memberships: [], groups: [], lastSignInAt: null });
    const again = (await gql('ada', INVITE, { e: 'new.person@example.com' })).adminInviteUser;
    expect(again.id).toBe(invited.id);
    const existing = (await gql('ada', INVITE, { e: EMAIL.max })).adminInviteUser;
    expect(existing).toMatchObject({ id: sub.max, status: 'CONFIRMED' });
    const { items } = await allPages(USERS, 'adminUsers', { l: 2 });
    expect(items).toHaveLength(5);
    expect(items.filter((u) => u.email === 'new.person@example.com')).toHaveLength(1);
  });

  it('disabling a person stops their sign-in and their refresh token; enabling lets them sign in again', async () => {
    const { cognito } = rt.runtime.urls;
    const clientId = rt.runtime.pool.clientId;
    const before = await signIn(cognito, clientId, EMAIL.otto, PASSWORD);
    const client = cognitoClient(cognito);
    const refresh = (token: string) =>
      client.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: token } }));
    try {
      expect((await refresh(before.refreshToken)).AuthenticationResult?.AccessToken).toBeTruthy();

      const disabled = (await gql('ada', SET_ENABLED, { u: sub.otto, e: false })).adminSetUserEnabled;
      expect(disabled).toMatchObject({ id: sub.otto, enabled: false, email: EMAIL.otto });
      await expect(signIn(cognito, clientId, EMAIL.otto, PASSWORD)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
      await expect(refresh(before.refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
      const listed = (await allPages(USERS, 'adminUsers', { l: 60 })).items.find((u) => u.id === sub.otto);
      expect(listed.enabled).toBe(false);
      // Idempotent.
      expect((await gql('ada', SET_ENABLED, { u: sub.otto, e: false })).adminSetUserEnabled.enabled).toBe(false);

      const enabled = (await gql('ada', SET_ENABLED, { u: sub.otto, e: true })).adminSetUserEnabled;
      expect(enabled.enabled).toBe(true);
      const after = await signIn(cognito, clientId, EMAIL.otto, PASSWORD);
      expect(subOf(after.accessToken)).toBe(sub.otto);
      expect((await refresh(after.refreshToken)).AuthenticationResult?.AccessToken).toBeTruthy();
      // The refresh token from before the disable was revoked by the global sign-out, for good.
      await expect(refresh(before.refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    } finally {
      client.destroy();
    }
  });

  it('refuses disabling oneself and an unknown person, clearly', async () => {
    const self = await refusal('ada', SET_ENABLED, { u: sub.ada, e: false });
    expect([self.errorType, self.message]).toEqual(['ValidationError', 'You cannot disable your own account']);
    const unknown = await refusal('ada', SET_ENABLED, { u: '00000000-0000-0000-0000-000000000000', e: false });
    expect([unknown.errorType, unknown.message]).toEqual(['NotFound', 'User not found']);
  });

  it('answers only the Admins group: project ADMINs, members and viewers are refused', async () => {
    for (const who of ['max', 'vera', 'otto'] as Person[]) {
      for (const [q, v] of [
        [PROJECTS, {}],
        [USERS, {}],
        [INVITE, { e: 'someone@example.com' }],
        [SET_ENABLED, { u: sub.vera, e: false }],
      ] as const) {
        const r = await raw(who, q, v);
        expect(r.errors?.[0]?.errorType, `${who} ${q.slice(0, 30)}`).toBe('Unauthorized');
        expect(r.data).toBeNull();
      }
    }
    // Nothing changed: vera is still enabled, nobody was invited.
    const { items } = await allPages(USERS, 'adminUsers', { l: 60 });
    expect(items.find((u) => u.id === sub.vera).enabled).toBe(true);
    expect(items.map((u) => u.email)).not.toContain('someone@example.com');
  });
});
