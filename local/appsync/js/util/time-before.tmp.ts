/**
 * util.time: Java DateTimeFormatter patterns (the subset resolvers use) with optional time zones,
 * computed through Intl so any IANA zone works. Supported letters: G u y D M L d Q E a h K k H m s S
 * A n X x Z O z V, 'quoted text', and [optional] sections. Week-based fields (Y w W e c) are refused.
 */
import { AppSyncJsRuntimeError } from '../errors.ts';

type Zone = { kind: 'fixed'; offsetMin: number; id: string } | { kind: 'iana'; id: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function zoneOf(id: string | undefined | null): Zone {
  if (id === undefined || id === null || id === 'Z' || id === 'UTC' || id === 'GMT') return { kind: 'fixed', offsetMin: 0, id: id === 'Z' || !id ? 'Z' : id };
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (m) return { kind: 'fixed', offsetMin: (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)), id };
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
  } catch {
    throw new AppSyncJsRuntimeError(`Unknown time-zone ID: ${id}`);
  }
  return { kind: 'iana', id };
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function parts(ms: number, tz: string): Record<string, number> {
  let f = partFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    partFormatters.set(tz, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal' && p.type !== 'era') out[p.type] = Number(p.value);
  if (f.formatToParts(ms).some((p) => p.type === 'era' && p.value === 'BC')) out.year = 1 - out.year;
  return out;
}

/** The zone's offset from UTC, in minutes, at instant `ms`. */
function offsetAt(zone: Zone, ms: number): number {
  if (zone.kind === 'fixed') return zone.offsetMin;
  const p = parts(ms, zone.id);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
}

interface Fields {
  year: number; month: number; day: number; hour: number; minute: number; second: number; nano: number;
  dayOfWeek: number; dayOfYear: number; offsetMin: number; zone: Zone;
}

function fieldsAt(ms: number, zone: Zone): Fields {
  const offsetMin = offsetAt(zone, ms);
  const d = new Date(ms + offsetMin * 60000);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), nano: d.getUTCMilliseconds() * 1_000_000,
    dayOfWeek: (d.getUTCDay() + 6) % 7, dayOfYear: Math.floor((d.getTime() - startOfYear) / 86400000) + 1,
    offsetMin, zone,
  };
}

type Token = { kind: 'text'; text: string } | { kind: 'field'; letter: string; count: number } | { kind: 'optional'; tokens: Token[] };

function tokenize(pattern: string): Token[] {
  const stack: Token[][] = [[]];
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    const top = stack[stack.length - 1];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) { top.push({ kind: 'text', text: "'" }); i += 2; continue; }
      if (end === -1) throw new AppSyncJsRuntimeError(`Pattern ends with an incomplete string literal: ${pattern}`);
      top.push({ kind: 'text', text: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '[') {
      const inner: Token[] = [];
      top.push({ kind: 'optional', tokens: inner });
      stack.push(inner);
      i++;
    } else if (ch === ']') {
      if (stack.length === 1) throw new AppSyncJsRuntimeError(`Pattern invalid as it contains ] without previous [: ${pattern}`);
      stack.pop();
      i++;
    } else if (/[A-Za-z]/.test(ch)) {
      let n = 1;
      while (pattern[i + n] === ch) n++;
      if ('GuyDMLdQEahKkHmsSAnXxZOzV'.indexOf(ch) === -1) {
        throw new AppSyncJsRuntimeError(`Pattern letter ${ch} is not supported locally (pattern ${pattern})`);
      }
      top.push({ kind: 'field', letter: ch, count: n });
      i += n;
    } else {
      top.push({ kind: 'text', text: ch });
      i++;
    }
  }
  return stack[0];
}

const pad = (n: number, width: number) => (n < 0 ? '-' + String(-n).padStart(width, '0') : String(n).padStart(width, '0'));

function formatOffset(offsetMin: number, colon: boolean, withSeconds = false, zForZero = false, hourOnly = false): string {
  if (offsetMin === 0 && zForZero) return 'Z';
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (hourOnly && abs % 60 === 0) return sign + hh;
  void withSeconds;
  return sign + hh + (colon ? ':' : '') + mm;
}

function zoneName(f: Fields, long: boolean): string {
  if (f.zone.kind === 'fixed') return f.zone.id === 'Z' ? (long ? 'Coordinated Universal Time' : 'UTC') : f.zone.id;
  const name = new Intl.DateTimeFormat('en-US', { timeZone: f.zone.id, timeZoneName: long ? 'long' : 'short' })
    .formatToParts(Date.UTC(f.year, f.month - 1, f.day) - f.offsetMin * 60000)
    .find((p) => p.type === 'timeZoneName');
  return name?.value ?? f.zone.id;
}

function formatField(letter: string, count: number, f: Fields): string {
  switch (letter) {
    case 'G': return count === 4 ? (f.year > 0 ? 'Anno Domini' : 'Before Christ') : f.year > 0 ? 'AD' : 'BC';
    case 'u': case 'y': {
      const y = letter === 'y' && f.year <= 0 ? 1 - f.year : f.year;
      return count === 2 ? pad(((y % 100) + 100) % 100, 2) : pad(y, count);
    }
    case 'D': return pad(f.dayOfYear, count);
    case 'M': case 'L':
      if (count >= 4) return MONTHS[f.month - 1];
      if (count === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'Q': return count >= 3 ? `Q${Math.ceil(f.month / 3)}` : pad(Math.ceil(f.month / 3), count);
    case 'd': return pad(f.day, count);
    case 'E': return count >= 4 ? DAYS[f.dayOfWeek] : DAYS[f.dayOfWeek].slice(0, 3);
    case 'a': return f.hour < 12 ? 'AM' : 'PM';
    case 'h': return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'K': return pad(f.hour % 12, count);
    case 'k': return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'H': return pad(f.hour, count);
    case 'm': return pad(f.minute, count);
    case 's': return pad(f.second, count);
    case 'S': return pad(f.nano, 9).slice(0, count);
    case 'A': return pad(((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + Math.floor(f.nano / 1e6), count);
    case 'n': return pad(f.nano, count);
    case 'X': return formatOffset(f.offsetMin, count >= 3, false, true, count === 1);
    case 'x': return formatOffset(f.offsetMin, count >= 3, false, false, count === 1);
    case 'Z':
      if (count <= 3) return formatOffset(f.offsetMin, false);
      if (count === 4) return f.offsetMin === 0 ? 'GMT' : 'GMT' + formatOffset(f.offsetMin, true);
      return formatOffset(f.offsetMin, true, false, true);
    case 'O': {
      if (f.offsetMin === 0) return 'GMT';
      const abs = Math.abs(f.offsetMin);
      const sign = f.offsetMin < 0 ? '-' : '+';
      return count === 4 ? 'GMT' + formatOffset(f.offsetMin, true) : `GMT${sign}${Math.floor(abs / 60)}${abs % 60 ? ':' + pad(abs % 60, 2) : ''}`;
    }
    case 'z': return zoneName(f, count >= 4);
    case 'V': return f.zone.kind === 'iana' ? f.zone.id : f.zone.id === 'Z' ? 'Z' : f.zone.id;
  }
  throw new AppSyncJsRuntimeError(`Pattern letter ${letter} is not supported locally`);
}

function formatTokens(tokens: Token[], f: Fields): string {
  return tokens.map((t) => (t.kind === 'text' ? t.text : t.kind === 'optional' ? formatTokens(t.tokens, f) : formatField(t.letter, t.count, f))).join('');
}

export function formatEpochMillis(ms: number, pattern: string, timezone?: string | null): string {
  requireNumber(ms);
  return formatTokens(tokenize(String(pattern)), fieldsAt(ms, zoneOf(timezone)));
}

// ---- parsing -----------------------------------------------------------------------------------

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OFFSET_RE = '(Z|[+-]\\d{2}(?::?\\d{2})?)';

function fieldRegex(letter: string, count: number): string {
  switch (letter) {
    case 'u': case 'y': return count === 2 ? '(\\d{2})' : `([+-]?\\d{${Math.max(count, 4)},9})`;
    case 'M': case 'L':
      if (count >= 4) return `(${MONTHS.join('|')})`;
      if (count === 3) return `(${MONTHS.map((m) => m.slice(0, 3)).join('|')})`;
      return count === 1 ? '(\\d{1,2})' : `(\\d{${count}})`;
    case 'E': return count >= 4 ? `(${DAYS.join('|')})` : `(${DAYS.map((d) => d.slice(0, 3)).join('|')})`;
    case 'a': return '(AM|PM|am|pm)';
    case 'G': return '(AD|BC|Anno Domini|Before Christ)';
    case 'S': return `(\\d{${count}})`;
    case 'X': case 'x': case 'Z': return count === 4 && letter === 'Z' ? '(GMT(?:[+-]\\d{2}:\\d{2})?)' : OFFSET_RE;
    case 'O': return '(GMT(?:[+-]\\d{1,2}(?::\\d{2})?)?)';
    case 'z': case 'V': return '([A-Za-z_/+\\-0-9]+)';
    default: return count === 1 ? '(\\d{1,3})' : `(\\d{${count}})`;
  }
}

function buildParser(tokens: Token[], fields: { letter: string; count: number }[]): string {
  return tokens
    .map((t) => {
      if (t.kind === 'text') return escapeRe(t.text);
      if (t.kind === 'optional') return `(?:${buildParser(t.tokens, fields)})?`;
      fields.push({ letter: t.letter, count: t.count });
      return fieldRegex(t.letter, t.count);
    })
    .join('');
}

function parseOffset(text: string): number {
  if (text === 'Z' || text === 'GMT') return 0;
  const m = /([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** Wall-clock fields in `zone` → epoch millis (two passes settle DST transitions). */
function localToEpoch(local: number, zone: Zone): number {
  let guess = local - offsetAt(zone, local) * 60000;
  guess = local - offsetAt(zone, guess) * 60000;
  return guess;
}

export function parseFormatted(text: string, pattern: string, timezone?: string | null): number {
  const fields: { letter: string; count: number }[] = [];
  const re = new RegExp('^' + buildParser(tokenize(String(pattern)), fields) + '$');
  const m = re.exec(String(text));
  if (!m) throw new AppSyncJsRuntimeError(`Text '${text}' could not be parsed with pattern '${pattern}'`);
  let year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
  let pm: boolean | undefined;
  let hour12: number | undefined;
  let offsetMin: number | undefined;
  let zone = zoneOf(timezone);
  fields.forEach(({ letter, count }, i) => {
    const v = m[i + 1];
    if (v === undefined) return;
    switch (letter) {
      case 'u': case 'y': year = count === 2 ? 2000 + Number(v) : Number(v); break;
      case 'M': case 'L': month = count >= 3 ? MONTHS.findIndex((n) => n.startsWith(v)) + 1 : Number(v); break;
      case 'd': day = Number(v); break;
      case 'H': case 'k': hour = Number(v) % 24; break;
      case 'h': case 'K': hour12 = Number(v) % 12; break;
      case 'a': pm = v.toUpperCase() === 'PM'; break;
      case 'm': minute = Number(v); break;
      case 's': second = Number(v); break;
      case 'S': millis = Math.floor(Number(v.padEnd(9, '0')) / 1e6); break;
      case 'X': case 'x': case 'Z': case 'O': offsetMin = parseOffset(v); break;
      case 'z': case 'V': zone = zoneOf(v); break;
    }
  });
  if (hour12 !== undefined) hour = hour12 + (pm ? 12 : 0);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new AppSyncJsRuntimeError(`Text '${text}' could not be parsed: invalid date`);
  }
  return offsetMin !== undefined ? local - offsetMin * 60000 : localToEpoch(local, zone);
}

const ISO_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** ISO 8601 with an offset or Z, as Java's ISO_DATE_TIME/ISO_OFFSET_DATE_TIME parse it. */
export function parseISO8601(text: string): number {
  const m = ISO_RE.exec(String(text));
  if (!m) throw new AppSyncJsRuntimeError(`Text '${text}' could not be parsed as an ISO 8601 date-time`);
  const frac = (m[4] ?? '').padEnd(3, '0').slice(0, 3);
  const offset = m[5] === 'Z' ? 'Z' : m[5].length === 5 ? m[5].slice(0, 3) + ':' + m[5].slice(3) : m[5];
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3] ?? '00'}.${frac}${offset}`);
  if (Number.isNaN(ms)) throw new AppSyncJsRuntimeError(`Text '${text}' could not be parsed as an ISO 8601 date-time`);
  return ms;
}

/** Java's Instant.toString (ISO_INSTANT): the fraction is printed only when non-zero, in groups of 3. */
export function toISO8601(ms: number): string {
  requireNumber(ms);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

function requireNumber(ms: unknown): asserts ms is number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new AppSyncJsRuntimeError(`Expected epoch milliseconds, got ${JSON.stringify(ms)}`);
}

export function createTimeUtils(now: () => number = Date.now) {
  return {
    nowISO8601: () => toISO8601(now()),
    nowEpochSeconds: () => Math.floor(now() / 1000),
    nowEpochMilliSeconds: () => now(),
    nowFormatted: (pattern: string, timezone?: string) => formatEpochMillis(now(), pattern, timezone),
    parseFormattedToEpochMilliSeconds: (text: string, pattern: string, timezone?: string) => parseFormatted(text, pattern, timezone),
    parseISO8601ToEpochMilliSeconds: (text: string) => parseISO8601(text),
    epochMilliSecondsToSeconds: (ms: number) => { requireNumber(ms); return Math.floor(ms / 1000); },
    epochMilliSecondsToISO8601: (ms: number) => toISO8601(ms),
    epochMilliSecondsToFormatted: (ms: number, pattern: string, timezone?: string) => formatEpochMillis(ms, pattern, timezone),
  };
}
