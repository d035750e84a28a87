// Reports come first. Background work (the facts backfill, writing the index snapshot) waits
// while a report runs, so that a report waits at most for one small chunk of it.

let reports = 0;
let waiting: (() => void)[] = [];

/** Runs a report; background work is held until it is done. */
export async function whileReporting<T>(fn: () => Promise<T>): Promise<T> {
  reports++;
  try {
    return await fn();
  } finally {
    reports--;
    if (reports === 0) {
      const w = waiting;
      waiting = [];
      for (const r of w) r();
    }
  }
}

/** Gives messages (a report, a ping) a turn, then resolves once no report is running. */
export async function reportsIdle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  while (reports > 0) await new Promise<void>((r) => waiting.push(r));
}
