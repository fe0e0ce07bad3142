/**
 * One whole local stack for a test file of test/stress, like test/support/runtime.ts `useLocalRuntime`,
 * but its start is tried again (up to three times) when a service was too slow to answer: on a loaded
 * 2-core machine DynamoDB Local's start alone can pass its 30 s bound.
 */
import { afterAll, beforeAll } from 'vitest';
import { startThrowawayRuntime, type LocalRuntime, type StartOptions } from '../../local/start.ts';

export function useStressRuntime(opts: StartOptions): { runtime: LocalRuntime } {
  const fixture = {} as { runtime: LocalRuntime };
  beforeAll(async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        fixture.runtime = await startThrowawayRuntime(opts);
        return;
      } catch (e) {
        if (attempt >= 3 || !/did not answer|not ready|timed out/i.test(String(e))) throw e;
      }
    }
  }, 200_000);
  afterAll(async () => {
    await fixture.runtime?.stop();
  });
  return fixture;
}
