/**
 * Validation of task inputs (createTask / updateTask). Returns the cleaned fields; raises
 * ValidationError with errorInfo { field } otherwise. Omitted (undefined) fields stay omitted, explicit
 * nulls stay null (clear), so updateTask can tell "leave as is" from "clear".
 */
import type { CreateTaskInput, UpdateTaskInput } from '../../types/graphql.ts';
import { validationError } from './errors.ts';
import { LIMITS, clearableText, id, intRange, labels, oneOf, optionalInstant, text, titleAndDescription } from './validate.ts';
import { MAX_POINTS, PRIORITIES } from './task.ts';

function points(v: unknown): number | null | undefined {
  if (v === undefined || v === null) return v;
  return intRange(v, 'estimatePoints', 0, MAX_POINTS);
}

function optionalId(v: unknown, field: string): string | null | undefined {
  if (v === undefined || v === null) return v;
  return id(v, field);
}

export function createTaskFields(input: CreateTaskInput) {
  return {
    title: text(input.title, 'title', LIMITS.title),
    description: clearableText(input.description, 'description', LIMITS.description) ?? null,
    priority: input.priority ? oneOf(input.priority, 'priority', PRIORITIES) : 'MEDIUM',
    labels: labels(input.labels),
    assigneeId: optionalId(input.assigneeId, 'assigneeId') ?? null,
    storyId: optionalId(input.storyId, 'storyId') ?? null,
    sprintId: optionalId(input.sprintId, 'sprintId') ?? null,
    dueAt: optionalInstant(input.dueAt, 'dueAt') ?? null,
    estimatePoints: points(input.estimatePoints) ?? null,
  };
}

/** Only the fields present in the input (null where the client clears one). */
export function updateTaskFields(input: UpdateTaskInput): Record<string, unknown> {
  const has = (k: string) => Object.hasOwn(input, k);
  const fields = titleAndDescription(input);
  if (has('priority')) {
    if (input.priority === null) validationError('priority cannot be cleared', 'priority');
    fields.priority = oneOf(input.priority, 'priority', PRIORITIES);
  }
  if (has('labels')) fields.labels = labels(input.labels);
  if (has('storyId')) fields.storyId = optionalId(input.storyId, 'storyId');
  if (has('sprintId')) fields.sprintId = optionalId(input.sprintId, 'sprintId');
  if (has('dueAt')) fields.dueAt = optionalInstant(input.dueAt, 'dueAt');
  if (has('estimatePoints')) fields.estimatePoints = points(input.estimatePoints);
  return fields;
}
