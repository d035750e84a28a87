// Keeps an in-memory MatchIndex in step with the stored corpus. The worker may be stopped
// at any time, so the index is (1) loaded from its persisted snapshot when that is current,
// (2) topped up with what was stored after the snapshot, or (3) rebuilt from the stored
// features, recomputing any made by an older extractor version.
import { toArticle } from '../core/article';
import { featuresCurrent, computeFeatures } from '../core/ingest';
import { MatchIndex } from '../core/match';
import type { Corpus, CorpusState, FeatureRecord } from '../platform/corpus';

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

let cached: Cached | null = null;
let pending: Promise<MatchIndex> | null = null;

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

async function sync(corpus: Corpus): Promise<MatchIndex> {
  const state = await corpus.state();
  if (!cached || cached.epoch !== state.epoch) {
    cached = (await fromSnapshot(corpus, state)) ?? (await rebuild(corpus, state));
  }
  if (cached.seq < state.seq) {
    const fresh = await corpus.featuresAfter(cached.seq);
    const stale: string[] = [];
    for (const f of fresh) if (!tryAdd(cached.index, f)) stale.push(f.id);
    if (stale.length) await refreshStale(corpus, stale, cached.index);
    cached.seq = fresh.reduce((m, f) => Math.max(m, typeof f.seq === 'number' ? f.seq : 0), cached.seq);
    // Persist now and then, not on every read: a snapshot of a large index costs time.
    if (fresh.length >= 200) await persist(corpus);
  }
  return cached.index;
}

async function fromSnapshot(corpus: Corpus, state: CorpusState): Promise<Cached | null> {
  const snap = await corpus.getMeta<Snapshot>('index');
  if (!snap || snap.epoch !== state.epoch || snap.seq > state.seq) return null;
  try {
    return { epoch: snap.epoch, seq: snap.seq, index: MatchIndex.fromJSON(snap.data) };
  } catch {
    // An index from an older schema, or a damaged one: rebuild from the stored features.
    return null;
  }
}

async function rebuild(corpus: Corpus, state: CorpusState): Promise<Cached> {
  const index = new MatchIndex();
  const features = await corpus.featuresAfter(0);
  const stale: string[] = [];
  let seq = 0;
  for (const f of features) {
    if (!tryAdd(index, f)) stale.push(f.id);
    else seq = Math.max(seq, f.seq);
  }
  if (stale.length) await refreshStale(corpus, stale, index);
  cached = { epoch: state.epoch, seq: Math.max(seq, state.seq), index };
  await persist(corpus);
  return cached;
}

/** Adds stored features to the index; false when they are stale or damaged. */
function tryAdd(index: MatchIndex, f: FeatureRecord): boolean {
  if (!featuresCurrent(f) || typeof f.id !== 'string') return false;
  try {
    index.add(f.id, f.match);
    return true;
  } catch {
    return false;
  }
}

/**
 * Features made by an older extractor, or damaged ones, are recomputed from the stored
 * article. An article record that is itself damaged is left out of the index (and so of
 * every report) instead of failing them all; it stays stored, so nothing is lost.
 */
async function refreshStale(corpus: Corpus, ids: string[], index: MatchIndex): Promise<void> {
  const records = await corpus.get(ids.filter((id) => typeof id === 'string'));
  const fresh: FeatureRecord[] = [];
  for (const r of records) {
    const checked = r ? toArticle(r) : null;
    if (!r || !checked?.ok) continue;
    const f = { id: r.id, seq: r.seq, ...computeFeatures(checked.article) };
    index.add(r.id, f.match);
    fresh.push(f);
  }
  try {
    const tx = corpus.db.transaction('features', 'readwrite');
    for (const f of fresh) await tx.store.put(f);
    await tx.done;
  } catch {
    // Not written back (a full disk): recomputed again next time, nothing lost.
  }
}

async function persist(corpus: Corpus): Promise<void> {
  if (!cached) return;
  try {
    await corpus.setMeta('index', { epoch: cached.epoch, seq: cached.seq, data: cached.index.toJSON() } satisfies Snapshot);
  } catch {
    // A snapshot that cannot be written (full disk) only costs a rebuild later.
  }
}
