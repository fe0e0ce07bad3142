/**
 * One request's share of the event loop (docs/local-runtime-limits.md, "Resolver runs take turns").
 *
 * Resolver runs one request may do back to back before it lets the event loop turn: graphql-js starts
 * every field of a selection set in one synchronous loop, so without a pause a query of thousands of
 * aliases would hold the single process until all its handlers had run.
 */
const RUNS_PER_TURN = 16;

/** A request's share of the event loop: at most RUNS_PER_TURN resolver runs per turn, the rest queued. */
export interface Pace {
  runs: number;
  waiting: (() => void)[];
  turnScheduled: boolean;
}

function scheduleTurn(pace: Pace): void {
  if (pace.turnScheduled) return;
  pace.turnScheduled = true;
  // setImmediate runs after pending I/O: other requests are read and run their own resolvers first.
  setImmediate(() => {
    pace.turnScheduled = false;
    const batch = pace.waiting.splice(0, RUNS_PER_TURN);
    pace.runs = batch.length;
    for (const go of batch) go();
    if (pace.runs > 0) scheduleTurn(pace);
  });
}

/** Resolves when the request may run its next resolver (undefined: right away). */
export function nextRun(pace: Pace): Promise<void> | undefined {
  scheduleTurn(pace);
  if (pace.waiting.length === 0 && pace.runs < RUNS_PER_TURN) {
    pace.runs += 1;
    return undefined;
  }
  return new Promise<void>((resolve) => pace.waiting.push(resolve));
}

export function newPace(): Pace {
  return { runs: 0, waiting: [], turnScheduled: false };
}
