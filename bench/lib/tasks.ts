/**
 * Generated Task items for the scale and report benchmarks, in the shape createTask stores
 * (resolvers/Mutation.createTask.write.ts: the GraphQL Task fields, `entity`, nulls kept), keyed only
 * through model/keys.ts (taskKey, taskIndexKeys: an index attribute that is null is left out, as the
 * resolvers do for the sparse indexes). Ranks come from the resolvers' own rank module, appended in
 * order. A deterministic generator: the same seed gives the same tasks.
 */
import { ENTITY, taskIndexKeys, taskKey, type TaskStatusKey } from '../../model/keys.ts';
import { rankBetween } from '../../resolvers/lib/rank.ts';
import { ulid } from './kit.ts';

export const STATUSES: TaskStatusKey[] = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'];

export interface GeneratedTask {
  entity: string;
  id: string;
  projectId: string;
  number: number;
  key: string;
  title: string;
  description: string | null;
  status: TaskStatusKey;
  priority: string;
  labels: string[];
  assigneeId: string | null;
  reporterId: string;
  storyId: string | null;
  sprintId: string | null;
  dueAt: string | null;
  estimatePoints: number | null;
  timeSpentMinutes: number;
  doneAt: string | null;
  rank: string;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TaskPlan {
  projectId: string;
  projectKey: string;
  reporterId: string;
  /** Task numbers from `firstNumber` on (the project's counter is not advanced: these are not created through the API). */
  firstNumber: number;
  count: number;
  /** The rank before the first task's (null: the top of the list). */
  afterRank: string | null;
  sprintId?: string | null;
  /** Picks the task's status, assignee, due date, points, done time. */
  shape(i: number, random: () => number): Pick<GeneratedTask, 'status' | 'assigneeId' | 'dueAt' | 'estimatePoints' | 'doneAt' | 'timeSpentMinutes'>;
  seed: number;
}

/** The tasks of a plan (lazily, so 100,000 never sit in memory twice) and the last rank given. */
export function* generateTasks(plan: TaskPlan, last: { rank: string | null } = { rank: null }): Generator<GeneratedTask> {
  const random = seededRandom(plan.seed);
  let rank = plan.afterRank;
  const now = new Date().toISOString();
  for (let i = 0; i < plan.count; i++) {
    const next = rankBetween(rank, null);
    if (next === null) throw new Error(`no rank after ${rank}`);
    rank = next;
    last.rank = rank;
    const number = plan.firstNumber + i;
    const shape = plan.shape(i, random);
    yield {
      entity: ENTITY.task,
      id: ulid(),
      projectId: plan.projectId,
      number,
      key: `${plan.projectKey}-${number}`,
      title: `Generated task ${number}`,
      description: null,
      priority: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'][Math.floor(random() * 4)]!,
      labels: [],
      reporterId: plan.reporterId,
      storyId: null,
      sprintId: plan.sprintId ?? null,
      rank,
      archived: false,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
      ...shape,
    };
  }
}

/** The item as stored: the task, its key and its index attributes (model/keys.ts). */
export function taskItem(t: GeneratedTask): Record<string, unknown> {
  const item: Record<string, unknown> = { ...taskKey(t.id), ...t };
  const index = taskIndexKeys({
    id: t.id,
    projectId: t.projectId,
    status: t.status,
    rank: t.rank,
    assigneeId: t.assigneeId,
    dueAt: t.dueAt,
    sprintId: t.sprintId,
    storyId: t.storyId,
  });
  for (const [k, v] of Object.entries(index)) if (v !== null) item[k] = v;
  return item;
}

export function* mapIter<A, B>(xs: Iterable<A>, f: (a: A) => B): Generator<B> {
  for (const x of xs) yield f(x);
}
