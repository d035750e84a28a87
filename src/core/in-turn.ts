// One job at a time: for state that is read, changed and written back asynchronously
// (storage.local lists), where two overlapping jobs would each write over the other's change.

/** A chain of jobs, each run after every job queued before it, whatever became of them. */
export function inTurn(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = last.then(job, job);
    last = run.catch(() => undefined);
    return run;
  };
}
