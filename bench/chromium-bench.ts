// Matching inside the real Chromium worker: the built test extension, its IndexedDB corpus,
// its MatchIndex. Articles are sent to the worker in chunks and stored with the same
// Corpus.add the options page uses (match features; facts are left to the backfill, which
// is held while storing and then timed on its own); timings are taken inside the worker
// (performance.now), memory from the worker's V8 heap plus its array buffers (CDP
// Runtime.getHeapUsage), disk from StorageManager. Last, the worker is stopped and woken
// again, to time the first index load of a fresh worker.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Article } from '../src/core/types';

export interface ChromiumMeasurement {
  name: string;
  where: 'chromium';
  corpus: number;
  p50_ms?: number;
  p95_ms?: number;
  ingest_per_s?: number;
  memory_mb?: number;
  heap_mb?: number;
  buffers_mb?: number;
  disk_mb?: number;
  rebuild_ms?: number;
}

const ROOT = resolve(import.meta.dirname, '..');
const EXT = join(ROOT, 'build/chrome-test');
const CHUNK = 1000;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/** Stores `corpus` (n articles) in a fresh Chromium profile, then times `queries` against it. */
export async function benchInChromium(
  corpus: Iterable<Article>,
  n: number,
  queries: Article[],
  log: (s: string) => void = () => {},
): Promise<ChromiumMeasurement[]> {
  if (!existsSync(join(EXT, 'manifest.json'))) execFileSync('node', ['scripts/build.mjs', '--test'], { cwd: ROOT, stdio: 'ignore' });
  // @ts-expect-error: the browser-test helpers are plain JavaScript modules without types.
  const { launchChromium, openExtensionPage } = (await import('../tests/e2e/lib/browsers.mjs')) as unknown as {
    launchChromium: (dir?: string) => Promise<{ browser: unknown; extUrl(p: string): string; worker(): Promise<WorkerLike>; close(): Promise<void> }>;
    openExtensionPage: (browser: unknown, url: string) => Promise<{ evaluate(fn: () => unknown): Promise<unknown> }>;
  };
  const chromium = await launchChromium(EXT);
  const out: ChromiumMeasurement[] = [];
  try {
    let worker = await chromium.worker();
    await worker.evaluate(() => chrome.storage.local.set({ settings: { schemaVersion: 1, keepReadArticles: false, maxArticles: 1_000_000, maxAgeDays: 36500 } }));
    // Held so it neither takes time from the import nor fills facts in before the first reports.
    await worker.evaluate(() => (globalThis as any).__parallax.backfillControl.pause(true));
    let storeMs = 0;
    let sent = 0;
    const it = corpus[Symbol.iterator]();
    for (;;) {
      const batch: Article[] = [];
      for (let r = it.next(); !r.done; r = batch.length < CHUNK ? it.next() : { done: true, value: undefined }) batch.push(r.value);
      if (batch.length === 0) break;
      // The time is taken inside the worker: features, duplicate checks and IndexedDB
      // writes, as an import does them; not the transfer from this process.
      storeMs += await worker.evaluate(async (b: unknown) => {
        const P = (globalThis as any).__parallax;
        const c = await P.corpus();
        const t0 = performance.now();
        for (let j = 0; j < (b as unknown[]).length; j += 200) await c.add((b as unknown[]).slice(j, j + 200), 'import');
        return performance.now() - t0;
      }, batch);
      sent += batch.length;
      if ((sent / CHUNK) % 10 === 0) log(`  chromium: stored ${sent} of ${n}`);
      if (batch.length < CHUNK) break;
    }
    const stored = await worker.evaluate(async () => ((globalThis as any).__parallax.corpus().then((c: any) => c.count())));
    out.push({ name: 'ingest', where: 'chromium', corpus: stored, ingest_per_s: Math.round(sent / (storeMs / 1000)) });

    // Cold start: a new worker loads the index (snapshot or rebuild) on its first query.
    const loadIndex = () =>
      worker.evaluate(async () => {
        const P = (globalThis as any).__parallax;
        P.dropIndexCache();
        const t0 = performance.now();
        await P.currentIndex(await P.corpus());
        return performance.now() - t0;
      });
    const cold = await loadIndex(); // no snapshot yet: a rebuild from the stored features
    const warm = await loadIndex(); // the snapshot the rebuild wrote
    out.push({ name: 'index-load', where: 'chromium', corpus: stored, rebuild_ms: Math.round(cold), p50_ms: Math.round(warm) });

    const timeQueries = async () => {
      const match: number[] = [];
      const report: number[] = [];
      for (const q of queries) {
        const t = await worker.evaluate(async (a: any) => {
          const P = (globalThis as any).__parallax;
          const c = await P.corpus();
          const idx = await P.currentIndex(c);
          const t0 = performance.now();
          idx.query(P.extractMatchFeatures(a), { exclude: [a.id] });
          const t1 = performance.now();
          await P.analyseArticle(c, a);
          return [t1 - t0, performance.now() - t1];
        }, q);
        match.push(t[0]!);
        report.push(t[1]!);
      }
      return { match, report };
    };
    const ms = (xs: number[]) => ({ p50_ms: +pct(xs, 50).toFixed(2), p95_ms: +pct(xs, 95).toFixed(2) });
    // Reports before the backfill: they compute the facts of their matches themselves.
    const early = await timeQueries();
    out.push({ name: 'report-facts-pending', where: 'chromium', corpus: stored, ...ms(early.report) });

    // Started, then polled: at 100,000 articles it outlasts one DevTools call's timeout.
    await worker.evaluate(() => {
      const g = globalThis as any;
      const t0 = performance.now();
      g.__backfillMs = null;
      g.__parallax.backfillControl.pause(false);
      void g.__parallax.backfillFacts().then(() => (g.__backfillMs = performance.now() - t0));
    });
    let backfillMs: number | null = null;
    while (backfillMs === null) {
      await new Promise((r) => setTimeout(r, 500));
      backfillMs = await worker.evaluate(() => (globalThis as any).__backfillMs as number | null);
    }
    out.push({ name: 'facts-backfill', where: 'chromium', corpus: stored, ingest_per_s: Math.round(stored / (backfillMs / 1000)) });

    const late = await timeQueries();
    out.push({ name: 'match', where: 'chromium', corpus: stored, ...ms(late.match) });
    out.push({ name: 'report', where: 'chromium', corpus: stored, ...ms(late.report) });

    worker = await chromium.worker();
    // Live objects only: collect garbage first (the snapshot written after a rebuild is garbage).
    await worker.client.send('HeapProfiler.enable');
    await worker.client.send('HeapProfiler.collectGarbage');
    // The index keeps most of its data in typed arrays, whose buffers live outside the V8
    // heap (backingStorageSize): memory is both, the heap alone is reported beside it.
    const heap = (await worker.client.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    const disk = await worker.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const buffers = heap.backingStorageSize ?? 0;
    out.push({ name: 'memory', where: 'chromium', corpus: stored, memory_mb: Math.round((heap.usedSize + buffers) / 1e6), heap_mb: Math.round(heap.usedSize / 1e6), buffers_mb: Math.round(buffers / 1e6), disk_mb: Math.round(disk / 1e6) });

    // A freshly started worker, as after Chrome stopped an idle one: stopped here, woken by a
    // message from an extension page (as the popup wakes it). Its first index load opens the
    // database, reads the snapshot and restores it, with nothing warm.
    const before = await worker.evaluate(() => (globalThis as any).__parallax.startedAt as number);
    await (worker as unknown as { close(): Promise<void> }).close();
    const page = await openExtensionPage(chromium.browser, chromium.extUrl('options.html'));
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'corpus:changed', payload: {} }));
    worker = await chromium.worker();
    const fresh = await worker.evaluate(async () => {
      const P = (globalThis as any).__parallax;
      const t0 = performance.now();
      await P.currentIndex(await P.corpus());
      return { ms: performance.now() - t0, source: P.indexSource() as string, startedAt: P.startedAt as number };
    });
    if (fresh.startedAt === before || fresh.source !== 'snapshot') throw new Error(`not a fresh worker restoring its snapshot: ${JSON.stringify(fresh)}`);
    out.push({ name: 'index-load-fresh-worker', where: 'chromium', corpus: stored, p50_ms: Math.round(fresh.ms) });
  } finally {
    await chromium.close();
  }
  return out;
}

interface WorkerLike {
  evaluate<T>(fn: (...args: any[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
  client: { send(method: string, params?: object): Promise<unknown> };
}

declare const chrome: any;

/**
 * The import as a user does it: `corpus` written to a JSONL file and picked in the options
 * page's file input of a fresh profile (reading, parsing, features, duplicate checks,
 * IndexedDB writes, the page's progress updates). Timed from the upload to the result.
 */
export async function importViaOptionsPage(corpus: Iterable<Article>, n: number): Promise<ChromiumMeasurement> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  const file = join(dir, 'corpus.jsonl');
  writeFileSync(file, Array.from(corpus, (a) => JSON.stringify(a)).join('\n') + '\n');
  // @ts-expect-error: the browser-test helpers are plain JavaScript modules without types.
  const lib = (await import('../tests/e2e/lib/browsers.mjs')) as any;
  const chromium = await lib.launchChromium(EXT);
  try {
    const page = await lib.openExtensionPage(chromium.browser, chromium.extUrl('options.html'));
    const input = await page.waitForSelector('[data-testid=import-file]');
    const t0 = Date.now();
    await input.uploadFile(file);
    await page.waitForSelector('[data-testid=import-result]', { timeout: 0 });
    const s = (Date.now() - t0) / 1000;
    const added = Number(await page.$eval('[data-testid=import-result]', (el: any) => el.dataset.added));
    return { name: 'import-options-page', where: 'chromium', corpus: added, ingest_per_s: Math.round(n / s) };
  } finally {
    await chromium.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
