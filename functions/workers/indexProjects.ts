/**
 * workers `indexProjects`: the one-time backfill of the project directory (model/keys.ts
 * projectDirectoryKey) for projects created before it existed — a table made by an older Taskwire
 * (a local data folder, a deployed stage). Projects created since get their entry in createProject's
 * own transaction, and archive/restore rewrite it, so this is needed once per table.
 *
 * This is the one Scan in Taskwire, and no user's request runs it: there is no key that finds "every
 * project" in a table that has no directory yet. It reads page by page (project items only pass the
 * filter), and for each project writes, in one transaction, its entry under the prefix of its
 * archived state, removes any entry under the other prefix, and checks that the state did not change
 * meanwhile (a concurrent archive writes the entry itself: the cancelled one is simply skipped).
 * Idempotent and resumable: it stops before the Lambda's time runs out and answers `startKey` to
 * continue from; run it again until `done`.
 */
import { ScanCommand, TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ENTITY, projectDirectoryKey, projectKey } from '../../model/keys.ts';
import { dynamoDbClient } from '../lib/clients.ts';
import { docClient, tableName } from './db.ts';

export interface IndexProjectsResult {
  done: boolean;
  /** Projects seen in this run. */
  projects: number;
  /** Entries written (a project already listed under its state is rewritten unchanged: counted too). */
  indexed: number;
  /** Projects whose archived state changed while this ran (their own write listed them). */
  skipped: number;
  /** Pass back as `startKey` to continue (absent when done). */
  startKey?: Record<string, unknown>;
}

export async function indexProjects(opts: { startKey?: Record<string, unknown> | null; deadline?: () => number; pageSize?: number } = {}): Promise<IndexProjectsResult> {
  const table = tableName();
  const result: IndexProjectsResult = { done: false, projects: 0, indexed: 0, skipped: 0 };
  let start: Record<string, AttributeValue> | undefined = opts.startKey ? marshall(opts.startKey) : undefined;
  do {
    if (opts.deadline && opts.deadline() < 15_000) {
      result.startKey = start ? unmarshall(start) : undefined;
      return result;
    }
    const page = await dynamoDbClient().send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '#entity = :project AND SK = :sk',
        ExpressionAttributeNames: { '#entity': 'entity' },
        ExpressionAttributeValues: marshall({ ':project': ENTITY.project, ':sk': projectKey('x').SK }),
        ProjectionExpression: 'id, archived, createdAt',
        Limit: opts.pageSize ?? 500,
        ExclusiveStartKey: start,
      }),
    );
    for (const raw of page.Items ?? []) {
      const p = unmarshall(raw) as { id: string; archived?: boolean; createdAt?: string };
      const archived = p.archived === true;
      result.projects++;
      try {
        await docClient().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                ConditionCheck: {
                  TableName: table,
                  Key: projectKey(p.id),
                  ConditionExpression: archived ? 'archived = :true' : '(attribute_not_exists(archived) OR archived <> :true)',
                  ExpressionAttributeValues: { ':true': true },
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: { ...projectDirectoryKey(p.id, archived), entity: ENTITY.projectDirectoryEntry, projectId: p.id, createdAt: p.createdAt ?? null, version: 1 },
                },
              },
              { Delete: { TableName: table, Key: projectDirectoryKey(p.id, !archived) } },
            ],
          }),
        );
        result.indexed++;
      } catch (e) {
        if (!(e instanceof TransactionCanceledException)) throw e;
        result.skipped++;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  result.done = true;
  return result;
}
