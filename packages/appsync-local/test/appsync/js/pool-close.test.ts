/**
 * WorkerPool.close (js/worker-pool.ts) in a script with nothing else running: it resolves, and the
 * script goes on and ends by itself (the benchmarks and `npm run stress` stop runtimes this way).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('WorkerPool.close', () => {
  it('resolves in a script whose last handles are its workers, which then exits 0', async () => {
    const script = fileURLToPath(new URL('./fixtures/close-exits.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ closed: true, value: { id: 'x' } });
  }, 60_000);
});
