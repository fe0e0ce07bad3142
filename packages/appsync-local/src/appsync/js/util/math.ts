/** util.math (math-utils-in-util-math-js). */
import { AppSyncJsRuntimeError } from '../errors.ts';

function num(where: string, v: unknown): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new AppSyncJsRuntimeError(`${where} expects numbers, got ${JSON.stringify(v)}`);
  return v;
}

export function createMathUtils() {
  return {
    // Java's Math.round: half up (towards positive infinity), as JS Math.round.
    roundNum: (v: unknown) => Math.round(num('util.math.roundNum', v)),
    minVal: (a: unknown, b: unknown) => Math.min(num('util.math.minVal', a), num('util.math.minVal', b)),
    maxVal: (a: unknown, b: unknown) => Math.max(num('util.math.maxVal', a), num('util.math.maxVal', b)),
    randomDouble: () => Math.random(),
    /** An integer in [start, end] (both bounds included). */
    randomWithinRange: (start: unknown, end: unknown) => {
      const lo = Math.ceil(num('util.math.randomWithinRange', start));
      const hi = Math.floor(num('util.math.randomWithinRange', end));
      if (hi < lo) throw new AppSyncJsRuntimeError('util.math.randomWithinRange: end must not be below start');
      return lo + Math.floor(Math.random() * (hi - lo + 1));
    },
  };
}
