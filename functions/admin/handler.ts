/**
 * Lambda `admin`: the data source of the global Admins' API (adminProjects, adminUsers,
 * adminInviteUser, adminSetUserEnabled). AppSync invokes it (RequestResponse) after the resolver has
 * checked that the caller is in the Cognito group `Admins` (schema directive + resolver check), so it
 * trusts the caller it is given.
 *
 *   { action: 'projects', includeArchived, limit, nextToken }   → { data: AdminProjectConnection }
 *   { action: 'users', limit, nextToken }                       → { data: AdminUserConnection }
 *   { action: 'invite', email, displayName }                    → { data: AdminUser }
 *   { action: 'setEnabled', userId, enabled, callerId }         → { data: AdminUser }
 *   bad input, an unknown user, disabling oneself               → { error: { type, message } }
 *
 * Projects: a Query of the project directory (model/keys.ts projectDirectoryQuery, never a Scan), one
 * BatchGetItem of the listed projects, then per project a Query of its members (admins, memberCount)
 * and a COUNT Query of each board column on byStatus (taskCount: the tasks that exist now, archived
 * ones included, deleted ones not). docs/access-patterns.md.
 * Users: Cognito ListUsers (Limit, PaginationToken ↔ nextToken) joined with each person's memberships
 * (byParent `USER#<sub>`), their profile (lastSignInAt, written by `me`: resolvers/steps/profileSignIn.ts)
 * and their groups (AdminListGroupsForUser).
 * Env: TABLE_NAME, USER_POOL_ID (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER locally).
 */
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminUserGlobalSignOutCommand,
  ListUsersCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { BatchGetItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import {
  MEMBER_PREFIX,
  profileKey,
  projectDirectoryQuery,
  projectKey,
  projectPk,
  statusColumnPk,
  userProjectsQuery,
  type TaskStatusKey,
} from '../../model/keys.ts';
import { INDEX } from '../../model/table.ts';
import { cognitoClient, dynamoDbClient } from '../lib/clients.ts';
import { requireEnv } from '../lib/env.ts';

export type AdminEvent =
  | { action: 'projects'; includeArchived?: boolean | null; limit?: number | null; nextToken?: string | null }
  | { action: 'users'; limit?: number | null; nextToken?: string | null }
  | { action: 'invite'; email: string; displayName?: string | null }
  | { action: 'setEnabled'; userId: string; enabled: boolean; callerId: string };

export type AdminAnswer<T = unknown> = { data: T; error?: undefined } | { data?: undefined; error: { type: string; message: string } };

type Item = Record<string, unknown>;

export interface AdminUser {
  id: string;
  email: string | null;
  displayName: string | null;
  status: string;
  enabled: boolean;
  createdAt: string | null;
  lastSignInAt: string | null;
  groups: string[];
  memberships: Item[];
}

const STATUSES: TaskStatusKey[] = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'];
/** Page sizes: ListUsers takes at most 60. */
export const LIMITS = { projects: { default: 20, max: 100 }, users: { default: 20, max: 60 } } as const;
const MEMBERSHIP_FIELDS = ['projectId', 'userId', 'email', 'displayName', 'role', 'status', 'addedBy', 'createdAt', 'updatedAt', 'version'];
const PROJECT_FIELDS = ['id', 'key', 'name', 'description', 'archived', 'archivedAt', 'activeSprintId', 'taskCount', 'createdBy', 'createdAt', 'updatedAt', 'version'];

class InputError extends Error {}

const pick = (item: Item, fields: string[]): Item => Object.fromEntries(fields.map((f) => [f, item[f] ?? null]));

function pageSize(value: unknown, limits: { default: number; max: number }): number {
  if (value === undefined || value === null) return limits.default;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > limits.max) {
    throw new InputError(`limit must be an integer from 1 to ${limits.max}`);
  }
  return value;
}

// ---- nextToken of the project directory --------------------------------------------------------------

const encodeKey = (key: Record<string, AttributeValue>): string => Buffer.from(JSON.stringify(unmarshall(key)), 'utf8').toString('base64url');

function decodeKey(token: string, pk: string): Record<string, AttributeValue> {
  try {
    const key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Item;
    if (key && key.PK === pk && typeof key.SK === 'string' && Object.keys(key).length === 2) return marshall(key);
  } catch {
    // falls through
  }
  throw new InputError('nextToken is not valid for this list');
}

// ---- DynamoDB reads ----------------------------------------------------------------------------------

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await dynamoDbClient().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    for (const i of out.Items ?? []) items.push(unmarshall(i));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

async function countAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<number> {
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await dynamoDbClient().send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** BatchGetItem of up to 100 keys, retrying unprocessed keys; items by `PK`. */
async function batchGet(table: string, keys: { PK: string; SK: string }[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  let pending: Record<string, AttributeValue>[] = keys.map((k) => marshall(k));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    if (attempt > 8) throw new Error('admin: BatchGetItem kept returning unprocessed keys');
    const out = await dynamoDbClient().send(new BatchGetItemCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
    for (const i of out.Responses?.[table] ?? []) {
      const item = unmarshall(i);
      found.set(String(item.PK), item);
    }
    pending = out.UnprocessedKeys?.[table]?.Keys ?? [];
  }
  return found;
}

// ---- projects ----------------------------------------------------------------------------------------

async function projects(event: Extract<AdminEvent, { action: 'projects' }>) {
  const table = requireEnv('TABLE_NAME');
  const limit = pageSize(event.limit, LIMITS.projects);
  const q = projectDirectoryQuery(!!event.includeArchived);
  const out = await dynamoDbClient().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: q.prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
      ExpressionAttributeValues: marshall(q.prefix ? { ':pk': q.PK, ':prefix': q.prefix } : { ':pk': q.PK }),
      // One more than asked: a full last page then answers no nextToken (no empty page after it).
      Limit: limit + 1,
      ExclusiveStartKey: event.nextToken ? decodeKey(event.nextToken, q.PK) : undefined,
    }),
  );
  const entries = (out.Items ?? []).map((i) => unmarshall(i));
  const more = entries.length > limit;
  const listed = entries.slice(0, limit);
  const last = listed[listed.length - 1];
  const nextToken = more && last ? encodeKey(marshall({ PK: last.PK, SK: last.SK })) : null;
  const ids = listed.map((e) => String(e.projectId));
  const found = ids.length ? await batchGet(table, ids.map(projectKey)) : new Map<string, Item>();
  const items = await Promise.all(
    ids
      .map((id) => found.get(projectPk(id)))
      .filter((p): p is Item => !!p)
      .map(async (project) => {
        const id = String(project.id);
        const [members, taskCounts] = await Promise.all([
          queryAll({
            TableName: table,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: marshall({ ':pk': projectPk(id), ':prefix': MEMBER_PREFIX }),
          }),
          Promise.all(
            STATUSES.map((s) =>
              countAll({
                TableName: table,
                IndexName: INDEX.byStatus.name,
                KeyConditionExpression: `${INDEX.byStatus.pk} = :pk`,
                ExpressionAttributeValues: marshall({ ':pk': statusColumnPk(id, s) }),
              }),
            ),
          ),
        ]);
        return {
          // Global Admins who are not members see myRole null, as in project(id).
          project: { ...pick(project, PROJECT_FIELDS), myRole: null },
          admins: members.filter((m) => m.role === 'ADMIN').map((m) => pick(m, MEMBERSHIP_FIELDS)),
          memberCount: members.length,
          taskCount: taskCounts.reduce((a, b) => a + b, 0),
        };
      }),
  );
  return { items, nextToken };
}

// ---- users -------------------------------------------------------------------------------------------

const attr = (attrs: AttributeType[] | undefined, name: string): string | undefined => attrs?.find((a) => a.Name === name)?.Value;

interface CognitoUser {
  Username?: string;
  Attributes?: AttributeType[];
  UserStatus?: string;
  Enabled?: boolean;
  UserCreateDate?: Date;
}

/** Joins Cognito users with their memberships, profiles and groups. */
async function describeUsers(users: CognitoUser[]): Promise<AdminUser[]> {
  const table = requireEnv('TABLE_NAME');
  const userPoolId = requireEnv('USER_POOL_ID');
  const subs = users.map((u) => attr(u.Attributes, 'sub') ?? u.Username ?? '');
  const profiles = subs.length ? await batchGet(table, subs.map(profileKey)) : new Map<string, Item>();
  return Promise.all(
    users.map(async (u, i) => {
      const sub = subs[i]!;
      const q = userProjectsQuery(sub);
      const [memberships, groups] = await Promise.all([
        queryAll({
          TableName: table,
          IndexName: INDEX.byParent.name,
          KeyConditionExpression: `${INDEX.byParent.pk} = :pk AND begins_with(${INDEX.byParent.sk}, :prefix)`,
          ExpressionAttributeValues: marshall({ ':pk': q.GSI4PK, ':prefix': q.prefix }),
        }),
        cognitoClient().send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: u.Username })),
      ]);
      const profile = profiles.get(profileKey(sub).PK);
      return {
        id: sub,
        email: attr(u.Attributes, 'email') ?? (profile?.email as string | undefined) ?? null,
        displayName: (profile?.displayName as string | undefined) ?? attr(u.Attributes, 'name') ?? null,
        status: u.UserStatus ?? 'UNKNOWN',
        enabled: u.Enabled !== false,
        createdAt: u.UserCreateDate ? new Date(u.UserCreateDate).toISOString() : null,
        lastSignInAt: (profile?.lastSignInAt as string | undefined) ?? null,
        groups: (groups.Groups ?? []).map((g) => g.GroupName ?? '').filter(Boolean),
        memberships: memberships.map((m) => pick(m, MEMBERSHIP_FIELDS)),
      };
    }),
  );
}

async function users(event: Extract<AdminEvent, { action: 'users' }>) {
  const limit = pageSize(event.limit, LIMITS.users);
  let out;
  try {
    out = await cognitoClient().send(
      new ListUsersCommand({ UserPoolId: requireEnv('USER_POOL_ID'), Limit: limit, PaginationToken: event.nextToken ?? undefined }),
    );
  } catch (e) {
    // Cognito answers a PaginationToken it did not issue with InvalidParameterException.
    if ((e as { name?: string }).name === 'InvalidParameterException' && event.nextToken) throw new InputError('nextToken is not valid for this list');
    throw e;
  }
  return { items: await describeUsers(out.Users ?? []), nextToken: out.PaginationToken ?? null };
}

async function getUser(username: string): Promise<CognitoUser | null> {
  try {
    const u = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: requireEnv('USER_POOL_ID'), Username: username }));
    return { Username: u.Username, Attributes: u.UserAttributes, UserStatus: u.UserStatus, Enabled: u.Enabled, UserCreateDate: u.UserCreateDate };
  } catch (e) {
    if ((e as { name?: string }).name === 'UserNotFoundException') return null;
    throw e;
  }
}

/** The user whose `sub` is `userId` (a ListUsers filter: the username need not be the sub). */
async function userBySub(userId: string): Promise<CognitoUser | null> {
  if (!/^[\w-]{1,128}$/.test(userId)) throw new InputError('userId is not a valid user id');
  const out = await cognitoClient().send(
    new ListUsersCommand({ UserPoolId: requireEnv('USER_POOL_ID'), Filter: `sub = "${userId}"`, Limit: 1 }),
  );
  return out.Users?.[0] ?? null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Invites a person: AdminCreateUser (Cognito emails a temporary password; they set their own at first
 * sign-in). Idempotent: an email that already has an account is answered with that account, unchanged
 * (its `status` tells whether the invitation is still pending) — a retried invite never fails or sends
 * a second email.
 */
async function invite(event: Extract<AdminEvent, { action: 'invite' }>) {
  const email = typeof event.email === 'string' ? event.email.trim().toLowerCase() : '';
  if (!EMAIL.test(email) || email.length > 254) throw new InputError('email must be an email address');
  const displayName = typeof event.displayName === 'string' ? event.displayName.trim() : '';
  if (displayName.length > 100) throw new InputError('displayName must be at most 100 characters');
  const existing = await getUser(email);
  if (existing) return (await describeUsers([existing]))[0]!;
  try {
    const created = await cognitoClient().send(
      new AdminCreateUserCommand({
        UserPoolId: requireEnv('USER_POOL_ID'),
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          ...(displayName ? [{ Name: 'name', Value: displayName }] : []),
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    return (await describeUsers([created.User ?? {}]))[0]!;
  } catch (e) {
    if ((e as { name?: string }).name !== 'UsernameExistsException') throw e;
    const raced = await getUser(email);
    if (!raced) throw e;
    return (await describeUsers([raced]))[0]!;
  }
}

/**
 * Disables (AdminDisableUser, then AdminUserGlobalSignOut so their refresh tokens stop working) or
 * re-enables (AdminEnableUser) a person. Idempotent. An Admin cannot disable themselves.
 */
async function setEnabled(event: Extract<AdminEvent, { action: 'setEnabled' }>) {
  if (typeof event.enabled !== 'boolean') throw new InputError('enabled must be true or false');
  const user = await userBySub(typeof event.userId === 'string' ? event.userId : '');
  if (!user?.Username) return null;
  if (!event.enabled && event.userId === event.callerId) throw new InputError('You cannot disable your own account');
  const userPoolId = requireEnv('USER_POOL_ID');
  if (event.enabled) {
    await cognitoClient().send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: user.Username }));
  } else {
    await cognitoClient().send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: user.Username }));
    await cognitoClient().send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: user.Username }));
  }
  const after = await getUser(user.Username);
  return after ? (await describeUsers([after]))[0]! : null;
}

export async function handler(event: AdminEvent): Promise<AdminAnswer> {
  try {
    switch (event?.action) {
      case 'projects':
        return { data: await projects(event) };
      case 'users':
        return { data: await users(event) };
      case 'invite':
        return { data: await invite(event) };
      case 'setEnabled': {
        const user = await setEnabled(event);
        return user ? { data: user } : { error: { type: 'NotFound', message: 'User not found' } };
      }
      default:
        return { error: { type: 'ValidationError', message: `admin: unknown action ${JSON.stringify((event as { action?: unknown })?.action)}` } };
    }
  } catch (e) {
    if (e instanceof InputError) return { error: { type: 'ValidationError', message: e.message } };
    throw e;
  }
}
