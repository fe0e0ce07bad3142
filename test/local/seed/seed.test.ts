import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';
import { seedDemoProject } from '../../../local/seed.ts';

// A newcomer's first minute: on an empty database the runtime seeds, through the API itself, a demo
// project whose first screen is a working board, with the demo users in their roles.
const rt = useLocalRuntime({ seed: (runtime) => seedDemoProject(runtime).then(() => undefined) });

type Gql = { data?: Record<string, any>; errors?: { errorType?: string; message: string }[] };
const gql = async (email: string, query: string, variables: Record<string, unknown> = {}) =>
  (await rt.post({ query, variables }, await rt.token(email))).json as Gql;

describe('the demo project', () => {
  it('gives each demo user the role the outputs promise, and the fourth user no project', async () => {
    const projects = await gql('ada@taskwire.local', '{ myProjects { items { id key name myRole activeSprintId } } }');
    expect(projects.errors).toBeUndefined();
    const [demo] = projects.data!.myProjects.items;
    expect(demo).toMatchObject({ key: 'DEMO', myRole: 'ADMIN' });
    expect(demo.activeSprintId).toBeTruthy();

    const members = await gql('max@taskwire.local', 'query M($p: ID!) { projectMembers(projectId: $p) { items { email role } } }', { p: demo.id });
    const roles = Object.fromEntries(members.data!.projectMembers.items.map((m: { email: string; role: string }) => [m.email, m.role]));
    expect(roles).toEqual({ 'ada@taskwire.local': 'ADMIN', 'max@taskwire.local': 'MEMBER', 'vera@taskwire.local': 'VIEWER' });

    const outsider = await gql('otto@taskwire.local', '{ myProjects { items { id } } }');
    expect(outsider.data!.myProjects.items).toEqual([]);
    const peek = await gql('otto@taskwire.local', 'query P($id: ID!) { project(id: $id) { id } }', { id: demo.id });
    expect(peek.data?.project ?? null).toBeNull();
    expect(peek.errors?.[0]?.errorType).toBe('NotFound');
  });

  it('shows a board with work in every column of the active sprint, a backlog and stories with criteria', async () => {
    const { data } = await gql('vera@taskwire.local', '{ myProjects { items { id activeSprintId } } }');
    const { id: projectId, activeSprintId } = data!.myProjects.items[0];
    const column = async (status: string) =>
      (await gql('vera@taskwire.local', 'query C($p: ID!, $s: TaskStatus!, $sp: ID) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp) { items { key title status } } }', { p: projectId, s: status, sp: activeSprintId })).data!.tasksByStatus.items;
    for (const status of ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE']) {
      const cards = await column(status);
      expect(cards.length, status).toBeGreaterThan(0);
      for (const card of cards) expect(card.status).toBe(status);
    }
    const backlog = await gql('vera@taskwire.local', 'query B($p: ID!) { backlog(projectId: $p) { items { key sprintId } } }', { p: projectId });
    expect(backlog.data!.backlog.items.length).toBeGreaterThan(0);
    expect(backlog.data!.backlog.items.every((t: { sprintId: string | null }) => t.sprintId === null)).toBe(true);
    const stories = await gql('vera@taskwire.local', 'query S($p: ID!) { storiesByProject(projectId: $p) { items { title acceptanceCriteria { text done } progress { tasksTotal } } } }', { p: projectId });
    expect(stories.data!.storiesByProject.items).toHaveLength(3);
    expect(stories.data!.storiesByProject.items[0].acceptanceCriteria.length).toBeGreaterThan(1);
    expect(stories.data!.storiesByProject.items[0].progress.tasksTotal).toBeGreaterThan(0);
  });

  it('does not seed twice: a second run on a non-empty database changes nothing', async () => {
    expect(await seedDemoProject(rt.runtime)).toBe(false);
    const projects = await gql('ada@taskwire.local', '{ myProjects { items { id } } }');
    expect(projects.data!.myProjects.items).toHaveLength(1);
  });
});
