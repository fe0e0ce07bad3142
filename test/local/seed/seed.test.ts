import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';
import { seedDemoProject } from '../../../local/seed.ts';
import { graphqlClient } from '../../support/graphql.ts';
import { EMAIL } from '../../support/people.ts';

// A newcomer's first minute: on an empty database the runtime seeds, through the API itself, a demo
// project whose first screen is a working board, with the demo users in their roles.
const rt = useLocalRuntime({ seed: (runtime) => seedDemoProject(runtime).then(() => undefined) });

const { gql, refusal } = graphqlClient(rt);

describe('the demo project', () => {
  it('gives each demo user the role the outputs promise, and the fourth user no project', async () => {
    const projects = await gql('ada', '{ myProjects { items { id key name myRole activeSprintId } } }');
    const [demo] = projects.myProjects.items;
    expect(demo).toMatchObject({ key: 'DEMO', myRole: 'ADMIN' });
    expect(demo.activeSprintId).toBeTruthy();

    const members = await gql('max', 'query M($p: ID!) { projectMembers(projectId: $p) { items { email role } } }', { p: demo.id });
    const roles = Object.fromEntries(members.projectMembers.items.map((m: { email: string; role: string }) => [m.email, m.role]));
    expect(roles).toEqual({ [EMAIL.ada]: 'ADMIN', [EMAIL.max]: 'MEMBER', [EMAIL.vera]: 'VIEWER' });

    const outsider = await gql('otto', '{ myProjects { items { id } } }');
    expect(outsider.myProjects.items).toEqual([]);
    // Refused: project is null, the error NotFound.
    const peek = await refusal('otto', 'query P($id: ID!) { project(id: $id) { id } }', { id: demo.id });
    expect(peek.errorType).toBe('NotFound');
  });

  it('shows a board with work in every column of the active sprint, a backlog and stories with criteria', async () => {
    const data = await gql('vera', '{ myProjects { items { id activeSprintId } } }');
    const { id: projectId, activeSprintId } = data.myProjects.items[0];
    const column = async (status: string) =>
      (await gql('vera', 'query C($p: ID!, $s: TaskStatus!, $sp: ID) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp) { items { key title status } } }', { p: projectId, s: status, sp: activeSprintId })).tasksByStatus.items;
    for (const status of ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE']) {
      const cards = await column(status);
      expect(cards.length, status).toBeGreaterThan(0);
      for (const card of cards) expect(card.status).toBe(status);
    }
    const backlog = await gql('vera', 'query B($p: ID!) { backlog(projectId: $p) { items { key sprintId } } }', { p: projectId });
    expect(backlog.backlog.items.length).toBeGreaterThan(0);
    expect(backlog.backlog.items.every((t: { sprintId: string | null }) => t.sprintId === null)).toBe(true);
    const stories = await gql('vera', 'query S($p: ID!) { storiesByProject(projectId: $p) { items { title acceptanceCriteria { text done } progress { tasksTotal } } } }', { p: projectId });
    expect(stories.storiesByProject.items).toHaveLength(3);
    expect(stories.storiesByProject.items[0].acceptanceCriteria.length).toBeGreaterThan(1);
    expect(stories.storiesByProject.items[0].progress.tasksTotal).toBeGreaterThan(0);
  });

  it('does not seed twice: a second run on a non-empty database changes nothing', async () => {
    expect(await seedDemoProject(rt.runtime)).toBe(false);
    const projects = await gql('ada', '{ myProjects { items { id } } }');
    expect(projects.myProjects.items).toHaveLength(1);
  });
});
