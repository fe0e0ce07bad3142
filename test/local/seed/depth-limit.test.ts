import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';
import { seedDemoProject } from '../../../local/seed.ts';
import { graphqlClient } from '../../support/graphql.ts';
import { EMAIL } from '../../support/people.ts';

// TASKWIRE_QUERY_DEPTH_LIMIT=1 with seeding on: the demo seed's own requests are not held to the
// operator's limit (they would stop the runtime from starting), while clients still are.
const rt = useLocalRuntime({ seed: (runtime) => seedDemoProject(runtime).then(() => undefined), app: { limits: { queryDepthLimit: 1 } } });

describe('a runtime started with a query depth limit of 1', () => {
  it('seeds the demo project, and holds clients to the limit', async () => {
    const deep = await graphqlClient(rt).refusal('ada', '{ myProjects { items { key } } }');
    expect(deep.errorType).toBe('QueryDepthLimitReached');
    const token = await rt.token(EMAIL.ada);
    // The seed ran: the admin's project exists (read through the in-process path, as a depth-1 client cannot).
    const seeded = await rt.runtime.app.graphqlWithoutLimits({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: token, host: 'localhost' },
      body: JSON.stringify({ query: '{ myProjects { items { key } } }' }),
      remoteAddress: '127.0.0.1',
    });
    expect(JSON.parse(seeded.body)).toEqual({ data: { myProjects: { items: [{ key: 'DEMO' }] } } });
  });
});
