/**
 * util.time on java.time's own rules: js-joda is a port of java.time, so patterns (every letter,
 * padding, optional sections, literals), ResolverStyle.SMART, zones and offsets behave as on AppSync.
 * What is guaranteed and where each choice comes from: docs/util-time.md.
 *
 * The libraries load on first use, not at start-up; the IANA database (the largest part) only when
 * a region zone id can be involved. They are loaded through require so that js-joda and its plugins
 * share one instance of the core whatever the importer's module resolution (vitest, workers).
 */
import { createRequire } from 'node:module';
import type * as JodaCore from '@js-joda/core';
import { AppSyncJsRuntimeError } from '../errors.ts';

type Joda = typeof JodaCore;
const requireCjs = createRequire(import.meta.url);

let core: Joda | undefined;
let zonesLoaded = false;
let localeUS: unknown;

function joda(): Joda {
  return (core ??= requireCjs('@js-joda/core') as Joda);
}

function loadZones(): void {
  if (zonesLoaded) return;
  requireCjs('@js-joda/timezone');
  zonesLoaded = true;
}

/** Text fields (EEE, MMM, a, G, z…) print in English: Java's default locale on AppSync is en_US. */
function usLocale(): unknown {
  if (localeUS === undefined) {
    const { Locale } = requireCjs('@js-joda/locale') as { Locale: { US: unknown } };
    requireCjs('@js-joda/locale_en-us');
    javaZoneNames(joda());
    localeUS = Locale.US;
  }
  return localeUS;
}

/**
 * Java prints `z` as the standard or daylight name in force at the instant ("EST", "Eastern Daylight
 * Time"); js-joda's locale plugin always prints the generic one ("ET"). Swap in Java's choice.
 */
function javaZoneNames(j: Joda): void {
  const builder = new j.DateTimeFormatterBuilder() as unknown as { appendZoneText(style: unknown): unknown; _active: { _printerParsers: object[] } };
  builder.appendZoneText(j.TextStyle.SHORT);
  const proto = Object.getPrototypeOf(builder._active._printerParsers[0]) as Record<string, unknown>;
  const resolve = proto._cachedResolveZoneIdText as ((cldr: unknown, id: string, style: string, type: string) => string | undefined) | undefined;
  if (typeof resolve !== 'function' || proto.javaZoneNames) return;
  const genericPrint = proto.print as (context: unknown, buf: unknown) => boolean;
  proto.javaZoneNames = true;
  proto.print = function print(this: Record<string, unknown>, context: { getValueQuery(q: unknown): unknown; temporal(): JodaCore.TemporalAccessor }, buf: unknown): boolean {
    const zone = context.getValueQuery(j.TemporalQueries.zoneId()) as JodaCore.ZoneId | null;
    const temporal = context.temporal();
    if (!zone || zone.normalized() instanceof j.ZoneOffset || !temporal.isSupported(j.ChronoField.INSTANT_SECONDS)) return genericPrint.call(this, context, buf);
    const daylight = isDaylightSavings(j, zone, j.Instant.from(temporal));
    this._cachedResolveZoneIdText = (cldr: unknown, id: string, style: string) => resolve.call(this, cldr, id, style, daylight ? 'daylight' : 'standard');
    try {
      return genericPrint.call(this, context, buf);
    } finally {
      delete this._cachedResolveZoneIdText;
    }
  };
}

/**
 * ZoneRules.isDaylightSavings (offset ≠ standard offset), which the js-joda IANA data cannot answer:
 * the standard offset is taken as the smaller of the year's January and July offsets (a choice).
 */
function isDaylightSavings(j: Joda, zone: JodaCore.ZoneId, instant: JodaCore.Instant): boolean {
  const rules = zone.rules();
  const year = j.ZonedDateTime.ofInstant(instant, j.ZoneOffset.UTC).year();
  const at = (month: number) => rules.offset(j.LocalDateTime.of(year, month, 1, 0, 0).toInstant(j.ZoneOffset.UTC)).totalSeconds();
  return rules.offset(instant).totalSeconds() > Math.min(at(1), at(7));
}

/** js-joda's exceptions carry the parsed text and a cause's stack; AppSync shows Java's message. */
function javaMessage(err: unknown): string {
  const e = err as { message?: string; parsedString?: () => string; errorIndex?: () => number };
  let message = String(e?.message ?? err);
  if (typeof e?.parsedString === 'function' && typeof e.errorIndex === 'function') {
    const cut = message.indexOf(`: ${e.parsedString()}, at index: ${e.errorIndex()}`);
    if (cut >= 0) message = message.slice(0, cut);
  }
  return message.split('\n')[0];
}

function java<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppSyncJsRuntimeError) throw err;
    throw new AppSyncJsRuntimeError(javaMessage(err));
  }
}

// Ids ZoneId.of resolves without the region database: Z, ±offsets, UTC/GMT/UT with or without one.
const OFFSET_ID = /^(?:Z|[+-][0-9:]*|(?:UTC|GMT|UT)(?:[+-][0-9:]*)?)$/;

/** No timezone argument means ZoneOffset.UTC (a choice: docs/util-time.md); otherwise ZoneId.of's rules. */
function zoneOf(id: unknown): JodaCore.ZoneId {
  const j = joda();
  if (id === undefined || id === null) return j.ZoneOffset.UTC;
  if (typeof id !== 'string') throw new AppSyncJsRuntimeError(`Expected a time zone id string, got ${JSON.stringify(id)}`);
  if (!OFFSET_ID.test(id)) loadZones();
  return j.ZoneId.of(id);
}

const formatters = new Map<string, JodaCore.DateTimeFormatter>();

/** DateTimeFormatter.ofPattern(pattern) in the US locale, ResolverStyle.SMART (ofPattern's default). */
function formatterFor(pattern: unknown): JodaCore.DateTimeFormatter {
  if (typeof pattern !== 'string') throw new AppSyncJsRuntimeError(`Expected a date-time pattern string, got ${JSON.stringify(pattern)}`);
  let f = formatters.get(pattern);
  if (!f) {
    // Zone ids or names in the pattern can name any region when parsing.
    if (/[Vz]/.test(pattern)) loadZones();
    const withUS = (p: string) => {
      const locale = usLocale(); // before ofPattern: the plugin is what teaches it the text letters
      return (joda().DateTimeFormatter.ofPattern(p) as unknown as { withLocale(l: unknown): JodaCore.DateTimeFormatter }).withLocale(locale);
    };
    if (localeUS !== undefined) f = withUS(pattern);
    else {
      try {
        f = joda().DateTimeFormatter.ofPattern(pattern);
      } catch (err) {
        // Text and week fields need the locale data; purely numeric patterns never load it.
        if (!/@js-joda\/locale/.test(javaMessage(err))) throw err;
        f = withUS(pattern);
      }
    }
    if (formatters.size >= 256) formatters.clear();
    formatters.set(pattern, f);
  }
  return f;
}

/** Java takes a long: a fractional number is truncated, as a double-to-long conversion does (a choice). */
function instantOf(ms: unknown): JodaCore.Instant {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new AppSyncJsRuntimeError(`Expected epoch milliseconds, got ${JSON.stringify(ms)}`);
  return joda().Instant.ofEpochMilli(Math.trunc(ms));
}

export function formatEpochMillis(ms: number, pattern: string, timezone?: string | null): string {
  return java(() => {
    const instant = instantOf(ms);
    const formatter = formatterFor(pattern);
    return joda().ZonedDateTime.ofInstant(instant, zoneOf(timezone)).format(formatter);
  });
}

/**
 * ZonedDateTime.parse(text, ofPattern(pattern).withZone(zone)): a zone or offset in the text wins;
 * otherwise the local date-time is placed in `zone` (ofLocal: gaps move forward, overlaps take the
 * earlier offset). A text without a time of day is not an instant and fails, as in Java.
 */
export function parseFormatted(text: string, pattern: string, timezone?: string | null): number {
  return java(() => {
    const j = joda();
    if (typeof text !== 'string') throw new AppSyncJsRuntimeError(`Expected a date-time string, got ${JSON.stringify(text)}`);
    const formatter = formatterFor(pattern);
    const zone = zoneOf(timezone);
    const parsed = formatter.parse(text);
    try {
      const own = parsed.query(j.TemporalQueries.zone());
      const zdt = own ? j.ZonedDateTime.from(parsed) : j.ZonedDateTime.ofLocal(j.LocalDateTime.from(parsed), zone, null);
      return zdt.toInstant().toEpochMilli();
    } catch (err) {
      // Java's ZonedDateTime.parse reports a failed conversion as a parse failure of the text; the
      // dump of the parsed fields that follows in Java's message is left out (a choice).
      const reason = /^Unable to obtain/.test(javaMessage(err)) ? 'Unable to obtain ZonedDateTime from TemporalAccessor' : javaMessage(err);
      throw new AppSyncJsRuntimeError(`Text '${abbreviate(text)}' could not be parsed: ${reason}`);
    }
  });
}

const abbreviate = (text: string) => (text.length > 64 ? text.slice(0, 64) + '...' : text);

/** DateTimeFormatter.ISO_OFFSET_DATE_TIME: an offset (Z or ±HH:MM[:ss]) is required. */
export function parseISO8601(text: string): number {
  if (typeof text !== 'string') throw new AppSyncJsRuntimeError(`Expected an ISO 8601 date-time string, got ${JSON.stringify(text)}`);
  return parseCommonISO8601(text) ?? parseISO8601Java(text);
}

export function parseISO8601Java(text: string): number {
  return java(() => {
    const j = joda();
    return j.OffsetDateTime.parse(text, j.DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
  });
}

const COMMON_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Throughput only: the shape resolvers parse all day (what AWSDateTime and nowISO8601 print),
 * computed without the general parser, with ISO_OFFSET_DATE_TIME's STRICT field checks. Anything
 * else, or out of range, is undefined and goes to parseISO8601Java; test/appsync/js/time.test.ts
 * checks both agree.
 */
export function parseCommonISO8601(text: string): number | undefined {
  const m = COMMON_ISO.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const oh = Number(m[9] ?? 0), om = Number(m[10] ?? 0);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || om > 59 || oh > 18 || (oh === 18 && om > 0)) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, s, Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)));
  if (new Date(local).getUTCDate() !== d) return undefined;
  return local - (m[8] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
}

/** Instant.toString (ISO_INSTANT): the fraction is printed only when non-zero, in groups of 3. */
export function toISO8601(ms: number): string {
  return java(() => instantOf(ms).toString());
}

function toEpochSeconds(ms: number): number {
  return java(() => instantOf(ms).epochSecond());
}

export function createTimeUtils(now: () => number = Date.now) {
  return {
    nowISO8601: () => toISO8601(now()),
    nowEpochSeconds: () => toEpochSeconds(now()),
    nowEpochMilliSeconds: () => java(() => instantOf(now()).toEpochMilli()),
    nowFormatted: (pattern: string, timezone?: string) => formatEpochMillis(now(), pattern, timezone),
    parseFormattedToEpochMilliSeconds: (text: string, pattern: string, timezone?: string) => parseFormatted(text, pattern, timezone),
    parseISO8601ToEpochMilliSeconds: (text: string) => parseISO8601(text),
    epochMilliSecondsToSeconds: (ms: number) => toEpochSeconds(ms),
    epochMilliSecondsToISO8601: (ms: number) => toISO8601(ms),
    epochMilliSecondsToFormatted: (ms: number, pattern: string, timezone?: string) => formatEpochMillis(ms, pattern, timezone),
  };
}
