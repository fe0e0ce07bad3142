/**
 * The load: N virtual users run a team's workflow on the seeded demo project through the real GraphQL
 * API (boards, creating and editing cards, moves, assignments, comments, time, attachments, archive and
 * restore, deletes, sprints), for a fixed time or request count. Every acknowledged write (HTTP 200,
 * data, no error) goes into the ledger the invariant checker (stress/invariants.ts) reads afterwards.
 * A request that got no answer, or a 5xx, is "unknown": it may or may not have been applied.
 *
 * Conflicts (a stale expectedVersion, two writers on one card) are part of the workflow and are counted,
 * not failures. Demo users (local/config.ts): the project ADMIN and MEMBER write, the VIEWER reads.
 */
import { ADMIN, MEMBER, VIEWER, subOf, type Gql, type Target } from './target.ts';

/** A random source: fixed seed for the tests, any seed for `npm run stress`. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}
export type Rng = ReturnType<typeof rng>;

/** Task mutations that append exactly one history entry to the task's partition when they write. */
export const TASK_HISTORY_OPS = new Set([
  'createTask', 'updateTask', 'moveTask', 'assignTask', 'archiveTask', 'restoreTask',
  'addComment', 'updateComment', 'deleteComment', 'logTime', 'createAttachmentUpload', 'confirmAttachmentUpload', 'deleteAttachment',
]);
/** Of those, the ones that bump the task's own version. */
export const VERSION_OPS = new Set(['updateTask', 'moveTask', 'assignTask', 'archiveTask', 'restoreTask', 'logTime']);

export interface Ack {
  op: string;
  user: string;
  taskId?: string;
  /** The child the write created or removed (comment, time entry, attachment), or the sprint/story id. */
  childId?: string;
  /** The task's (or sprint's) version the answer carried. */
  version?: number;
  /** The write answered without changing anything (e.g. assigning the current assignee). */
  noop?: boolean;
  at: number;
}

export interface Ledger {
  projectId: string;
  acks: Ack[];
  /** Writes whose outcome is unknown (no answer, or 5xx), by task id ('' when not about one task). */
  unknown: Map<string, number>;
  requests: number;
  reads: number;
  writesTried: number;
  conflicts: number;
  refusals: Record<string, number>;
  status: Record<string, number>;
  /** Every 5xx or non-JSON answer (should stay empty outside a fault window). */
  bad: string[];
  /** Tasks a deleteTask of unknown outcome was sent for: they may rightly be gone. */
  unknownDeletes: Set<string>;
  /**
   * When DynamoDB Local was terminated (the faults push these; the runtime's kill takes its Java with it).
   * DynamoDB Local may answer a write and lose it when it is killed within milliseconds of that answer
   * (stress/dynamodb-local-durability.ts measures it), so writes acknowledged that close to a kill are
   * reported apart.
   */
  storeKills: number[];
  /** The first few refusals of each type a user does not cause (not a conflict, validation or not-found), and whether a fault window was open. */
  odd: Record<string, string[]>;
}

export interface LoadOptions {
  users: number;
  durationMs: number;
  /** Stop after this many requests in all (bound for the tests). */
  maxRequests?: number;
  seed: number;
  /** Called while the load runs (faults are injected from here); the load keeps going meanwhile. */
  during?: (ledger: Ledger) => Promise<void>;
  /** Answers in this state are counted but not reported as bad (a fault window is open). */
  faultWindow?: () => boolean;
}

export interface Demo {
  projectId: string;
  storyIds: string[];
  sprintIds: string[];
  subs: Record<string, string>;
}

export async function demoProject(t: Target): Promise<Demo> {
  const projects = (await t.must(ADMIN, '{ myProjects { items { id key activeSprintId } } }')).myProjects.items as { id: string; key: string }[];
  const demo = projects.find((p) => p.key === 'DEMO');
  if (!demo) throw new Error('the seeded demo project (key DEMO) is missing: start the stack with its seed');
  const stories = (await t.must(ADMIN, 'query($p: ID!) { storiesByProject(projectId: $p, limit: 50) { items { id } } }', { p: demo.id })).storiesByProject.items as { id: string }[];
  const sprints = (await t.must(ADMIN, 'query($p: ID!) { sprintsByProject(projectId: $p, limit: 50) { items { id state } } }', { p: demo.id })).sprintsByProject.items as { id: string; state: string }[];
  const subs: Record<string, string> = {};
  for (const u of [ADMIN, MEMBER, VIEWER]) subs[u] = subOf(await t.token(u));
  return { projectId: demo.id, storyIds: stories.map((s) => s.id), sprintIds: sprints.filter((s) => s.state !== 'COMPLETED').map((s) => s.id), subs };
}

const STATUSES = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'] as const;
const TASK_FIELDS = 'id projectId status version assigneeId storyId sprintId archived';

export async function runLoad(t: Target, demo: Demo, opts: LoadOptions): Promise<Ledger> {
  const ledger: Ledger = { projectId: demo.projectId, acks: [], unknown: new Map(), requests: 0, reads: 0, writesTried: 0, conflicts: 0, refusals: {}, status: {}, bad: [], odd: {}, unknownDeletes: new Set(), storeKills: [] };
  const deadline = Date.now() + opts.durationMs;
  const budgetLeft = () => Date.now() < deadline && (opts.maxRequests === undefined || ledger.requests < opts.maxRequests);
  /** Live tasks the load knows (created by it); deleted ones leave. */
  const pool: string[] = [];
  const deleted = new Set<string>();
  const comments: { taskId: string; id: string; user: string }[] = [];
  const sprints = [...demo.sprintIds];

  async function call(user: string, query: string, variables: Record<string, unknown>, write: { op: string; taskId?: string } | null): Promise<Gql | null> {
    ledger.requests += 1;
    if (write) ledger.writesTried += 1;
    else ledger.reads += 1;
    const r = await t.as(user, query, variables).catch((e: unknown) => ({ status: -1, json: null, body: String(e) }));
    ledger.status[String(r.status)] = (ledger.status[String(r.status)] ?? 0) + 1;
    const inFault = opts.faultWindow?.() ?? false;
    /** The write may or may not have been applied. */
    const unknownOutcome = (w: { op: string; taskId?: string }) => {
      ledger.unknown.set(w.taskId ?? '', (ledger.unknown.get(w.taskId ?? '') ?? 0) + 1);
      if (w.op === 'deleteTask' && w.taskId) ledger.unknownDeletes.add(w.taskId);
    };
    if (r.status !== 200 || !r.json) {
      if (write && (r.status === -1 || r.status >= 500)) unknownOutcome(write);
      if (!inFault && (r.status === -1 || r.status >= 500 || !r.json)) ledger.bad.push(`${write?.op ?? 'read'}: HTTP ${r.status} ${r.body.slice(0, 160)}`);
      // While the stack is down, a user waits a little before trying again (as a client backs off)
      // instead of spinning on refused connections and starving the restart.
      if (inFault) await new Promise((resolve) => setTimeout(resolve, 250));
      return null;
    }
    const errs = r.json.errors ?? [];
    if (errs.length) {
      const type = errs[0]!.errorType ?? 'none';
      if (type === 'ConflictError') ledger.conflicts += 1;
      else ledger.refusals[type] = (ledger.refusals[type] ?? 0) + 1;
      const userCaused = /ConflictError|NotFound|ValidationError|Unauthorized/.test(type);
      if (!userCaused) {
        const seen = (ledger.odd[type] ??= []);
        if (seen.length < 5) seen.push(`${inFault ? 'in a fault window' : 'OUTSIDE any fault window'}: ${write?.op ?? 'read'}: ${errs[0]!.message.slice(0, 160)}`);
        // Outside a fault, an internal failure is the runtime's or a resolver's defect.
        if (!inFault && /InternalFailure/.test(type)) ledger.bad.push(`${write?.op ?? 'read'}: ${type}: ${errs[0]!.message.slice(0, 160)}`);
      }
      // A write that failed inside the data source may still have been applied only if the store
      // itself failed mid-request (a fault): count it as unknown then.
      if (write && inFault && !userCaused) unknownOutcome(write);
      return null;
    }
    return r.json;
  }

  function ack(a: Omit<Ack, 'at'>): void {
    ledger.acks.push({ ...a, at: Date.now() });
  }

  async function readTask(user: string, id: string) {
    const r = await call(user, `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`, { id }, null);
    return (r?.data?.task ?? null) as { id: string; status: string; version: number; assigneeId: string | null; archived: boolean } | null;
  }

  async function step(user: string, r: Rng): Promise<void> {
    const roll = r.next();
    const target = pool.length ? r.pick(pool) : null;
    if (roll < 0.16 || !target) {
      const input = {
        projectId: demo.projectId,
        title: `load ${r.int(1e9)}`,
        estimatePoints: r.int(3) === 0 ? null : r.int(9),
        storyId: r.int(2) === 0 ? r.pick(demo.storyIds) : null,
        sprintId: r.int(2) === 0 && sprints.length ? r.pick(sprints) : null,
        assigneeId: r.pick([demo.subs[ADMIN], demo.subs[MEMBER], null]),
        labels: r.int(2) ? ['load'] : [],
      };
      const res = await call(user, `mutation($i: CreateTaskInput!) { createTask(input: $i) { ${TASK_FIELDS} } }`, { i: input }, { op: 'createTask' });
      const task = res?.data?.createTask;
      if (task) {
        pool.push(task.id);
        ack({ op: 'createTask', user, taskId: task.id, version: task.version });
      }
      return;
    }
    if (roll < 0.3) {
      // The board: a column of the active sprint, as the VIEWER or the writer.
      await call(r.int(2) ? VIEWER : user, 'query($p: ID!, $s: TaskStatus!) { tasksByStatus(projectId: $p, status: $s, limit: 50) { items { id rank version } nextToken } }', { p: demo.projectId, s: r.pick(STATUSES) }, null);
      return;
    }
    const before = await readTask(user, target);
    if (!before) return;
    const taskOp = async (op: string, query: string, variables: Record<string, unknown>) => {
      const res = await call(user, query, variables, { op, taskId: target });
      const after = res?.data?.[op] as { version: number } | undefined;
      if (!after) return;
      ack({ op, user, taskId: target, version: after.version, noop: after.version === before.version });
    };
    if (roll < 0.42) {
      await taskOp('moveTask', `mutation($i: MoveTaskInput!) { moveTask(input: $i) { ${TASK_FIELDS} } }`, {
        i: { id: target, status: r.pick(STATUSES.filter((s) => s !== before.status)), afterId: r.int(3) === 0 && pool.length > 1 ? r.pick(pool) : undefined },
      });
    } else if (roll < 0.52) {
      await taskOp('updateTask', `mutation($i: UpdateTaskInput!) { updateTask(input: $i) { ${TASK_FIELDS} } }`, {
        i: {
          id: target,
          expectedVersion: before.version,
          title: `edited ${r.int(1e9)}`,
          ...(r.int(2) ? { estimatePoints: r.int(13) } : {}),
          ...(r.int(3) === 0 ? { storyId: r.int(2) ? r.pick(demo.storyIds) : null } : {}),
          ...(r.int(3) === 0 && sprints.length ? { sprintId: r.int(2) ? r.pick(sprints) : null } : {}),
        },
      });
    } else if (roll < 0.58) {
      const next = r.pick([demo.subs[ADMIN], demo.subs[MEMBER], null].filter((s) => s !== before.assigneeId));
      await taskOp('assignTask', `mutation($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ${TASK_FIELDS} } }`, { id: target, a: next });
    } else if (roll < 0.7) {
      const res = await call(user, 'mutation($i: AddCommentInput!) { addComment(input: $i) { id taskId } }', { i: { taskId: target, body: `comment ${r.int(1e9)}` } }, { op: 'addComment', taskId: target });
      const c = res?.data?.addComment;
      if (c) {
        comments.push({ taskId: target, id: c.id, user });
        ack({ op: 'addComment', user, taskId: target, childId: c.id });
      }
    } else if (roll < 0.73 && comments.length) {
      const i = r.int(comments.length);
      const c = comments[i]!;
      const res = await call(c.user, 'mutation($t: ID!, $id: ID!) { deleteComment(taskId: $t, id: $id) { id } }', { t: c.taskId, id: c.id }, { op: 'deleteComment', taskId: c.taskId });
      if (res?.data?.deleteComment) {
        comments.splice(i, 1);
        ack({ op: 'deleteComment', user: c.user, taskId: c.taskId, childId: c.id });
      }
    } else if (roll < 0.83) {
      const res = await call(user, 'mutation($i: LogTimeInput!) { logTime(input: $i) { id taskId minutes } }', { i: { taskId: target, minutes: 1 + r.int(120), workDate: new Date().toISOString().slice(0, 10) } }, { op: 'logTime', taskId: target });
      const e = res?.data?.logTime;
      if (e) ack({ op: 'logTime', user, taskId: target, childId: e.id });
    } else if (roll < 0.87) {
      const op = before.archived ? 'restoreTask' : 'archiveTask';
      await taskOp(op, `mutation($id: ID!) { ${op}(id: $id) { ${TASK_FIELDS} } }`, { id: target });
    } else if (roll < 0.9) {
      await attach(user, target, r);
    } else if (roll < 0.925) {
      const res = await call(user, 'mutation($id: ID!) { deleteTask(id: $id) { id } }', { id: target }, { op: 'deleteTask', taskId: target });
      if (res?.data?.deleteTask) {
        pool.splice(pool.indexOf(target), 1);
        deleted.add(target);
        ack({ op: 'deleteTask', user, taskId: target });
      }
    } else if (roll < 0.95) {
      const res = await call(user, 'mutation($i: CreateSprintInput!) { createSprint(input: $i) { id version } }', { i: { projectId: demo.projectId, name: `Load sprint ${r.int(1e6)}` } }, { op: 'createSprint' });
      const s = res?.data?.createSprint;
      if (s) {
        sprints.push(s.id);
        ack({ op: 'createSprint', user, childId: s.id, version: s.version });
      }
    } else if (roll < 0.97 && sprints.length) {
      const id = r.pick(sprints);
      const s = (await call(user, 'query($id: ID!) { sprint(id: $id) { id version } }', { id }, null))?.data?.sprint;
      if (!s) return;
      const res = await call(user, 'mutation($i: UpdateSprintInput!) { updateSprint(input: $i) { id version } }', { i: { id, expectedVersion: s.version, goal: `goal ${r.int(1e6)}` } }, { op: 'updateSprint' });
      const u = res?.data?.updateSprint;
      if (u) ack({ op: 'updateSprint', user, childId: id, version: u.version });
    } else {
      // "My tasks" and the task's history, as its reader sees them.
      await call(user, 'query($a: ID!) { tasksByAssignee(assigneeId: $a, limit: 20) { items { id } } }', { a: demo.subs[user] }, null);
      await call(VIEWER, 'query($t: ID!) { activityByTask(taskId: $t, limit: 20) { items { id action } nextToken } }', { t: target }, null);
    }
  }

  /** An attachment: the upload URL, the bytes POSTed to the local S3 server, then the confirmation. */
  async function attach(user: string, taskId: string, r: Rng): Promise<void> {
    const bytes = Buffer.from(`attachment ${r.int(1e9)}\n`);
    const res = await call(user, 'mutation($i: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $i) { attachment { id } url fields } }', { i: { taskId, fileName: 'notes.txt', contentType: 'text/plain', size: bytes.length } }, { op: 'createAttachmentUpload', taskId });
    const up = res?.data?.createAttachmentUpload as { attachment: { id: string }; url: string; fields: string } | undefined;
    if (!up) return;
    ack({ op: 'createAttachmentUpload', user, taskId, childId: up.attachment.id });
    const form = new FormData();
    for (const [k, v] of Object.entries(JSON.parse(up.fields) as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([bytes], { type: 'text/plain' }), 'notes.txt');
    const put = await fetch(up.url, { method: 'POST', body: form }).catch(() => null);
    if (!put || put.status >= 300) return;
    const ok = await call(user, 'mutation($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { id status } }', { t: taskId, id: up.attachment.id }, { op: 'confirmAttachmentUpload', taskId });
    if (ok?.data?.confirmAttachmentUpload) ack({ op: 'confirmAttachmentUpload', user, taskId, childId: up.attachment.id });
  }

  const writers = [ADMIN, MEMBER];
  const vus = Array.from({ length: opts.users }, async (_, i) => {
    const r = rng(opts.seed * 1000 + i);
    const user = writers[i % writers.length]!;
    while (budgetLeft()) await step(user, r);
  });
  const during = opts.during ? opts.during(ledger) : Promise.resolve();
  await Promise.all([...vus, during]);
  return ledger;
}
