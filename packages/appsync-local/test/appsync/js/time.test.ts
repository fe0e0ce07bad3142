/**
 * util.time conformance: each case calls util.time from resolver code through the local EvaluateCode
 * and names where its expected result comes from.
 *   DG  = AppSync developer guide, "Time helpers in $util.time" (time-helpers-in-util-time), section named.
 *   JD  = Java 8 DateTimeFormatter Javadoc ("Patterns for Formatting and Parsing", "Resolving",
 *         predefined formatters), or the Javadoc of the java.time class named. No recorded AppSync output
 *         exists for these; the behaviour is java.time's own.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCode } from '../../../src/appsync/js/index.ts';
import { parseCommonISO8601, parseISO8601Java } from '../../../src/appsync/js/util/time.ts';
import { bundle } from './helpers.ts';

const code = bundle(
  "import { util } from '@aws-appsync/utils';\n" +
    'export function request(ctx) { const a = ctx.args.a; return util.time[ctx.args.fn](a[0], a[1], a[2]); }\n' +
    'export function response(ctx) { return ctx.result; }',
);

type Fn = 'epochMilliSecondsToFormatted' | 'parseFormattedToEpochMilliSeconds' | 'parseISO8601ToEpochMilliSeconds' | 'epochMilliSecondsToISO8601' | 'epochMilliSecondsToSeconds' | 'nowFormatted' | 'nowISO8601' | 'nowEpochSeconds' | 'nowEpochMilliSeconds';

function call(fn: Fn, ...a: unknown[]): { value?: unknown; error?: string; codeErrorType?: string } {
  const out = evaluateCode({ code, context: JSON.stringify({ arguments: { fn, a } }), function: 'request', runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } });
  if (out.error) return { error: out.error.message, codeErrorType: out.error.codeErrors?.[0]?.errorType };
  return { value: out.evaluationResult === undefined ? undefined : JSON.parse(out.evaluationResult) };
}

interface Case { source: string; fn: Fn; args: unknown[]; value?: unknown; error?: RegExp }

const T = 1517943695758; // DG "Conversion examples": 2018-02-06T19:01:35.758Z
const SUMMER = Date.UTC(2018, 6, 11, 22, 14, 45); // 2018-07-11T15:14:15 at -07:00:30 (DG scalars example)

const cases: Case[] = [
  // Recorded in the developer guide.
  { source: 'DG Conversion examples', fn: 'epochMilliSecondsToSeconds', args: [T], value: 1517943695 },
  { source: 'DG Conversion examples', fn: 'epochMilliSecondsToISO8601', args: [T], value: '2018-02-06T19:01:35.758Z' },
  { source: 'DG Conversion examples', fn: 'epochMilliSecondsToFormatted', args: [T, 'yyyy-MM-dd HH:mm:ssZ'], value: '2018-02-06 19:01:35+0000' },
  { source: 'DG Conversion examples', fn: 'epochMilliSecondsToFormatted', args: [T, 'yyyy-MM-dd HH:mm:ssZ', '+08:00'], value: '2018-02-07 03:01:35+0800' },
  { source: 'DG Standalone function examples (nowFormatted with Australia/Perth)', fn: 'epochMilliSecondsToFormatted', args: [T, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth'], value: '2018-02-07 03:01:35+0800' },
  { source: 'DG Parsing examples', fn: 'parseISO8601ToEpochMilliSeconds', args: ['2018-02-01T17:21:05.180+08:00'], value: 1517476865180 },
  { source: 'DG Parsing examples', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ'], value: 1517505562000 },
  { source: 'DG Parsing examples', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00'], value: 1517505562000 },
  { source: 'DG Usage with AWS AppSync defined scalars (optional section, offset with seconds)', fn: 'epochMilliSecondsToFormatted', args: [SUMMER, 'yyyy-MM-dd[XXX]', '-07:00:30'], value: '2018-07-11-07:00' },
  { source: 'DG Usage with AWS AppSync defined scalars (offset with seconds)', fn: 'epochMilliSecondsToFormatted', args: [SUMMER, "yyyy-MM-dd'T'HH:mm:ss[XXXXX]", '-07:00:30'], value: '2018-07-11T15:14:15-07:00:30' },

  // Text fields (English, as Java's default locale on AppSync; DG examples print English).
  { source: 'JD pattern letters E d M y a (Text, Number, Month)', fn: 'epochMilliSecondsToFormatted', args: [T, "EEE, d MMM yyyy 'at' h:mm a", 'America/New_York'], value: 'Tue, 6 Feb 2018 at 2:01 PM' },
  { source: 'JD pattern letters E M G (full text)', fn: 'epochMilliSecondsToFormatted', args: [T, 'EEEE, MMMM d, yyyy GGGG'], value: 'Tuesday, February 6, 2018 Anno Domini' },
  { source: 'JD pattern letters Q L E (short/narrow text)', fn: 'epochMilliSecondsToFormatted', args: [T, 'QQQ LLL EEEEE'], value: 'Q1 Feb T' },
  { source: 'JD pattern letters Y w D (week-based year, day-of-year; en_US weeks)', fn: 'epochMilliSecondsToFormatted', args: [Date.UTC(2018, 11, 31), 'YYYY-ww DDD'], value: '2019-01 365' },
  { source: 'JD pattern letters E M (text parsing)', fn: 'parseFormattedToEpochMilliSeconds', args: ['Tue, 6 Feb 2018 14:01', 'EEE, d MMM yyyy HH:mm', 'America/New_York'], value: Date.UTC(2018, 1, 6, 19, 1) },

  // Optional sections and literals.
  { source: 'JD optional section [ ] (formatting prints it)', fn: 'epochMilliSecondsToFormatted', args: [T, "yyyy-MM-dd['T'HH:mm]"], value: '2018-02-06T19:01' },
  { source: 'JD optional section [ ] (parsing without it)', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-02-06 19:01', 'yyyy-MM-dd HH:mm[:ss]'], value: Date.UTC(2018, 1, 6, 19, 1) },
  { source: 'JD optional section [ ] (parsing with it)', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-02-06 19:01:35', 'yyyy-MM-dd HH:mm[:ss]'], value: Date.UTC(2018, 1, 6, 19, 1, 35) },
  { source: "JD literals: '' is a single quote", fn: 'epochMilliSecondsToFormatted', args: [T, "''yy'' 'o''clock' h"], value: "'18' o'clock 7" },
  { source: 'JD literals: unterminated quote', fn: 'epochMilliSecondsToFormatted', args: [T, "yyyy 'at"], error: /RuntimeError: Pattern ends with an incomplete string literal: yyyy 'at/ },
  { source: 'JD reserved letters', fn: 'epochMilliSecondsToFormatted', args: [T, 'yyyy bb'], error: /RuntimeError: Unknown pattern letter: b/ },

  // Fixed offsets and IANA zones.
  { source: 'JD offset letters X x Z O with a fixed offset', fn: 'epochMilliSecondsToFormatted', args: [T, 'X xxx Z O OOOO ZZZZZ', '+05:30'], value: '+0530 +05:30 +0530 GMT+5:30 GMT+05:30 +05:30' },
  { source: 'JD offset letters X x with zero offset', fn: 'epochMilliSecondsToFormatted', args: [T, 'X XXX x O'], value: 'Z Z +00 GMT' },
  { source: 'JD zone id VV', fn: 'epochMilliSecondsToFormatted', args: [T, 'VV', 'America/New_York'], value: 'America/New_York' },
  { source: 'JD IANA zone with daylight saving', fn: 'epochMilliSecondsToFormatted', args: [SUMMER, 'yyyy-MM-dd HH:mm xxx', 'Europe/Paris'], value: '2018-07-12 00:14 +02:00' },
  { source: 'JD zone id parsed from the text (VV)', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-02-06 14:01 America/New_York', 'yyyy-MM-dd HH:mm VV'], value: Date.UTC(2018, 1, 6, 19, 1) },
  { source: 'JD ZonedDateTime.ofLocal: a local time in a DST gap moves forward by the gap', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-03-11 02:30', 'yyyy-MM-dd HH:mm', 'America/New_York'], value: Date.UTC(2018, 2, 11, 7, 30) },
  { source: 'JD pattern letter z: the standard or daylight name at the instant', fn: 'epochMilliSecondsToFormatted', args: [T, 'z zzzz', 'America/New_York'], value: 'EST Eastern Standard Time' },
  { source: 'JD pattern letter z: the standard or daylight name at the instant', fn: 'epochMilliSecondsToFormatted', args: [SUMMER, 'z zzzz', 'America/New_York'], value: 'EDT Eastern Daylight Time' },
  { source: 'JD pattern letter z parses a zone name', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-07-11 18:14 EDT', 'yyyy-MM-dd HH:mm z'], value: Date.UTC(2018, 6, 11, 22, 14) },
  { source: 'JD ZoneOffset prints its id for z and VV (no timezone argument: UTC as ZoneOffset.UTC)', fn: 'epochMilliSecondsToFormatted', args: [T, 'z VV'], value: 'Z Z' },
  { source: 'JD ZoneId.of: region id that does not exist', fn: 'epochMilliSecondsToFormatted', args: [T, 'yyyy', 'Mars/Base'], error: /RuntimeError: Unknown time-zone ID: Mars\/Base/ },

  // Offsets with seconds.
  { source: 'JD XXXXX prints seconds when non-zero', fn: 'epochMilliSecondsToFormatted', args: [T, 'XXXXX xxxx', '-07:00:30'], value: '-07:00:30 -070030' },
  { source: 'JD ISO_OFFSET_DATE_TIME offset +HH:MM:ss', fn: 'parseISO8601ToEpochMilliSeconds', args: ['2018-07-11T15:14:15-07:00:30'], value: SUMMER },
  { source: 'JD XXXXX parses seconds', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-07-11T15:14:15-07:00:30', "yyyy-MM-dd'T'HH:mm:ssXXXXX"], value: SUMMER },
  { source: 'JD ZoneId.of accepts an offset with seconds', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-07-11 15:14:15', 'yyyy-MM-dd HH:mm:ss', '-07:00:30'], value: SUMMER },

  // ISO 8601 (ISO_OFFSET_DATE_TIME; Instant.toString for printing).
  { source: 'JD Instant.toString omits a zero fraction', fn: 'epochMilliSecondsToISO8601', args: [1517943695000], value: '2018-02-06T19:01:35Z' },
  { source: 'JD Instant.toString before the epoch', fn: 'epochMilliSecondsToISO8601', args: [-1], value: '1969-12-31T23:59:59.999Z' },
  { source: 'JD ISO_OFFSET_DATE_TIME: seconds optional, case-insensitive', fn: 'parseISO8601ToEpochMilliSeconds', args: ['2018-02-01t17:21z'], value: Date.UTC(2018, 1, 1, 17, 21) },
  { source: 'JD ISO_OFFSET_DATE_TIME: nanoseconds, truncated to millis', fn: 'parseISO8601ToEpochMilliSeconds', args: ['2018-02-01T17:21:05.123456789Z'], value: Date.UTC(2018, 1, 1, 17, 21, 5, 123) },
  { source: 'JD ISO_OFFSET_DATE_TIME: the offset needs a colon', fn: 'parseISO8601ToEpochMilliSeconds', args: ['2018-02-01T17:21:05.180+0800'], error: /RuntimeError: Text '2018-02-01T17:21:05.180\+0800' could not be parsed at index 23$/ },
  { source: 'JD ISO_OFFSET_DATE_TIME: an offset is required', fn: 'parseISO8601ToEpochMilliSeconds', args: ['2018-02-01T17:21:05'], error: /RuntimeError: Text '2018-02-01T17:21:05' could not be parsed at index 19$/ },
  { source: 'JD DateTimeParseException', fn: 'parseISO8601ToEpochMilliSeconds', args: ['yesterday'], error: /RuntimeError: Text 'yesterday' could not be parsed at index 0$/ },

  // Resolving (ResolverStyle.SMART, the default of ofPattern).
  { source: 'JD ResolverStyle.SMART: day-of-month 29-31 clamps to the month end', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-02-30 10:00', 'yyyy-MM-dd HH:mm'], value: Date.UTC(2018, 1, 28, 10) },
  { source: 'JD ResolverStyle.SMART: day-of-month 32 is invalid', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-02-32 10:00', 'yyyy-MM-dd HH:mm'], error: /RuntimeError: Text '2018-02-32 10:00' could not be parsed: Invalid value for DayOfMonth/ },
  { source: 'JD resolving: a day name that contradicts the date', fn: 'parseFormattedToEpochMilliSeconds', args: ['Wed, 6 Feb 2018 10:00', 'EEE, d MMM yyyy HH:mm'], error: /RuntimeError: Text 'Wed, 6 Feb 2018 10:00' could not be parsed: Conflict found/ },
  { source: 'JD ZonedDateTime.from: a date alone is not an instant', fn: 'parseFormattedToEpochMilliSeconds', args: ['2018-02-06', 'yyyy-MM-dd'], error: /RuntimeError: Text '2018-02-06' could not be parsed: Unable to obtain ZonedDateTime/ },

  // Arguments of the wrong type (Java would refuse them at the call).
  { source: 'epoch millis must be a number', fn: 'epochMilliSecondsToISO8601', args: ['soon'], error: /RuntimeError: .*epoch milliseconds/ },
  { source: 'pattern must be a string', fn: 'epochMilliSecondsToFormatted', args: [T, 42], error: /RuntimeError: .*pattern/ },
];

describe('util.time conformance (java.time rules)', () => {
  it.each(cases)('$fn $args ($source)', (c) => {
    const out = call(c.fn, ...c.args);
    if (c.error) {
      expect(out.value).toBeUndefined();
      expect(out.codeErrorType).toBe('RUNTIME_ERROR');
      expect(out.error).toMatch(c.error);
      expect(out.error).not.toMatch(/\n|Caused by|at index: \d+$|js-joda/);
    } else {
      expect(out).toEqual({ value: c.value });
    }
  });

  it('now* agree with the clock and print like the DG Standalone function examples', () => {
    const before = Date.now();
    const iso = call('nowISO8601').value as string;
    const ms = call('nowEpochMilliSeconds').value as number;
    const s = call('nowEpochSeconds').value as number;
    const year = call('nowFormatted', 'yyyy', 'Australia/Perth').value as string;
    const after = Date.now();
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
    expect(Date.parse(iso)).toBeGreaterThanOrEqual(before - (before % 1000));
    expect(Date.parse(iso)).toBeLessThanOrEqual(after);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
    expect(s).toBeGreaterThanOrEqual(Math.floor(before / 1000));
    expect(s).toBeLessThanOrEqual(Math.floor(after / 1000));
    expect([new Date(before + 8 * 3600_000).getUTCFullYear(), new Date(after + 8 * 3600_000).getUTCFullYear()]).toContain(Number(year));
  });
});

describe('parseISO8601ToEpochMilliSeconds fast path', () => {
  it('answers exactly as ISO_OFFSET_DATE_TIME wherever it answers', () => {
    let seed = 15;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const two = (n: number) => String(n).padStart(2, '0');
    let answered = 0;
    for (let i = 0; i < 3000; i++) {
      const frac = ['', '.5', '.180', '.123456789', '.1234'][rnd(5)];
      const offset = ['Z', '+08:00', '-07:30', '+18:00', '-18:01', '+14:60', '+00:00'][rnd(7)];
      const text = `${rnd(3) ? 2000 + rnd(40) : 900 + rnd(200)}-${two(rnd(14))}-${two(rnd(33))}T${two(rnd(26))}:${two(rnd(62))}:${two(rnd(62))}${frac}${offset}`;
      const fast = parseCommonISO8601(text);
      if (fast === undefined) continue;
      answered++;
      expect([text, fast]).toEqual([text, parseISO8601Java(text)]);
    }
    expect(answered).toBeGreaterThan(100);
    for (const text of ['2018-02-30T10:00:00Z', '2019-02-29T10:00:00Z', '2018-02-01T24:00:00Z', '2018-02-01T10:00:00+19:00', '0999-01-01T00:00:00Z']) {
      expect(parseCommonISO8601(text)).toBeUndefined();
    }
  });
});
