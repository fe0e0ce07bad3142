/**
 * The quick part of `npm run stress`'s hostile input and security checks (stress/hostile.ts,
 * stress/security.ts), on one whole stack started with introspection off, a query depth limit and a
 * resolver-count limit (HARDENED_LIMITS): a few hundred requests drawn by fast-check from a fixed seed
 * plus malformed WebSocket frames, then the graphql-cop style checks. `npm run stress` sends ≥ 10,000.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoProject } from '../../local/seed.ts';
import { prepareKnown, runHostile, type Known } from '../../stress/hostile.ts';
import { demoProject } from '../../stress/load.ts';
import { targetOf } from '../../stress/local-target.ts';
import { HARDENED_LIMITS, runSecurityChecks } from '../../stress/security.ts';
import type { Target } from '../../stress/target.ts';
import { useLocalRuntime } from '../support/runtime.ts';

const rt = useLocalRuntime({ seed: (r) => seedDemoProject(r).then(() => undefined), app: { limits: HARDENED_LIMITS } });
let t: Target;
let known: Known;
afterAll(() => t?.close());

describe('hostile input (fast-check, fixed seed)', () => {
  it('400 generated requests and 150 frames: no 5xx, AppSync-shaped errors, no internals; still serving', async () => {
    t = targetOf(rt.runtime);
    known = await prepareKnown(t, (await demoProject(t)).projectId);
    const report = await runHostile(t, known, { count: 400, seed: 14, concurrency: 4, wsFrames: 150 });
    expect(report.problems).toEqual([]);
    expect(report.wsProblems).toEqual([]);
    expect(report.sent).toBe(400);
    expect(Object.keys(report.byKind).length).toBeGreaterThanOrEqual(7);
    expect(report.byStatus['500'] ?? 0).toBe(0);
    expect(report.servingAfter).toBe(true);
  }, 120_000);
});

describe('security checks (graphql-cop style)', () => {
  it('every check holds', async () => {
    const checks = await runSecurityChecks(t, known);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(9);
  }, 90_000);
});
