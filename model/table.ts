/**
 * The one definition of Taskwire's single DynamoDB table: read by the CDK stack, by the local runtime
 * (which creates the table in DynamoDB Local from it) and by resolvers/functions (index names).
 * Pure data, safe to bundle into APPSYNC_JS resolvers.
 */

export const KEY = { pk: 'PK', sk: 'SK' } as const;

/** Global secondary indexes, each for named access patterns (see docs/access-patterns.md). */
export const INDEX = {
  /** "My tasks": tasks by assignee, ordered by status then due date. */
  byAssignee: { name: 'byAssignee', pk: 'GSI1PK', sk: 'GSI1SK' },
  /** A board column: tasks of one project in one status, ordered by rank. */
  byStatus: { name: 'byStatus', pk: 'GSI2PK', sk: 'GSI2SK' },
  /** A sprint's tasks (by status, then rank) and a project's backlog (by rank). */
  bySprint: { name: 'bySprint', pk: 'GSI3PK', sk: 'GSI3SK' },
  /** Children of a parent: a user's memberships, a project's sprints and stories, a story's tasks. */
  byParent: { name: 'byParent', pk: 'GSI4PK', sk: 'GSI4SK' },
} as const;

export type IndexName = keyof typeof INDEX;

/** Attribute holding the epoch-seconds expiry of short-lived items (DynamoDB TTL). */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface TableDefinition {
  partitionKey: string;
  sortKey: string;
  indexes: { name: string; pk: string; sk: string }[];
  stream: 'NEW_AND_OLD_IMAGES';
  ttlAttribute: string;
}

export const TABLE_DEFINITION: TableDefinition = {
  partitionKey: KEY.pk,
  sortKey: KEY.sk,
  indexes: [INDEX.byAssignee, INDEX.byStatus, INDEX.bySprint, INDEX.byParent],
  stream: 'NEW_AND_OLD_IMAGES',
  ttlAttribute: TTL_ATTRIBUTE,
};

/** Name of the table when run locally (on AWS, CDK chooses the physical name). */
export const LOCAL_TABLE_NAME = 'taskwire';
