/**
 * `npm run bench`: the benchmarks that exist so far. Each is bounded in time and uses loopback only.
 */
import { runFanout } from './fanout.ts';

const results = [await runFanout()];
if (results.some((r) => !r.ok)) process.exitCode = 1;
