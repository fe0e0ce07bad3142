/** Admin.vue mounted with an in-memory stand-in for the API: memberships read as project names. */
import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import Admin from '../src/views/Admin.vue';
import { ADMIN_PROJECTS, ADMIN_USERS } from '../src/ops';

const calls: { source: string; vars: Record<string, unknown> }[] = [];
const project = (id: string, key: string, name: string) => ({ id, key, name, archived: false });
const member = (projectId: string, role: string) => ({ projectId, userId: 'u1', role, email: 'max@taskwire.local', status: 'ACTIVE', version: 1 });

vi.mock('../src/apollo', () => ({
  async query(source: string, vars: Record<string, unknown>) {
    calls.push({ source, vars });
    if (source === ADMIN_PROJECTS) return { adminProjects: { items: [{ project: project('p1', 'ALP', 'Alpha'), admins: [], memberCount: 2, taskCount: 3 }], nextToken: null } };
    if (source === ADMIN_USERS) {
      return {
        adminUsers: {
          items: [{ id: 'u1', email: 'max@taskwire.local', displayName: 'Max', status: 'CONFIRMED', enabled: true, memberships: [member('p1', 'ADMIN'), member('p2', 'MEMBER'), member('p3', 'VIEWER')] }],
          nextToken: null,
        },
      };
    }
    if (source.startsWith('query ProjectNames')) return { p0: project('p2', 'OTH', 'Other'), p1: null };
    throw new Error(`unexpected query ${source.slice(0, 40)}`);
  },
  mutate: async () => ({}),
}));

describe('Admin.vue (component)', () => {
  it('names the projects of each membership, asking only for projects not listed already', async () => {
    const w = mount(Admin, { global: { stubs: { RouterLink: RouterLinkStub } } });
    await flushPromises();
    const cell = w.get('[data-testid=admin-users] tbody tr').findAll('td')[2]!;
    expect(cell.findAll('.chip').map((c) => c.text())).toEqual(['Alpha (ALP): admin', 'Other (OTH): member', 'Project p3…: viewer']);
    const names = calls.filter((c) => c.source.startsWith('query ProjectNames'));
    expect(names).toHaveLength(1);
    expect(names[0]!.vars).toEqual({ i0: 'p2', i1: 'p3' });
  });
});
