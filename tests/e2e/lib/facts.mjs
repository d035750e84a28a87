// Reads the facts backfill's progress straight from the extension's IndexedDB, from any
// extension page: it works while the worker is stopped, and without the code under test.

/** How many stored articles lack facts of engine version `v`, and the backfill's cursor. */
export async function factsState(page, v) {
  return page.evaluate(async (v) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('parallax');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(['articles', 'facts', 'meta']);
    const req = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const [ids, facts, cursor] = await Promise.all([
      req(tx.objectStore('articles').getAllKeys()),
      req(tx.objectStore('facts').getAll()),
      req(tx.objectStore('meta').get('factsCursor')),
    ]);
    db.close();
    const current = new Set(facts.filter((f) => f.facts?.v === v).map((f) => f.id));
    return { articles: ids.length, missing: ids.filter((id) => !current.has(id)), cursor: cursor ?? null };
  }, v);
}

/** Waits until `fn()` resolves truthy (polled), or fails with `what`. */
export async function until(fn, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
