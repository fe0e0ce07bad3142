/**
 * The demo project a newcomer sees on first start, created through the API itself: each step is a
 * GraphQL request sent by a demo user signed in against cognito-local, through the same handler the
 * HTTPS listener uses (authentication, resolvers, validation — nothing written behind the API's back).
 *
 * It runs only on an empty database (the demo admin belongs to no project yet), so restarts keep
 * whatever people changed. `npm start -- --no-seed` skips it.
 */
import { signIn } from '../packages/appsync-local/src/services/cognito-local.ts';
import type { LocalRuntime } from './start.ts';
import type { DemoUserConfig } from './config.ts';

type Vars = Record<string, unknown>;
type Send = <T = Record<string, unknown>>(query: string, variables?: Vars) => Promise<T>;

export class SeedError extends Error {}

/** A GraphQL client for one demo user over the app's own HTTP handler. */
async function clientFor(runtime: LocalRuntime, user: DemoUserConfig): Promise<Send> {
  const { accessToken } = await signIn(runtime.urls.cognito, runtime.pool.clientId, user.email, user.password);
  return async <T,>(query: string, variables: Vars = {}) => {
    // The operator's query limits are for clients; the seed's own requests are not held to them.
    const res = await runtime.app.graphqlWithoutLimits({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: accessToken, host: 'localhost' },
      body: JSON.stringify({ query, variables }),
      remoteAddress: '127.0.0.1',
    });
    const json = JSON.parse(res.body) as { data?: T; errors?: { message: string; errorType?: string }[] };
    if (json.errors?.length || !json.data) {
      const first = json.errors?.[0];
      throw new SeedError(`seeding failed as ${user.email}: ${first?.errorType ?? 'Error'}: ${first?.message ?? res.body}`);
    }
    return json.data;
  };
}

const day = 24 * 60 * 60 * 1000;
const isoIn = (days: number) => new Date(Date.now() + days * day).toISOString();

interface TaskSeed {
  title: string;
  status: 'TODO' | 'IN_PROGRESS' | 'IN_REVIEW' | 'DONE';
  sprint: boolean;
  assignee?: 'admin' | 'member';
  story?: number;
  points?: number;
  priority?: 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';
  labels?: string[];
  dueInDays?: number;
}

const STORIES = [
  {
    title: 'As a team lead I can see the sprint board update live',
    points: 8,
    criteria: ['Cards move for everyone without a reload', 'A lost connection recovers by itself', 'Archived cards stay hidden'],
  },
  {
    title: 'As a member I get reminded before a task is due',
    points: 5,
    criteria: ['Reminder lead time is set in my profile', 'Each reminder arrives once', 'I can turn email off'],
  },
  {
    title: 'As an integration I can post build results to a task',
    points: 3,
    criteria: ['Read-write tokens can comment', 'Read tokens cannot write'],
  },
];

const TASKS: TaskSeed[] = [
  { title: 'Subscribe the board to onTaskChanged', status: 'DONE', sprint: true, assignee: 'member', story: 0, points: 3, labels: ['client'] },
  { title: 'Reconnect and re-query after a dropped socket', status: 'IN_REVIEW', sprint: true, assignee: 'member', story: 0, points: 2, labels: ['client'], dueInDays: 2 },
  { title: 'Hide archived cards unless asked', status: 'IN_PROGRESS', sprint: true, assignee: 'admin', story: 0, points: 1, priority: 'HIGH', dueInDays: 1 },
  { title: 'Profile: reminder lead time and email switch', status: 'IN_PROGRESS', sprint: true, assignee: 'member', story: 1, points: 2, dueInDays: 4 },
  { title: 'Schedule one reminder per due date', status: 'TODO', sprint: true, assignee: 'admin', story: 1, points: 3, priority: 'URGENT', dueInDays: 5 },
  { title: 'Deduplicate reminder deliveries', status: 'TODO', sprint: true, story: 1, points: 2, labels: ['backend'] },
  { title: 'Write the integration token guide', status: 'TODO', sprint: true, assignee: 'member', story: 2, points: 1, labels: ['docs'], dueInDays: 7 },
  { title: 'Post CI results as comments', status: 'TODO', sprint: false, story: 2, points: 2, labels: ['integrations'] },
  { title: 'Weekly report email to project admins', status: 'TODO', sprint: false, points: 5, priority: 'LOW', labels: ['reports'] },
  { title: 'Burndown chart on the sprint page', status: 'TODO', sprint: false, points: 3, labels: ['reports', 'client'] },
];

/** Creates the demo project unless the demo admin already belongs to a project. */
export async function seedDemoProject(runtime: LocalRuntime, log: (line: string) => void = () => undefined): Promise<boolean> {
  const byRole = (role: string) => runtime.demoUsers.find((u) => u.demoProjectRole === role);
  const admin = byRole('ADMIN');
  const member = byRole('MEMBER');
  const viewer = byRole('VIEWER');
  if (!admin || !member || !viewer) throw new SeedError('the demo users need an ADMIN, a MEMBER and a VIEWER');
  const asAdmin = await clientFor(runtime, admin);
  const existing = await asAdmin<{ myProjects: { items: unknown[] } }>('query Seed { myProjects(includeArchived: true, limit: 1) { items { id } } }');
  if (existing.myProjects.items.length > 0) return false;

  // Each demo user's own sign-in and profile (`me` creates it) touch nothing of the others': side by side.
  const [asMember, asViewer] = await Promise.all([clientFor(runtime, member), clientFor(runtime, viewer)]);
  const me = 'query Me { me { id } }';
  const [adminMe, memberMe] = await Promise.all([asAdmin<{ me: { id: string } }>(me), asMember<{ me: { id: string } }>(me), asViewer(me)]);
  const ids = { admin: adminMe.me.id, member: memberMe.me.id };

  const { createProject: project } = await asAdmin<{ createProject: { id: string } }>(
    'mutation Seed($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    { input: { key: 'DEMO', name: 'Taskwire demo', description: 'A sample project: a sprint in progress, a backlog and stories with acceptance criteria.' } },
  );
  for (const [user, role] of [[member, 'MEMBER'], [viewer, 'VIEWER']] as const) {
    await asAdmin('mutation Add($input: AddMemberInput!) { addMember(input: $input) { userId } }', {
      input: { projectId: project.id, email: user.email, role },
    });
  }

  const storyIds: string[] = [];
  for (const story of STORIES) {
    const { createStory } = await asAdmin<{ createStory: { id: string } }>(
      'mutation Story($input: CreateStoryInput!) { createStory(input: $input) { id } }',
      { input: { projectId: project.id, title: story.title, points: story.points, acceptanceCriteria: story.criteria } },
    );
    storyIds.push(createStory.id);
  }

  const sprintInput = (name: string, goal: string, startDays: number, endDays: number) => ({
    input: { projectId: project.id, name, goal, startsAt: isoIn(startDays), endsAt: isoIn(endDays) },
  });
  const createSprint = 'mutation Sprint($input: CreateSprintInput!) { createSprint(input: $input) { id } }';
  const { createSprint: sprint } = await asAdmin<{ createSprint: { id: string } }>(createSprint, sprintInput('Sprint 1', 'Live board and reminders', -4, 10));
  await asAdmin(createSprint, sprintInput('Sprint 2', 'Reports and integrations', 10, 24));

  const taskIds: string[] = [];
  for (const t of TASKS) {
    const { createTask } = await asMember<{ createTask: { id: string; version: number } }>(
      'mutation Task($input: CreateTaskInput!) { createTask(input: $input) { id version } }',
      {
        input: {
          projectId: project.id,
          title: t.title,
          priority: t.priority ?? 'MEDIUM',
          labels: t.labels ?? [],
          assigneeId: t.assignee ? ids[t.assignee] : null,
          storyId: t.story === undefined ? null : storyIds[t.story],
          sprintId: t.sprint ? sprint.id : null,
          estimatePoints: t.points ?? null,
          dueAt: t.dueInDays === undefined ? null : isoIn(t.dueInDays),
        },
      },
    );
    taskIds.push(createTask.id);
    if (t.status !== 'TODO') {
      await asMember('mutation Move($input: MoveTaskInput!) { moveTask(input: $input) { id } }', { input: { id: createTask.id, status: t.status } });
    }
  }
  await asAdmin('mutation Start($id: ID!) { startSprint(id: $id) { id } }', { id: sprint.id });
  await asAdmin('mutation Tick($input: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $input) { id } }', {
    input: { storyId: storyIds[0], criterionId: null, text: 'Works on a phone-sized screen' },
  });

  const reviewed = taskIds[1]!;
  await asAdmin('mutation Comment($input: AddCommentInput!) { addComment(input: $input) { id } }', {
    input: { taskId: reviewed, body: `@${member.username} looks good — can you add a test for the reconnect path?` },
  });
  await asMember('mutation Comment($input: AddCommentInput!) { addComment(input: $input) { id } }', {
    input: { taskId: reviewed, body: 'Added one that drops the socket mid-sprint. Ready for another look.' },
  });
  await asMember('mutation Log($input: LogTimeInput!) { logTime(input: $input) { id } }', {
    input: { taskId: reviewed, minutes: 95, workDate: isoIn(-1).slice(0, 10), note: 'Reconnect logic and tests' },
  });
  await asAdmin('mutation Log($input: LogTimeInput!) { logTime(input: $input) { id } }', {
    input: { taskId: taskIds[2], minutes: 40, workDate: isoIn(0).slice(0, 10) },
  });
  log(`Demo project      DEMO (${TASKS.length} tasks, ${STORIES.length} stories, an active sprint)`);
  return true;
}
