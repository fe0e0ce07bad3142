/**
 * Integration tokens (created by a project ADMIN, checked by the real Lambda authorizer, honoured by the
 * shared authorize step) and notifications (IAM publish, idempotent; read state; the subscription's
 * own-user rule), through the local AppSync.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPk, userPk } from '../../../model/keys.ts';
import { err, ok, useCoreApp } from './harness.ts';

const core = useCoreApp();

const TOKEN = 'id projectId name scope prefix createdBy revoked revokedAt version';
const CREATE_TOKEN = `mutation($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret token { ${TOKEN} } } }`;
const LIST_TOKENS = `query($p: ID!) { integrationTokens(projectId: $p) { items { ${TOKEN} } nextToken } }`;
const REVOKE = `mutation($p: ID!, $id: ID!) { revokeIntegrationToken(projectId: $p, id: $id) { ${TOKEN} } }`;
const GET = `query($id: ID!) { project(id: $id) { id key myRole } }`;
const CREATE_TASK = `mutation($i: CreateTaskInput!) { createTask(input: $i) { id title } }`;

let tw = '';
let ops = '';

beforeAll(async () => {
  const create = (key: string) => core.as('alice', `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { key, name: key } });
  tw = ok(await create('TW')).createProject.id;
  ops = ok(await create('OPS')).createProject.id;
  ok(await core.as('alice', `mutation($i: AddMemberInput!) { addMember(input: $i) { userId } }`, { i: { projectId: tw, email: 'carol@taskwire.test', role: 'MEMBER' } }));
});

async function items(pk: string, prefix: string): Promise<Record<string, any>[]> {
  const out = await core.db.client.send(
    new QueryCommand({
      TableName: core.db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': { S: pk }, ':p': { S: prefix } },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => unmarshall(i));
}

describe('integration tokens', () => {
  let read = { secret: '', id: '' };
  let write = { secret: '', id: '' };

  it('only a project ADMIN creates tokens; the secret is returned once and stored only as a hash', async () => {
    expect(err(await core.as('carol', CREATE_TOKEN, { i: { projectId: tw, name: 'CI', scope: 'READ' } })).errorType).toBe('Unauthorized');
    expect(err(await core.as('nora', CREATE_TOKEN, { i: { projectId: tw, name: 'CI', scope: 'READ' } })).errorType).toBe('NotFound');

    const r = ok(await core.as('alice', CREATE_TOKEN, { i: { projectId: tw, name: 'CI bot', scope: 'READ' } })).createIntegrationToken;
    expect(r.token).toMatchObject({ projectId: tw, name: 'CI bot', scope: 'READ', createdBy: core.sub.alice, revoked: false, version: 1 });
    expect(r.secret).toMatch(new RegExp(`^twk_${tw}_${r.token.id}_[0-9a-f]{64}$`));
    expect(r.secret.split('_')[3].startsWith(r.token.prefix)).toBe(true);
    read = { secret: r.secret, id: r.token.id };
    const w = ok(await core.as('alice', CREATE_TOKEN, { i: { projectId: tw, name: 'Chat bot', scope: 'READ_WRITE' } })).createIntegrationToken;
    write = { secret: w.secret, id: w.token.id };

    const stored = await items(projectPk(tw), 'TOKEN#');
    expect(stored).toHaveLength(2);
    for (const t of stored) {
      expect(JSON.stringify(t)).not.toContain(read.secret.split('_')[3]);
      expect(JSON.stringify(t)).not.toContain(write.secret.split('_')[3]);
      expect(t.secretHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const listed = ok(await core.as('alice', LIST_TOKENS, { p: tw })).integrationTokens.items;
    expect(listed.map((t: any) => t.name).sort()).toEqual(['CI bot', 'Chat bot']);
    expect(err(await core.as('carol', LIST_TOKENS, { p: tw })).errorType).toBe('Unauthorized');
    expect((await items(projectPk(tw), 'ACTIVITY#')).filter((a) => a.action === 'TOKEN_CREATED')).toHaveLength(2);
  });

  it('a token reads its own project only, with no role; READ cannot write; READ_WRITE can', async () => {
    expect(ok(await core.withToken(read.secret, GET, { id: tw })).project).toEqual({ id: tw, key: 'TW', myRole: null });
    expect(err(await core.withToken(read.secret, GET, { id: ops })).errorType).toBe('NotFound');
    expect(err(await core.withToken(read.secret, CREATE_TASK, { i: { projectId: tw, title: 'From CI' } })).errorType).toBe('Unauthorized');
    const task = ok(await core.withToken(write.secret, CREATE_TASK, { i: { projectId: tw, title: 'From chat' } })).createTask;
    expect(task.title).toBe('From chat');
    expect(err(await core.withToken(write.secret, CREATE_TASK, { i: { projectId: ops, title: 'Elsewhere' } })).errorType).toBe('NotFound');
  });

  it('a wrong secret or a malformed token is refused by the authorizer', async () => {
    const forged = read.secret.slice(0, -4) + (read.secret.endsWith('0000') ? '1111' : '0000');
    expect((await core.withToken(forged, GET, { id: tw })).status).toBe(401);
    expect((await core.withToken('twk_nonsense', GET, { id: tw })).status).toBe(401);
  });

  it('revocation applies to the very next request, and revoking again changes nothing', async () => {
    const revoked = ok(await core.as('alice', REVOKE, { p: tw, id: read.id })).revokeIntegrationToken;
    expect(revoked).toMatchObject({ revoked: true, version: 2 });
    expect(revoked.revokedAt).toBeTruthy();
    expect((await core.withToken(read.secret, GET, { id: tw })).status).toBe(401);
    expect(ok(await core.as('alice', REVOKE, { p: tw, id: read.id })).revokeIntegrationToken).toEqual(revoked);
    expect(err(await core.as('alice', REVOKE, { p: tw, id: 'UNKNOWN' })).errorType).toBe('NotFound');
    expect(err(await core.as('alice', REVOKE, { p: ops, id: write.id })).errorType).toBe('NotFound');
    expect((await items(projectPk(tw), 'ACTIVITY#')).filter((a) => a.action === 'TOKEN_REVOKED')).toHaveLength(1);
    expect(ok(await core.withToken(write.secret, GET, { id: tw })).project.id).toBe(tw);
  });
});

describe('notifications', () => {
  const PUBLISH = `mutation($i: PublishNotificationInput!) { publishNotification(input: $i) { id userId kind title read createdAt version } }`;
  const MINE = `query($u: Boolean, $l: Int) { myNotifications(unreadOnly: $u, limit: $l) { items { id title read readAt version } nextToken } }`;
  const MARK = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { updated } }`;
  const ids = ['01JA0000000000000000000001', '01JA0000000000000000000002', '01JA0000000000000000000003'];

  it('publishNotification is IAM-only and idempotent on input.id', async () => {
    const input = (id: string, title: string) => ({ id, userId: core.sub.bob, kind: 'ASSIGNED', projectId: tw, title });
    const first = ok(await core.asSystem(PUBLISH, { i: input(ids[0]!, 'One') })).publishNotification;
    expect(first).toMatchObject({ id: ids[0], userId: core.sub.bob, kind: 'ASSIGNED', title: 'One', read: false, version: 1 });
    const again = ok(await core.asSystem(PUBLISH, { i: input(ids[0]!, 'One, retried') })).publishNotification;
    expect(again).toEqual(first);
    ok(await core.asSystem(PUBLISH, { i: input(ids[1]!, 'Two') }));
    ok(await core.asSystem(PUBLISH, { i: input(ids[2]!, 'Three') }));
    expect(await items(userPk(core.sub.bob), 'NOTIFICATION#')).toHaveLength(3);
    expect(err(await core.asSystem(PUBLISH, { i: { ...input('01JA0000000000000000000009', 'x'.repeat(201)) } })).errorType).toBe('ValidationError');
    // people cannot publish (the schema allows only IAM)
    expect((await core.as('bob', PUBLISH, { i: input('01JA0000000000000000000004', 'Forged') })).errors).toBeTruthy();
    expect(await items(userPk(core.sub.bob), 'NOTIFICATION#')).toHaveLength(3);
  });

  it('myNotifications lists newest first; unreadOnly; marking read by ids, then all', async () => {
    expect(ok(await core.as('bob', MINE, {})).myNotifications.items.map((n: any) => n.title)).toEqual(['Three', 'Two', 'One']);
    expect(ok(await core.as('alice', MINE, {})).myNotifications.items).toEqual([]);
    const page = ok(await core.as('bob', MINE, { l: 2 })).myNotifications;
    expect(page.items).toHaveLength(2);
    expect(page.nextToken).toBeTruthy();

    expect(err(await core.as('bob', MARK, {})).errorType).toBe('ValidationError');
    expect(ok(await core.as('bob', MARK, { ids: [ids[1], 'unknown-id'] })).markNotificationsRead).toEqual({ updated: 1 });
    expect(ok(await core.as('bob', MARK, { ids: [ids[1]] })).markNotificationsRead).toEqual({ updated: 0 });
    // alice cannot mark bob's: ids are looked up in her own partition only
    expect(ok(await core.as('alice', MARK, { ids: [ids[0]] })).markNotificationsRead).toEqual({ updated: 0 });
    expect(ok(await core.as('bob', MINE, { u: true })).myNotifications.items.map((n: any) => n.title)).toEqual(['Three', 'One']);
    expect(ok(await core.as('bob', MARK, { all: true })).markNotificationsRead).toEqual({ updated: 2 });
    expect(ok(await core.as('bob', MINE, { u: true })).myNotifications.items).toEqual([]);
    const all = ok(await core.as('bob', MINE, {})).myNotifications.items;
    expect(all.every((n: any) => n.read && n.readAt && n.version === 2)).toBe(true);
  });

  it('onNotification may only be started by that user', async () => {
    const SUB = `subscription($u: ID!) { onNotification(userId: $u) { id title } }`;
    const bobAuth = await core.app.authenticator.authenticate({
      headers: { authorization: core.accessToken.bob },
      method: 'POST',
      path: '/graphql',
      body: '',
      sourceIp: '127.0.0.1',
    });
    const prepared = await core.app.prepareSubscription({ query: SUB, variables: { u: core.sub.bob }, auth: bobAuth, headers: {} });
    expect(prepared.filter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'userId', operator: 'eq', value: core.sub.bob }] }] });
    await expect(core.app.prepareSubscription({ query: SUB, variables: { u: core.sub.alice }, auth: bobAuth, headers: {} })).rejects.toThrow();
  });
});
