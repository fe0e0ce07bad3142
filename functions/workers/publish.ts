/**
 * Tells subscribers about changes a function made: the IAM-only mutations publishTaskChange /
 * publishSprintChange re-read the item and deliver it through AppSync's @aws_subscribe. Sent as a
 * SigV4-signed POST (service `appsync`) to APPSYNC_URL with the function's own credentials (the SDK's
 * chain, as the DynamoDB client resolves them). Without APPSYNC_URL (tests, tools) nothing is sent.
 * Best effort: the data is already right in the table; a failed publish is logged and counted.
 */
import { signedGraphql } from '../lib/appsync.ts';

export const TASK_CHANGE_FIELDS =
  'id projectId number key title description status priority labels assigneeId reporterId watcherIds storyId sprintId dueAt estimatePoints timeSpentMinutes rank archived archivedAt createdAt updatedAt version';

const PUBLISH_TASK = `mutation PublishTaskChange($projectId: ID!, $id: ID!) { publishTaskChange(projectId: $projectId, id: $id) { ${TASK_CHANGE_FIELDS} } }`;
const PUBLISH_SPRINT = `mutation PublishSprintChange($projectId: ID!, $id: ID!) { publishSprintChange(projectId: $projectId, id: $id) { id projectId name goal state startsAt endsAt startedAt completedAt carriedOverTo carryOverDone createdAt updatedAt version } }`;

export interface PublishOutcome {
  sent: number;
  failed: number;
  skipped: boolean;
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<void> {
  await signedGraphql(url, query, variables);
}

export async function publishChanges(
  tasks: { projectId: string; id: string }[],
  sprints: { projectId: string; id: string }[] = [],
): Promise<PublishOutcome> {
  const url = process.env.APPSYNC_URL;
  const outcome: PublishOutcome = { sent: 0, failed: 0, skipped: !url };
  if (!url) return outcome;
  const calls = [
    ...tasks.map((t) => () => post(url, PUBLISH_TASK, { projectId: t.projectId, id: t.id })),
    ...sprints.map((s) => () => post(url, PUBLISH_SPRINT, { projectId: s.projectId, id: s.id })),
  ];
  for (const call of calls) {
    try {
      await call();
      outcome.sent += 1;
    } catch (err) {
      outcome.failed += 1;
      // fetch reports network and TLS failures as "fetch failed" with the reason in `cause`.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      console.error('[workers] publish failed:', (err as Error).message, cause ? `(${cause.code ?? cause.message})` : '');
    }
  }
  return outcome;
}
