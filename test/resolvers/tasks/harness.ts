/**
 * The real resolver bundles of resolvers/manifest.ts, run in-process by the local AppSync against a
 * fresh DynamoDB Local. Identities are handed to the executor directly (app.execute), in the shape the
 * Cognito authenticator produces; projects and memberships are seeded in the table (the projects
 * domain has its own tests).
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { LocalAppSync } from '../../../packages/appsync-local/src/appsync/app.ts';
import type { AuthResult } from '../../../packages/appsync-local/src/appsync/types.ts';
import { membershipIndexKeys, membershipKey, projectKey } from '../../../model/keys.ts';
import { manifestApp } from '../../support/app.ts';
import type { DynamoDbFixture } from '../../support/dynamodb.ts';

export function buildApp(db: DynamoDbFixture): LocalAppSync {
  // Lambda data sources of other domains are not exercised here: NONE stand-ins (manifestApp).
  return manifestApp(db, { tokenSecret: 'work-tests' });
}

export const user = (sub: string, groups: string[] | null = null): AuthResult => ({
  mode: 'AMAZON_COGNITO_USER_POOLS',
  identity: {
    sub,
    issuer: 'http://localhost:9229/local_pool',
    username: sub,
    claims: { sub, username: sub },
    sourceIp: ['127.0.0.1'],
    groups,
    defaultAuthStrategy: 'ALLOW',
  },
});

export interface GqlResult {
  data: Record<string, any> | null;
  errors?: { message: string; errorType: string | null; errorInfo: any }[];
}

export function client(app: LocalAppSync) {
  return async (auth: AuthResult, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> => {
    const res = (await app.execute({ query, variables, auth, headers: {} })) as unknown as GqlResult;
    return res;
  };
}

export async function seedProject(
  db: DynamoDbFixture,
  projectId: string,
  key: string,
  members: Record<string, 'ADMIN' | 'MEMBER' | 'VIEWER'>,
): Promise<void> {
  const at = new Date().toISOString();
  const put = (item: Record<string, unknown>) =>
    db.client.send(new PutItemCommand({ TableName: db.tableName, Item: marshall(item, { removeUndefinedValues: true }) }));
  await put({
    ...projectKey(projectId),
    entity: 'Project',
    id: projectId,
    key,
    name: `Project ${key}`,
    archived: false,
    taskCount: 0,
    createdBy: Object.keys(members)[0],
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  for (const [userId, role] of Object.entries(members)) {
    await put({
      ...membershipKey(projectId, userId),
      ...membershipIndexKeys(userId, projectId),
      entity: 'Membership',
      projectId,
      userId,
      email: `${userId}@example.com`,
      role,
      status: 'ACTIVE',
      addedBy: userId,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
  }
}

export const TASK_FIELDS = 'id projectId number key title status rank version sprintId storyId assigneeId watcherIds archived timeSpentMinutes estimatePoints';
