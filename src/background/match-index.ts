// Keeps an in-memory MatchIndex in step with the stored corpus. The worker may be stopped
// at any time, so the index is (1) loaded from its persisted snapshot when that is of the
// current epoch, else rebuilt from the stored match features, page by page; then (2) brought
// up to date by replaying, in seq order, what was added and removed after it.
// Match features made by an older matcher are recomputed from the stored text in chunks,
// each chunk written in its own transaction, so a stopped worker resumes where it stopped.
import { toArticle } from '../core/article';
import { matchCurrent } from '../core/ingest';
import { MatchIndex, extractMatchFeatures } from '../core/match';
import type { Corpus, CorpusState, MatchRecord } from '../platform/corpus';
import { reportsIdle } from './report-gate';

interface Cached {
  epoch: number;
  seq: number;
  index: MatchIndex;
}

interface Snapshot {
  epoch: number;
  seq: number;
  data: unknown;
}

export type IndexSource = 'memory' | 'snapshot' | 'rebuild';

const PAGE = 2000;
const CHUNK = 200;
/** Time one request may spend recomputing stale features; the rest goes on afterwards. */
const BUDGET_MS = 3000;
/** Changes replayed since the last snapshot before a new one is written. */
const PERSIST_EVERY = 500;

let cached: Cached | null = null;
let pending: Promise<MatchIndex> | null = null;
let lastSource: IndexSource = 'memory';
let sinceSnapshot = 0;
let refreshing: Promise<void> | null = null;
let persisting: Promise<void> | null = null;

/** The index for the corpus as it is now. Concurrent callers share one load. */
export function currentIndex(corpus: Corpus): Promise<MatchIndex> {
  pending ??= sync(corpus).finally(() => {
    pending = null;
  });
  return pending;
}

export function dropIndexCache(): void {
  cached = null;
}

/** Where the last load came from (tests check that a restart uses the snapshot). */
export function indexSource(): IndexSource {
  return lastSource;
}

async function sync(corpus: Corpus): Promise<MatchIndex> {
  const state = await corpus.state();
  lastSource = 'memory';
  const stale: string[] = [];
  if (!cached || cached.epoch !== state.epoch) {
    cached = await fromSnapshot(corpus, state);
    lastSource = cached ? 'snapshot' : 'rebuild';
    cached ??= await rebuild(corpus, state, stale);
  }
  const changes = await catchUp(corpus, cached, stale);
  sinceSnapshot += changes;
  if (stale.length) await refreshStale(corpus, cached, stale);
  // After a rebuild the snapshot is written at once: the rebuild cost seconds already, and a
  // worker stopped before writing it would rebuild again. Later ones are written after the
  // report that crossed PERSIST_EVERY changes: at 100,000 articles, building one takes seconds.
  if (lastSource === 'rebuild') await persist(corpus);
  else if (sinceSnapshot >= PERSIST_EVERY) persistLater(corpus);
  return cached.index;
}

async function fromSnapshot(corpus: Corpus, state: CorpusState): Promise<Cached | null> {
  const snap = await corpus.getMeta<Snapshot>('index');
  if (!snap || snap.epoch !== state.epoch || snap.seq > state.seq) return null;
  try {
    return { epoch: snap.epoch, seq: snap.seq, index: MatchIndex.fromSnapshot(snap.data) };
  } catch {
    // An index from an older schema, or a damaged one: rebuild from the stored features.
    return null;
  }
}

async function rebuild(corpus: Corpus, state: CorpusState, stale: string[]): Promise<Cached> {
  const built: Cached = { epoch: state.epoch, seq: 0, index: new MatchIndex() };
  // Pages of match features only: the facts and the texts are never loaded for this.
  for (;;) {
    const page = await corpus.matchAfter(built.seq, PAGE);
    if (page.length === 0) break;
    for (const r of page) if (!tryAdd(built.index, r)) stale.push(r.id);
    built.seq = page[page.length - 1]!.seq;
  }
  // Removals logged before the rebuild are already reflected in the stores.
  built.seq = Math.max(built.seq, (await corpus.removalsAfter(0)).reduce((m, r) => Math.max(m, r.seq), 0));
  return built;
}

/** Replays adds and removals after the cached seq, in order. Returns how many. */
async function catchUp(corpus: Corpus, c: Cached, stale: string[]): Promise<number> {
  let n = 0;
  const removals = await corpus.removalsAfter(c.seq);
  let r = 0;
  for (;;) {
    const page = await corpus.matchAfter(c.seq, PAGE);
    for (const add of page) {
      while (r < removals.length && removals[r]!.seq < add.seq) c.index.remove(removals[r++]!.id);
      if (!tryAdd(c.index, add)) stale.push(add.id);
      c.seq = add.seq;
      n++;
    }
    if (page.length < PAGE) break;
  }
  for (; r < removals.length; r++) {
    c.index.remove(removals[r]!.id);
    c.seq = Math.max(c.seq, removals[r]!.seq);
  }
  return n + removals.length;
}

/** Adds stored features to the index; false when they are stale or damaged. */
function tryAdd(index: MatchIndex, r: MatchRecord): boolean {
  if (typeof r?.id !== 'string' || !matchCurrent(r.match)) return false;
  try {
    index.add(r.id, r.match);
    return true;
  } catch {
    return false;
  }
}

/**
 * Features made by an older matcher, or damaged ones, are recomputed from the stored
 * article, in chunks. This request spends at most BUDGET_MS on it; the rest continues after
 * the reply, and a stopped worker picks up the remainder on its next load (what was written
 * is current). An article record that is itself damaged is left out of the index, and of
 * every report, instead of failing them all; it stays stored, so nothing is lost.
 */
async function refreshStale(corpus: Corpus, c: Cached, ids: string[]): Promise<void> {
  const started = Date.now();
  const work = async () => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const records = await corpus.get(ids.slice(i, i + CHUNK));
      const fresh: MatchRecord[] = [];
      for (const r of records) {
        const checked = r ? toArticle(r) : null;
        if (!r || !checked?.ok) continue;
        fresh.push({ id: r.id, seq: r.seq, match: extractMatchFeatures(checked.article) });
      }
      if (!(await corpus.putMatch(fresh, c.epoch).catch(() => false))) return; // cleared meanwhile, or a full disk
      if (cached !== c) return;
      for (const f of fresh) c.index.add(f.id, f.match);
      if (Date.now() - started > BUDGET_MS && i + CHUNK < ids.length) {
        refreshing ??= (async () => {
          await refreshStale(corpus, c, ids.slice(i + CHUNK));
          refreshing = null;
        })();
        return;
      }
    }
  };
  await work();
}

/** Writes a snapshot once no report is running. Until it is written, a restart replays the log. */
function persistLater(corpus: Corpus): void {
  persisting ??= reportsIdle()
    .then(() => persist(corpus))
    .finally(() => {
      persisting = null;
    });
}

/** Test builds: resolves when a snapshot written after a report is done. */
export function snapshotWritten(): Promise<void> {
  return persisting ?? Promise.resolve();
}

async function persist(corpus: Corpus): Promise<void> {
  if (!cached) return;
  try {
    // Typed-array columns: IndexedDB's structured clone copies each in one piece.
    await corpus.setMeta('index', { epoch: cached.epoch, seq: cached.seq, data: cached.index.toSnapshot() } satisfies Snapshot);
    await corpus.trimLog(cached.seq);
    sinceSnapshot = 0;
  } catch {
    // A snapshot that cannot be written (full disk) only costs a rebuild later.
  }
}
