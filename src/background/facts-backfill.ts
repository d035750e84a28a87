// Fills in the facts that imports leave out (src/core/ingest.ts), in the background.
// The worker may be stopped at any moment, so progress lives in IndexedDB: a cursor over the
// articles' seq, written in the same transaction as each chunk of facts. A new worker starts
// again from the cursor. The work yields to reports: it waits while one is running, and a
// chunk is cut at a small time budget so a report that arrives waits for one chunk at most.
// Reports never depend on it: they compute the facts they miss themselves (analyse.ts).
import browser from 'webextension-polyfill';
import { toArticle } from '../core/article';
import { extractFacts, FACTS_VERSION } from '../core/compare';
import { factsCurrent } from '../core/ingest';
import type { Corpus, FactsAt, FactsCursor } from '../platform/corpus';
import { reportsIdle } from './report-gate';

/** Articles read at a time (with their texts), then worked through in chunks. */
const PAGE = 128;
/** Computation per chunk before it is written and the event loop gets a turn. */
const BUDGET_MS = 25;
/**
 * Chrome stops a worker after 30 s without an event or an extension API call, and the
 * facts of 100,000 articles take minutes: while there is work, an API call now and then
 * keeps the worker (the way Chrome's lifecycle documentation shows). Stopped anyway, the
 * backfill resumes at the next event.
 */
const KEEP_ALIVE_MS = 20_000;
let lastCall = 0;

let running: Promise<void> | null = null;
let resume: (() => void) | null = null;
let paused = false;
/** Facts this worker has computed (a test checks that a restarted worker computed only what was left). */
let computed = 0;

/** Starts the backfill unless it is running; resolves when nothing is left (or it failed). */
export function backfillFacts(corpus: () => Promise<Corpus>): Promise<void> {
  running ??= run(corpus)
    .catch(() => undefined) // a full disk or a closed database: the next trigger tries again
    .finally(() => {
      running = null;
    });
  return running;
}

/** Test builds: hold the backfill (to see a report without it), and count what it did. */
export const backfillControl = {
  pause(on: boolean): void {
    paused = on;
    if (!on && resume) {
      const r = resume;
      resume = null;
      r();
    }
  },
  computed: (): number => computed,
};

async function run(open: () => Promise<Corpus>): Promise<void> {
  for (;;) {
    await turn();
    const corpus = await open();
    const stored = await corpus.getMeta<FactsCursor>('factsCursor');
    // Facts of another engine version, or no cursor yet: walk everything once more (current
    // facts are only read, not recomputed).
    const from = stored?.v === FACTS_VERSION && Number.isFinite(stored.seq) ? stored.seq : 0;
    const page = await corpus.articlesAfter(from, PAGE);
    if (page.length === 0) return;
    const have = await corpus.getFacts(page.map((r) => r.id));
    // The page is worked through in chunks of BUDGET_MS. What changes meanwhile is safe:
    // putFacts drops facts of an article removed or replaced, and facts a report stored
    // meanwhile are only computed twice.
    let last = from;
    for (let i = 0; i < page.length; ) {
      await turn();
      const started = performance.now();
      const out: FactsAt[] = [];
      for (; i < page.length && performance.now() - started < BUDGET_MS; i++) {
        const r = page[i]!;
        last = r.seq;
        if (factsCurrent(have[i]?.facts)) continue;
        // A damaged record gets no facts; reports leave it out too. It stays stored.
        const checked = toArticle(r);
        if (checked.ok) out.push({ id: r.id, seq: r.seq, facts: extractFacts(checked.article) });
      }
      await corpus.putFacts(out, { v: FACTS_VERSION, seq: last });
      computed += out.length;
    }
  }
}

/** Gives messages (a report, a ping) a turn, then waits while a report runs or it is held. */
async function turn(): Promise<void> {
  if (Date.now() - lastCall > KEEP_ALIVE_MS) {
    lastCall = Date.now();
    void browser.runtime.getPlatformInfo().catch(() => undefined);
  }
  await reportsIdle();
  while (paused) {
    await new Promise<void>((r) => (resume = r));
    await reportsIdle();
  }
}
