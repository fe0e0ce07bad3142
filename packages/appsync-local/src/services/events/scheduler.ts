/**
 * A local EventBridge Scheduler on the SDK's wire protocol (restJson1): schedules in schedule groups,
 * `at()`, `rate()` and `cron()` in a time zone, fired on time at least once to functions named by
 * their Lambda ARN, kept in a JSON file in the data folder.
 *
 *   const s = await startLocalScheduler({ region, accountId, stateFile, resolveTarget: (arn) => fn });
 *   new SchedulerClient({ endpoint: s.endpoint })   // AWS_ENDPOINT_URL_SCHEDULER
 *
 * - Time comes from `clock` (tests move a manual clock; the due check runs every `pollMs` of real time
 *   and on `tick()`), so accelerated time still goes through the whole path.
 * - A due schedule is delivered, retried on failure, and only then advanced (next time computed,
 *   or deleted with ActionAfterCompletion DELETE) and saved: a stop in between fires it again on the
 *   next start (at least once). Started after a stop, a schedule whose time passed meanwhile fires once.
 * Supported and unsupported parts: docs/local-services.md ("Scheduler").
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, readJsonFile, send, systemClock, withRetries, writeJsonFile, type Clock, type RetryPolicy, type TargetFunction } from './common.ts';
import { nextFireTime, parseScheduleExpression, ScheduleExpressionError, zoneOf, type ScheduleExpression } from './schedule-expressions.ts';

export interface LocalSchedulerOptions {
  region: string;
  accountId: string;
  /** JSON file the groups and schedules are kept in (null: memory only). */
  stateFile: string | null;
  /** The function a target ARN names (undefined: delivery fails, as for a missing function). */
  resolveTarget: (arn: string) => TargetFunction | undefined;
  host?: string;
  port?: number;
  clock?: Clock;
  /** Real milliseconds between due checks (default 1000). */
  pollMs?: number;
  /** Local bound on retries (a target's RetryPolicy.MaximumRetryAttempts is capped by it). */
  retry?: Partial<RetryPolicy>;
  onDeliveryFailure?: (failure: { scheduleArn: string; targetArn: string; error: unknown }) => void;
  /** Answer the API but fire nothing until `resume()` (a launcher starts the targets' dependencies first). */
  paused?: boolean;
}

export interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  RetryPolicy?: { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
  DeadLetterConfig?: { Arn?: string };
  [other: string]: unknown;
}

export interface StoredSchedule {
  Name: string;
  GroupName: string;
  Arn: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  StartDate?: number;
  EndDate?: number;
  Description?: string;
  State: 'ENABLED' | 'DISABLED';
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  Target: ScheduleTarget;
  ActionAfterCompletion: 'NONE' | 'DELETE';
  KmsKeyArn?: string;
  CreationDate: number;
  LastModificationDate: number;
  /** Next invocation (ms), null when none is left. */
  nextAt: number | null;
  /** Changes with every update (a delivery in flight does not advance a schedule changed meanwhile). */
  revision: string;
}

interface StoredGroup {
  Name: string;
  Arn: string;
  CreationDate: number;
  LastModificationDate: number;
}

interface State {
  groups: StoredGroup[];
  schedules: StoredSchedule[];
}

export interface Invocation {
  scheduleArn: string;
  targetArn: string;
  scheduledTime: number;
  attempt: number;
  ok: boolean;
}

export interface LocalScheduler {
  endpoint: string;
  port: number;
  /** Checks for due schedules now (otherwise every `pollMs`). */
  tick(): void;
  /** Starts firing (when started with `paused`). */
  resume(): void;
  schedules(): StoredSchedule[];
  /** Invocations so far, oldest first (each attempt). */
  invocations(): Invocation[];
  /** Resolves when no delivery is in flight. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly type: 'ValidationException' | 'ResourceNotFoundException' | 'ConflictException' | 'InternalServerException',
    message: string,
  ) {
    super(message);
  }
  get status(): number {
    return { ValidationException: 400, ResourceNotFoundException: 404, ConflictException: 409, InternalServerException: 500 }[this.type];
  }
}

const NAME = /^[0-9a-zA-Z-_.]{1,64}$/;
const validation = (message: string) => new ApiError('ValidationException', message);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** restJson1 timestamps: epoch seconds (ms kept internally). */
const toSeconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

export async function startLocalScheduler(opts: LocalSchedulerOptions): Promise<LocalScheduler> {
  const clock = opts.clock ?? systemClock;
  const localRetry: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 30_000, ...opts.retry };
  const groupArn = (name: string) => `arn:aws:scheduler:${opts.region}:${opts.accountId}:schedule-group/${name}`;
  const scheduleArn = (group: string, name: string) => `arn:aws:scheduler:${opts.region}:${opts.accountId}:schedule/${group}/${name}`;

  const loaded = opts.stateFile ? readJsonFile<State>(opts.stateFile, { groups: [], schedules: [] }) : { groups: [], schedules: [] };
  const groups = new Map(loaded.groups.map((g) => [g.Name, g]));
  if (!groups.has('default')) {
    const t = clock.now();
    groups.set('default', { Name: 'default', Arn: groupArn('default'), CreationDate: t, LastModificationDate: t });
  }
  const key = (group: string, name: string) => `${group}/${name}`;
  const schedules = new Map(loaded.schedules.map((s) => [key(s.GroupName, s.Name), s]));
  const log: Invocation[] = [];
  const firing = new Map<string, Promise<void>>();
  let stopped = false;
  let paused = opts.paused ?? false;

  function save(): void {
    if (opts.stateFile) writeJsonFile(opts.stateFile, { groups: [...groups.values()], schedules: [...schedules.values()] } satisfies State);
  }

  // ---- validation ------------------------------------------------------------------------------

  function checkName(value: unknown, what: string): string {
    if (typeof value !== 'string' || !NAME.test(value)) {
      throw validation(`1 validation error detected: Value '${String(value)}' at '${what}' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-zA-Z-_.]+`);
    }
    return value;
  }

  function groupOf(name: unknown): StoredGroup {
    const g = name === undefined || name === null || name === '' ? 'default' : checkName(name, 'groupName');
    const group = groups.get(g);
    if (!group) throw new ApiError('ResourceNotFoundException', `Schedule group ${g} does not exist.`);
    return group;
  }

  function timestamp(v: unknown, what: string): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw validation(`Invalid ${what}.`);
    return Math.round(v * 1000);
  }

  function parseInput(input: Record<string, unknown>, name: string, existing: StoredSchedule | undefined): StoredSchedule {
    const group = groupOf(input.GroupName);
    let expr: ScheduleExpression;
    try {
      expr = parseScheduleExpression(input.ScheduleExpression);
    } catch (err) {
      if (err instanceof ScheduleExpressionError) throw validation(err.message);
      throw err;
    }
    const tz = input.ScheduleExpressionTimezone;
    if (tz !== undefined && typeof tz !== 'string') throw validation('Invalid time zone.');
    try {
      zoneOf(tz);
    } catch (err) {
      throw validation((err as Error).message);
    }
    const ftw = input.FlexibleTimeWindow;
    if (!isRecord(ftw)) throw validation("1 validation error detected: Value null at 'flexibleTimeWindow' failed to satisfy constraint: Member must not be null");
    if (ftw.Mode !== 'OFF' && ftw.Mode !== 'FLEXIBLE') throw validation(`1 validation error detected: Value '${String(ftw.Mode)}' at 'flexibleTimeWindow.mode' failed to satisfy constraint: Member must satisfy enum value set: [OFF, FLEXIBLE]`);
    if (ftw.Mode === 'FLEXIBLE') {
      const w = ftw.MaximumWindowInMinutes;
      if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 1440) throw validation('MaximumWindowInMinutes must be between 1 and 1440 when Mode is FLEXIBLE.');
    } else if (ftw.MaximumWindowInMinutes !== undefined) throw validation('MaximumWindowInMinutes is only allowed when Mode is FLEXIBLE.');
    const target = input.Target;
    if (!isRecord(target)) throw validation("1 validation error detected: Value null at 'target' failed to satisfy constraint: Member must not be null");
    if (typeof target.Arn !== 'string' || target.Arn === '') throw validation("1 validation error detected: Value null at 'target.arn' failed to satisfy constraint: Member must not be null");
    if (typeof target.RoleArn !== 'string' || target.RoleArn === '') throw validation("1 validation error detected: Value null at 'target.roleArn' failed to satisfy constraint: Member must not be null");
    if (target.Input !== undefined && typeof target.Input !== 'string') throw validation('Target Input must be a string.');
    const state = input.State ?? 'ENABLED';
    if (state !== 'ENABLED' && state !== 'DISABLED') throw validation(`1 validation error detected: Value '${String(state)}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]`);
    const after = input.ActionAfterCompletion ?? 'NONE';
    if (after !== 'NONE' && after !== 'DELETE') throw validation(`1 validation error detected: Value '${String(after)}' at 'actionAfterCompletion' failed to satisfy constraint: Member must satisfy enum value set: [NONE, DELETE]`);
    const start = timestamp(input.StartDate, 'StartDate');
    const end = timestamp(input.EndDate, 'EndDate');
    if (start !== undefined && end !== undefined && end <= start) throw validation('The EndDate you specify must be after the StartDate.');
    const now = clock.now();
    if (end !== undefined && end <= now) throw validation('The EndDate you specify cannot be earlier than the current date.');
    const s: StoredSchedule = {
      Name: name,
      GroupName: group.Name,
      Arn: scheduleArn(group.Name, name),
      ScheduleExpression: input.ScheduleExpression as string,
      ...(typeof tz === 'string' ? { ScheduleExpressionTimezone: tz } : {}),
      ...(start !== undefined ? { StartDate: start } : {}),
      ...(end !== undefined ? { EndDate: end } : {}),
      ...(typeof input.Description === 'string' ? { Description: input.Description } : {}),
      State: state,
      FlexibleTimeWindow: ftw.Mode === 'FLEXIBLE' ? { Mode: 'FLEXIBLE', MaximumWindowInMinutes: ftw.MaximumWindowInMinutes as number } : { Mode: 'OFF' },
      Target: target as ScheduleTarget,
      ActionAfterCompletion: after,
      ...(typeof input.KmsKeyArn === 'string' ? { KmsKeyArn: input.KmsKeyArn } : {}),
      CreationDate: existing?.CreationDate ?? now,
      LastModificationDate: now,
      nextAt: null,
      revision: randomUUID(),
    };
    // Choice (docs/local-services.md): a one-time schedule whose time has already passed fires at once
    // rather than never, so a reminder created late is still delivered.
    s.nextAt = expr.kind === 'at' ? nextFireTime(expr, windowOf(s), -Infinity) : nextFireTime(expr, windowOf(s), now);
    return s;
  }

  function windowOf(s: StoredSchedule) {
    return { zone: zoneOf(s.ScheduleExpressionTimezone), createdAt: s.CreationDate, startDate: s.StartDate, endDate: s.EndDate };
  }

  function view(s: StoredSchedule) {
    return {
      Arn: s.Arn,
      Name: s.Name,
      GroupName: s.GroupName,
      ScheduleExpression: s.ScheduleExpression,
      ScheduleExpressionTimezone: s.ScheduleExpressionTimezone,
      StartDate: toSeconds(s.StartDate),
      EndDate: toSeconds(s.EndDate),
      Description: s.Description,
      State: s.State,
      FlexibleTimeWindow: s.FlexibleTimeWindow,
      Target: s.Target,
      ActionAfterCompletion: s.ActionAfterCompletion,
      KmsKeyArn: s.KmsKeyArn,
      CreationDate: toSeconds(s.CreationDate),
      LastModificationDate: toSeconds(s.LastModificationDate),
    };
  }

  function page<T>(items: T[], query: URLSearchParams): { items: T[]; next?: string } {
    const max = query.get('MaxResults') === null ? 100 : Number(query.get('MaxResults'));
    if (!Number.isInteger(max) || max < 1 || max > 100) throw validation(`1 validation error detected: Value '${query.get('MaxResults')}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
    const token = query.get('NextToken');
    let from = 0;
    if (token) {
      from = Number(Buffer.from(token, 'base64url').toString('utf8'));
      if (!Number.isInteger(from) || from < 0) throw validation('Invalid NextToken.');
    }
    const slice = items.slice(from, from + max);
    return { items: slice, ...(from + max < items.length ? { next: Buffer.from(String(from + max)).toString('base64url') } : {}) };
  }

  // ---- operations ------------------------------------------------------------------------------

  function createSchedule(name: string, input: Record<string, unknown>) {
    checkName(name, 'name');
    const s = parseInput(input, name, undefined);
    if (schedules.has(key(s.GroupName, name))) throw new ApiError('ConflictException', `Schedule ${name} already exists.`);
    schedules.set(key(s.GroupName, name), s);
    save();
    queueMicrotask(tick);
    return { ScheduleArn: s.Arn };
  }

  function updateSchedule(name: string, input: Record<string, unknown>) {
    checkName(name, 'name');
    const group = groupOf(input.GroupName);
    const existing = schedules.get(key(group.Name, name));
    if (!existing) throw new ApiError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
    const s = parseInput(input, name, existing);
    schedules.set(key(s.GroupName, name), s);
    save();
    queueMicrotask(tick);
    return { ScheduleArn: s.Arn };
  }

  function getSchedule(name: string, query: URLSearchParams) {
    checkName(name, 'name');
    const group = groupOf(query.get('groupName'));
    const s = schedules.get(key(group.Name, name));
    if (!s) throw new ApiError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
    return view(s);
  }

  function deleteSchedule(name: string, query: URLSearchParams) {
    checkName(name, 'name');
    const group = groupOf(query.get('groupName'));
    if (!schedules.delete(key(group.Name, name))) throw new ApiError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
    save();
    return {};
  }

  function listSchedules(query: URLSearchParams) {
    const group = query.get('ScheduleGroup');
    if (group !== null) groupOf(group);
    const prefix = query.get('NamePrefix');
    const state = query.get('State');
    const all = [...schedules.values()]
      .filter((s) => (group === null || s.GroupName === group) && (prefix === null || s.Name.startsWith(prefix)) && (state === null || s.State === state))
      .sort((a, b) => (a.GroupName + '/' + a.Name).localeCompare(b.GroupName + '/' + b.Name));
    const { items, next } = page(all, query);
    return {
      Schedules: items.map((s) => ({
        Arn: s.Arn,
        Name: s.Name,
        GroupName: s.GroupName,
        State: s.State,
        CreationDate: toSeconds(s.CreationDate),
        LastModificationDate: toSeconds(s.LastModificationDate),
        Target: { Arn: s.Target.Arn },
      })),
      ...(next ? { NextToken: next } : {}),
    };
  }

  const groupView = (g: StoredGroup) => ({ Arn: g.Arn, Name: g.Name, State: 'ACTIVE', CreationDate: toSeconds(g.CreationDate), LastModificationDate: toSeconds(g.LastModificationDate) });

  function createGroup(name: string) {
    checkName(name, 'name');
    if (groups.has(name)) throw new ApiError('ConflictException', `Schedule group ${name} already exists.`);
    const t = clock.now();
    groups.set(name, { Name: name, Arn: groupArn(name), CreationDate: t, LastModificationDate: t });
    save();
    return { ScheduleGroupArn: groupArn(name) };
  }

  function getGroup(name: string) {
    checkName(name, 'name');
    const g = groups.get(name);
    if (!g) throw new ApiError('ResourceNotFoundException', `Schedule group ${name} does not exist.`);
    return groupView(g);
  }

  function deleteGroup(name: string) {
    checkName(name, 'name');
    if (name === 'default') throw validation('Cannot delete the default schedule group.');
    if (!groups.delete(name)) throw new ApiError('ResourceNotFoundException', `Schedule group ${name} does not exist.`);
    // AWS deletes the group's schedules with it.
    for (const [k, s] of schedules) if (s.GroupName === name) schedules.delete(k);
    save();
    return {};
  }

  function listGroups(query: URLSearchParams) {
    const prefix = query.get('NamePrefix');
    const all = [...groups.values()].filter((g) => prefix === null || g.Name.startsWith(prefix)).sort((a, b) => a.Name.localeCompare(b.Name));
    const { items, next } = page(all, query);
    return { ScheduleGroups: items.map(groupView), ...(next ? { NextToken: next } : {}) };
  }

  // ---- firing ----------------------------------------------------------------------------------

  /** The target's payload: Input with Scheduler's context attributes filled in, parsed as JSON. */
  function payload(s: StoredSchedule, scheduledTime: number, executionId: string, attempt: number): unknown {
    if (s.Target.Input === undefined) return {};
    const text = s.Target.Input.replaceAll('<aws.scheduler.schedule-arn>', s.Arn)
      .replaceAll('<aws.scheduler.scheduled-time>', `${new Date(scheduledTime).toISOString().slice(0, 19)}Z`)
      .replaceAll('<aws.scheduler.execution-id>', executionId)
      .replaceAll('<aws.scheduler.attempt-number>', String(attempt));
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  async function fire(k: string, s: StoredSchedule): Promise<void> {
    const scheduledTime = s.nextAt!;
    const executionId = randomUUID();
    const maxRetries = Math.min(s.Target.RetryPolicy?.MaximumRetryAttempts ?? 185, localRetry.maxRetries);
    try {
      await withRetries(
        async (attempt) => {
          const fn = opts.resolveTarget(s.Target.Arn);
          try {
            if (!fn) throw new Error(`No function for target ${s.Target.Arn}`);
            await fn(payload(s, scheduledTime, executionId, attempt));
            log.push({ scheduleArn: s.Arn, targetArn: s.Target.Arn, scheduledTime, attempt, ok: true });
          } catch (err) {
            log.push({ scheduleArn: s.Arn, targetArn: s.Target.Arn, scheduledTime, attempt, ok: false });
            throw err;
          }
        },
        { ...localRetry, maxRetries },
        () => stopped,
      );
    } catch (error) {
      // Stopping mid-delivery leaves the schedule due: it fires again on the next start.
      if (stopped) return;
      opts.onDeliveryFailure?.({ scheduleArn: s.Arn, targetArn: s.Target.Arn, error });
    }
    const current = schedules.get(k);
    if (!current || current.revision !== s.revision) return; // changed or deleted meanwhile
    const now = clock.now();
    const next = nextFireTime(parseScheduleExpression(current.ScheduleExpression), windowOf(current), Math.max(now, scheduledTime));
    if (next === null && current.ActionAfterCompletion === 'DELETE') schedules.delete(k);
    else schedules.set(k, { ...current, nextAt: next });
    save();
  }

  function tick(): void {
    if (stopped || paused) return;
    const now = clock.now();
    for (const [k, s] of schedules) {
      if (s.State !== 'ENABLED' || s.nextAt === null || s.nextAt > now || firing.has(k)) continue;
      // A schedule still being delivered is not started again (its next time is computed after).
      const job = fire(k, s).finally(() => firing.delete(k));
      firing.set(k, job);
    }
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const reply = (status: number, body: unknown, type?: string) =>
      send(res, status, JSON.stringify(body), {
        'content-type': 'application/json',
        'x-amzn-requestid': randomUUID(),
        ...(type ? { 'x-amzn-errortype': type } : {}),
      });
    try {
      let input: Record<string, unknown> = {};
      if (req.method === 'POST' || req.method === 'PUT') {
        const text = (await readBody(req)).toString('utf8');
        try {
          input = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          throw validation('Request body is not valid JSON.');
        }
      }
      const [root, name, extra] = parts;
      let result: unknown;
      if (extra !== undefined) throw new ApiError('ResourceNotFoundException', `Unknown path ${url.pathname}`);
      if (root === 'schedules' && name !== undefined) {
        if (req.method === 'POST') result = createSchedule(name, input);
        else if (req.method === 'PUT') result = updateSchedule(name, input);
        else if (req.method === 'GET') result = getSchedule(name, url.searchParams);
        else if (req.method === 'DELETE') result = deleteSchedule(name, url.searchParams);
      } else if (root === 'schedules' && req.method === 'GET') result = listSchedules(url.searchParams);
      else if (root === 'schedule-groups' && name !== undefined) {
        if (req.method === 'POST') result = createGroup(name);
        else if (req.method === 'GET') result = getGroup(name);
        else if (req.method === 'DELETE') result = deleteGroup(name);
      } else if (root === 'schedule-groups' && req.method === 'GET') result = listGroups(url.searchParams);
      if (result === undefined) {
        reply(404, { Message: `The local Scheduler does not support ${req.method} ${url.pathname}` }, 'UnknownOperationException');
        return;
      }
      reply(200, result);
    } catch (err) {
      if (err instanceof ApiError) reply(err.status, { Message: err.message }, err.type);
      else reply(500, { Message: (err as Error).message }, 'InternalServerException');
    }
  }

  const http = await listen(handle, { host: opts.host, port: opts.port, name: 'The local Scheduler' });
  save();
  const timer = setInterval(tick, opts.pollMs ?? 1000);
  timer.unref();
  // What fell due while stopped fires once, now.
  queueMicrotask(tick);
  const drain = async () => {
    while (firing.size) await Promise.allSettled([...firing.values()]);
  };
  return {
    endpoint: http.endpoint,
    port: http.port,
    tick,
    resume() {
      paused = false;
      tick();
    },
    schedules: () => [...schedules.values()].map((s) => structuredClone(s)),
    invocations: () => [...log],
    drain,
    async stop() {
      clearInterval(timer);
      stopped = true;
      await http.close();
      await drain();
    },
  };
}
