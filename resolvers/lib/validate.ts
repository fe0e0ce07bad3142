/**
 * Input validation for resolvers. Each helper returns the cleaned value or raises ValidationError
 * (errorInfo { field }) with a message a person can act on. APPSYNC_JS-safe.
 *
 *   text(v, field, max)            required string, trimmed, 1..max characters
 *   optionalText(v, field, max)    undefined stays undefined (omitted), null stays null (clear), else text()
 *   titleAndDescription(input)     an update's title (not clearable) and description (clearable), where present
 *   oneOf(v, field, allowed)       one of the allowed strings
 *   intRange(v, field, min, max)   integer within bounds
 *   labels(v)                      ≤ 20 labels, each trimmed, 1..50 characters, duplicates dropped
 *   instant(v, field)              an AWSDateTime Taskwire can use, as UTC text (docs/dates.md)
 *   optionalInstant(v, field)      undefined and null stay as they are, else instant()
 *   LIMITS                         the bounds Taskwire uses everywhere
 */
import { util } from '@aws-appsync/utils';
import { validationError } from './errors.ts';

export const LIMITS = {
  name: 200,
  title: 200,
  description: 10000,
  body: 10000,
  labelCount: 20,
  label: 50,
  id: 64,
  email: 254,
} as const;

export function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') return validationError(`${field} is required`, field);
  const v = value.trim();
  if (v.length === 0) return validationError(`${field} must not be empty`, field);
  if (v.length > max) return validationError(`${field} must be at most ${max} characters (got ${v.length})`, field);
  return v;
}

export function optionalText(value: unknown, field: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return text(value, field, max);
}

/** Like optionalText, but an empty string clears the field (null) instead of being refused. */
export function clearableText(value: unknown, field: string, max: number): string | null | undefined {
  if (typeof value === 'string' && value.trim().length === 0) return null;
  return optionalText(value, field, max);
}

/**
 * The title and description of an update input (updateTask, updateStory), only those present: a title
 * cannot be cleared (null → ValidationError), a description can (null or empty → null).
 */
export function titleAndDescription(input: { title?: string | null; description?: string | null }): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (Object.hasOwn(input, 'title')) {
    if (input.title === null) validationError('title cannot be cleared', 'title');
    fields.title = text(input.title, 'title', LIMITS.title);
  }
  if (Object.hasOwn(input, 'description')) fields.description = clearableText(input.description, 'description', LIMITS.description);
  return fields;
}

export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || allowed.indexOf(value as T) < 0) {
    return validationError(`${field} must be one of ${allowed.join(', ')}`, field);
  }
  return value as T;
}

export function intRange(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || Math.floor(value) !== value) {
    return validationError(`${field} must be a whole number`, field);
  }
  if (value < min || value > max) return validationError(`${field} must be between ${min} and ${max}`, field);
  return value;
}

export function labels(value: unknown, field = 'labels'): string[] {
  if (value === undefined || value === null) return [];
  const list = value as unknown[];
  if (list.length > LIMITS.labelCount) {
    return validationError(`${field}: at most ${LIMITS.labelCount} labels`, field);
  }
  const cleaned = list.map((l) => text(l, field, LIMITS.label));
  return cleaned.filter((l, i) => cleaned.indexOf(l) === i);
}

/** An id argument: non-empty, bounded (ids are ULIDs; anything longer is certainly unknown). */
export function id(value: unknown, field: string): string {
  return text(value, field, LIMITS.id);
}

/**
 * Date-times Taskwire takes (docs/dates.md): a four-digit year, a UTC offset (or Z) of at most ±18:00
 * in hours and minutes, and an instant in 2000–2100 UTC. AWSDateTime accepts more (offsets with seconds,
 * longer years) that util.time cannot parse, so the shape is checked before util.time sees the value.
 */
const INSTANT_SHAPE = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})';
const MAX_OFFSET_MINUTES = 18 * 60;
/** 2000-01-01T00:00:00.000Z and 2100-12-31T23:59:59.999Z. */
export const INSTANT_MIN_MS = 946684800000;
export const INSTANT_MAX_MS = 4133980799999;
/** Fixed width (milliseconds always written), so comparing the text compares the instants. */
const UTC_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

/** The instant `value` names, written in UTC (what is stored and indexed); ValidationError otherwise. */
export function instant(value: unknown, field: string): string {
  const refuse = () =>
    validationError(
      `${field} must be a date-time from 2000-01-01 to 2100-12-31 with a four-digit year and a UTC offset of at most ±18:00 in hours and minutes, such as 2030-01-31T17:00:00Z`,
      field,
    );
  if (typeof value !== 'string' || !util.matches(INSTANT_SHAPE, value)) return refuse();
  if (!value.endsWith('Z') && Number(value.slice(-5, -3)) * 60 + Number(value.slice(-2)) > MAX_OFFSET_MINUTES) return refuse();
  const ms = util.time.parseISO8601ToEpochMilliSeconds(value);
  if (ms < INSTANT_MIN_MS || ms > INSTANT_MAX_MS) return refuse();
  return util.time.epochMilliSecondsToFormatted(ms, UTC_FORMAT, 'UTC');
}

export function optionalInstant(value: unknown, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  return instant(value, field);
}
