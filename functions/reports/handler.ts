/**
 * Lambda `reports`: the data source of Query.sprintReport and Query.projectReport. AppSync invokes it
 * (RequestResponse) after loadSprint/loadProject and `authorize` — so it trusts the ids it is given,
 * but still checks that the sprint belongs to the project it was authorised for.
 *
 *   { report: 'sprint', sprintId, projectId }   → { data: SprintReport }
 *   { report: 'project', projectId }            → { data: ProjectReport }
 *   a sprint gone meanwhile                     → { error: { type: 'NotFound', message } }
 *
 * The answer is an envelope so the resolver can raise a stable errorType (a thrown error reaches
 * AppSync only as Lambda:Unhandled). Data comes from source.ts, numbers from maths.ts.
 * Env: TABLE_NAME, AWS_REGION (AWS_ENDPOINT_URL_DYNAMODB locally).
 */
import * as maths from './maths.ts';
import * as source from './source.ts';

export type ReportsEvent = { report: 'sprint'; sprintId: string; projectId: string } | { report: 'project'; projectId: string };

export type ReportsAnswer =
  | { data: maths.SprintReport | maths.ProjectReport; error?: undefined }
  | { data?: undefined; error: { type: 'NotFound' | 'ValidationError'; message: string } };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null;
}

export async function handler(event: ReportsEvent): Promise<ReportsAnswer> {
  const projectId = text(event?.projectId);
  if (!projectId) return { error: { type: 'ValidationError', message: 'reports: projectId is required' } };
  const now = new Date();
  switch (event.report) {
    case 'sprint': {
      const sprintId = text(event.sprintId);
      if (!sprintId) return { error: { type: 'ValidationError', message: 'reports: sprintId is required' } };
      const [sprint, tally, displayNames] = await Promise.all([source.sprint(sprintId), source.sprintTally(sprintId), source.displayNames(projectId)]);
      if (!sprint || sprint.projectId !== projectId) return { error: { type: 'NotFound', message: 'Sprint not found' } };
      return { data: maths.sprintReport({ sprint, tally, displayNames, now }) };
    }
    case 'project': {
      const [completedSprints, tally, displayNames] = await Promise.all([
        source.completedSprints(projectId),
        source.boardTally(projectId),
        source.displayNames(projectId),
      ]);
      return { data: maths.projectReport({ projectId, completedSprints, tally, displayNames, now }) };
    }
    default:
      return { error: { type: 'ValidationError', message: `reports: unknown report ${JSON.stringify((event as { report?: unknown })?.report)}` } };
  }
}
