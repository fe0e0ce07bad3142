/**
 * EventBridge Scheduler's schedule expressions, evaluated in a time zone:
 *   at(yyyy-mm-ddThh:mm:ss)                 one time, a local date-time in ScheduleExpressionTimezone
 *   rate(value minute|minutes|hour|hours|day|days)
 *   cron(minutes hours day-of-month month day-of-week year)   with , - * / ? L W # as AWS documents
 * Local date-times become instants with java.time's rules (js-joda): a time in a DST gap moves forward
 * by the gap's length, a time in an overlap takes the earlier offset.
 */
import { createRequire } from 'node:module';
import type * as JodaCore from '@js-joda/core';

const requireCjs = createRequire(import.meta.url);
let joda: typeof JodaCore | undefined;
function J(): typeof JodaCore {
  if (!joda) {
    joda = requireCjs('@js-joda/core') as typeof JodaCore;
    requireCjs('@js-joda/timezone');
  }
  return joda;
}

export class ScheduleExpressionError extends Error {}

export type ScheduleExpression =
  | { kind: 'at'; year: number; month: number; day: number; hour: number; minute: number; second: number }
  | { kind: 'rate'; periodMs: number }
  | { kind: 'cron'; cron: CronFields };

interface CronFields {
  minutes: number[];
  hours: number[];
  months: Set<number>;
  years: ((y: number) => boolean);
  day: (y: number, m: number, d: number, dow: number, daysInMonth: number) => boolean;
}

export function zoneOf(timezone: string | undefined): JodaCore.ZoneId {
  const { ZoneId } = J();
  try {
    return ZoneId.of(timezone || 'UTC');
  } catch {
    throw new ScheduleExpressionError(`Invalid time zone: ${timezone}`);
  }
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function bad(expr: string): never {
  throw new ScheduleExpressionError(`Invalid Schedule Expression ${expr}.`);
}

/** A plain field: `*`, n, a-b, with an optional /step, comma lists; names (JAN, MON) where given. */
function parseField(text: string, min: number, max: number, names: string[] | null, expr: string): Set<number> {
  const out = new Set<number>();
  const value = (s: string): number => {
    const upper = s.toUpperCase();
    const named = names ? names.indexOf(upper) : -1;
    if (named >= 0) return named + min;
    if (!/^\d+$/.test(s)) bad(expr);
    const n = Number(s);
    if (n < min || n > max) bad(expr);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === undefined || range === '') bad(expr);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) bad(expr);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [min, max];
    else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(a!);
      hi = value(b!);
      if (hi < lo) bad(expr);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function parseCron(body: string, expr: string): CronFields {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) bad(expr);
  const [min, hour, dom, month, dow, year] = parts as [string, string, string, string, string, string];
  // AWS: one of day-of-month and day-of-week must be `?`.
  if ((dom === '?') === (dow === '?')) bad(expr);
  const minutes = [...parseField(min, 0, 59, null, expr)].sort((a, b) => a - b);
  const hours = [...parseField(hour, 0, 23, null, expr)].sort((a, b) => a - b);
  const months = parseField(month, 1, 12, MONTHS, expr);
  const yearSet = year === '*' ? null : parseField(year, 1970, 2199, null, expr);
  let day: CronFields['day'];
  if (dom !== '?') {
    if (dom === 'L') day = (_y, _m, d, _w, dim) => d === dim;
    else if (dom === 'LW') day = (y, m, d, _w, dim) => d === nearestWeekday(y, m, dim, dim);
    else if (/^\d{1,2}W$/.test(dom)) {
      const n = Number(dom.slice(0, -1));
      if (n < 1 || n > 31) bad(expr);
      day = (y, m, d, _w, dim) => n <= dim && d === nearestWeekday(y, m, n, dim);
    } else {
      const set = parseField(dom, 1, 31, null, expr);
      day = (_y, _m, d) => set.has(d);
    }
  } else if (/^[1-7A-Za-z]{1,3}#[1-5]$/.test(dow)) {
    const [w, k] = dow.split('#');
    const target = [...parseField(w!, 1, 7, DAYS, expr)][0]!;
    day = (_y, _m, d, wd) => wd === target && Math.ceil(d / 7) === Number(k);
  } else if (/^([1-7]|[A-Za-z]{3})?L$/.test(dow)) {
    const target = dow === 'L' ? 7 : [...parseField(dow.slice(0, -1), 1, 7, DAYS, expr)][0]!;
    day = (_y, _m, d, wd, dim) => wd === target && d + 7 > dim;
  } else {
    const set = parseField(dow, 1, 7, DAYS, expr);
    day = (_y, _m, _d, wd) => set.has(wd);
  }
  return { minutes, hours, months, years: (y) => yearSet === null || yearSet.has(y), day };
}

/** Day-of-week with Sunday = 1 … Saturday = 7 (cron's numbering). */
function cronDow(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;
}

/** The weekday nearest to day `n` of the month, not leaving the month (cron's `W`). */
function nearestWeekday(y: number, m: number, n: number, dim: number): number {
  const w = cronDow(y, m, n);
  if (w === 7) return n === 1 ? 3 : n - 1; // Saturday → Friday (or Monday the 3rd)
  if (w === 1) return n === dim ? n - 2 : n + 1; // Sunday → Monday (or Friday before the last day)
  return n;
}

export function parseScheduleExpression(expr: unknown): ScheduleExpression {
  if (typeof expr !== 'string') bad(String(expr));
  let m = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(expr);
  if (m) {
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    try {
      J().LocalDateTime.of(year, month, day, hour, minute, second);
    } catch {
      bad(expr);
    }
    return { kind: 'at', year, month, day, hour, minute, second };
  }
  m = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expr);
  if (m) {
    const n = Number(m[1]);
    if (n < 1) bad(expr);
    const unit = m[2]!.replace(/s$/, '');
    return { kind: 'rate', periodMs: n * (unit === 'minute' ? 60_000 : unit === 'hour' ? 3_600_000 : 86_400_000) };
  }
  m = /^cron\((.*)\)$/.exec(expr);
  if (m) return { kind: 'cron', cron: parseCron(m[1]!, expr) };
  return bad(expr);
}

function instantOf(zone: JodaCore.ZoneId, y: number, mo: number, d: number, h: number, mi: number, s = 0): number {
  const { LocalDateTime, ZonedDateTime } = J();
  return ZonedDateTime.of(LocalDateTime.of(y, mo, d, h, mi, s), zone).toInstant().toEpochMilli();
}

export interface FireWindow {
  zone: JodaCore.ZoneId;
  /** When the schedule was created (anchors `rate()` without a StartDate). */
  createdAt: number;
  startDate?: number;
  endDate?: number;
}

/**
 * The first fire time strictly after `after` (ms), or null when there is none (a one-time schedule
 * already past `after`, or a recurring one past its EndDate).
 */
export function nextFireTime(expr: ScheduleExpression, w: FireWindow, after: number): number | null {
  if (expr.kind === 'at') {
    const t = instantOf(w.zone, expr.year, expr.month, expr.day, expr.hour, expr.minute, expr.second);
    return t > after ? t : null;
  }
  const from = Math.max(after, (w.startDate ?? -Infinity) - 1);
  let next: number | null;
  if (expr.kind === 'rate') {
    // Choice (docs/local-services.md): a rate's invocations are StartDate + k·period (k ≥ 0), or
    // creation + k·period (k ≥ 1) without a StartDate.
    const anchor = w.startDate ?? w.createdAt + expr.periodMs;
    const k = from < anchor ? 0 : Math.floor((from - anchor) / expr.periodMs) + 1;
    next = anchor + k * expr.periodMs;
  } else next = nextCron(expr.cron, w.zone, from);
  return next !== null && (w.endDate === undefined || next <= w.endDate) ? next : null;
}

function nextCron(c: CronFields, zone: JodaCore.ZoneId, after: number): number | null {
  const { Instant, ZonedDateTime } = J();
  const start = ZonedDateTime.ofInstant(Instant.ofEpochMilli(after), zone).toLocalDate();
  // Up to ten years ahead: a cron that matches no minute in that span never fires.
  for (let i = 0; i < 3700; i += 1) {
    const date = start.plusDays(i);
    const y = date.year();
    const mo = date.monthValue();
    const d = date.dayOfMonth();
    if (!c.years(y) || !c.months.has(mo)) continue;
    if (!c.day(y, mo, d, cronDow(y, mo, d), date.lengthOfMonth())) continue;
    for (const h of c.hours) {
      for (const mi of c.minutes) {
        const t = instantOf(zone, y, mo, d, h, mi);
        if (t > after) return t;
      }
    }
  }
  return null;
}
