/** Lists of a task's children (comments, attachments, time entries, history): a Query on the task's partition. */
import * as ddb from '@aws-appsync/utils/dynamodb';
import { taskPk } from '../../model/keys.ts';

export function childrenQuery(taskId: string, prefix: string, limit: number, nextToken: string | null | undefined, newestFirst: boolean) {
  return ddb.query({
    query: { PK: { eq: taskPk(taskId) }, SK: { beginsWith: prefix } },
    limit,
    nextToken: nextToken ?? undefined,
    scanIndexForward: !newestFirst,
  });
}
