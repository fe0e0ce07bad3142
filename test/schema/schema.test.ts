import { describe, expect, it } from 'vitest';
import { validateSchema, isObjectType, isNonNullType, getNamedType, type GraphQLField } from 'graphql';
import { loadSchema } from '../../scripts/lib/schema.ts';

const schema = loadSchema();

// Every operation issue #2 names, by root type: the contract clients and integrations rely on.
const REQUIRED = {
  Query: [
    'me', 'project', 'myProjects', 'projectMembers', 'task', 'tasksByStatus', 'tasksByAssignee', 'backlog',
    'sprint', 'sprintsByProject', 'story', 'storiesByProject', 'commentsByTask', 'attachmentsByTask',
    'activityByTask', 'myNotifications', 'sprintReport', 'projectReport', 'integrationTokens',
  ],
  Mutation: [
    'createProject', 'updateProject', 'archiveProject', 'addMember', 'updateMemberRole', 'removeMember',
    'updateProfile', 'createStory', 'updateStory', 'setAcceptanceCriterion', 'deleteStory', 'createTask',
    'updateTask', 'moveTask', 'assignTask', 'watchTask', 'unwatchTask', 'archiveTask', 'restoreTask',
    'deleteTask', 'createSprint', 'updateSprint', 'startSprint', 'completeSprint', 'addComment',
    'updateComment', 'deleteComment', 'createAttachmentUpload', 'confirmAttachmentUpload',
    'attachmentDownloadUrl', 'deleteAttachment', 'logTime', 'markNotificationsRead', 'createIntegrationToken',
    'revokeIntegrationToken', 'publishNotification',
  ],
  Subscription: ['onTaskChanged', 'onCommentAdded', 'onSprintChanged', 'onNotification'],
} as const;

const AUTH_DIRECTIVES = ['aws_cognito_user_pools', 'aws_iam', 'aws_lambda', 'aws_api_key', 'aws_oidc'];
const directivesOf = (node: { astNode?: { directives?: readonly { name: { value: string } }[] } | null }) =>
  (node.astNode?.directives ?? []).map((d) => d.name.value);

function rootFields(name: 'Query' | 'Mutation' | 'Subscription'): Record<string, GraphQLField<unknown, unknown>> {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type.getFields();
}

describe('schema.graphql', () => {
  it('is a valid GraphQL schema together with the AppSync prelude', () => {
    expect(validateSchema(schema)).toEqual([]);
  });

  it.each(Object.entries(REQUIRED))('has every %s operation the contract names', (root, names) => {
    const fields = rootFields(root as keyof typeof REQUIRED);
    expect(names.filter((n) => !fields[n])).toEqual([]);
  });

  it('returns { items, nextToken } connections from every paginated query', () => {
    const fields = rootFields('Query');
    const paginated = Object.values(fields).filter((f) => f.args.some((a) => a.name === 'nextToken'));
    expect(paginated.length).toBeGreaterThan(10);
    for (const field of paginated) {
      const type = getNamedType(field.type);
      expect(isObjectType(type), field.name).toBe(true);
      if (!isObjectType(type)) continue;
      expect(Object.keys(type.getFields()), field.name).toEqual(expect.arrayContaining(['items', 'nextToken']));
      expect(field.args.some((a) => a.name === 'limit'), `${field.name} has a limit`).toBe(true);
    }
  });

  it('gives every subscription an @aws_subscribe naming existing mutations with the same return type', () => {
    const mutations = rootFields('Mutation');
    for (const sub of Object.values(rootFields('Subscription'))) {
      const directive = sub.astNode?.directives?.find((d) => d.name.value === 'aws_subscribe');
      expect(directive, sub.name).toBeDefined();
      const arg = directive!.arguments!.find((a) => a.name.value === 'mutations')!;
      const names = arg.value.kind === 'ListValue' ? arg.value.values.map((v) => (v.kind === 'StringValue' ? v.value : '')) : [];
      expect(names.length, sub.name).toBeGreaterThan(0);
      for (const m of names) {
        expect(mutations[m], `${sub.name} → ${m}`).toBeDefined();
        expect(getNamedType(mutations[m]!.type).name, `${sub.name} → ${m}`).toBe(getNamedType(sub.type).name);
      }
    }
  });

  it('keeps project data away from API keys and the IAM-only mutations away from people', () => {
    for (const root of ['Query', 'Mutation', 'Subscription'] as const) {
      for (const field of Object.values(rootFields(root))) {
        const dirs = directivesOf(field);
        expect(dirs.filter((d) => AUTH_DIRECTIVES.includes(d)).length, `${root}.${field.name} states its auth modes`).toBeGreaterThan(0);
        expect(dirs, `${root}.${field.name}`).not.toContain('aws_api_key');
      }
    }
    for (const name of ['publishNotification', 'publishTaskChange', 'publishSprintChange']) {
      expect(directivesOf(rootFields('Mutation')[name]!)).toEqual(['aws_iam']);
    }
  });

  it('carries version and updatedAt on every entity a subscription delivers', () => {
    for (const sub of Object.values(rootFields('Subscription'))) {
      const type = getNamedType(sub.type);
      if (!isObjectType(type)) throw new Error('subscription returns a non-object');
      const fields = type.getFields();
      expect(isNonNullType(fields.version!.type), type.name).toBe(true);
      expect(fields.updatedAt ?? fields.createdAt, type.name).toBeDefined();
    }
  });

  it('uses AWSDateTime for every date-time field and enums for statuses and roles', () => {
    const task = schema.getType('Task');
    if (!isObjectType(task)) throw new Error('Task missing');
    const f = task.getFields();
    expect(getNamedType(f.dueAt!.type).name).toBe('AWSDateTime');
    expect(getNamedType(f.status!.type).name).toBe('TaskStatus');
    const status = schema.getType('TaskStatus')!;
    expect(status.astNode && 'values' in status.astNode ? status.astNode.values?.map((v) => v.name.value) : []).toEqual([
      'TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE',
    ]);
  });
});
