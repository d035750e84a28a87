// Keeps an in-memory MatchIndex in step with the stored corpus. The worker may be stopped
// at any time, so the index is (1) loaded from its persisted snapshot when that is current,
// (2) topped up with what was stored after the snapshot, or (3) rebuilt from the stored
// features, recomputing any made by an older extractor version.
import { featuresCurrent, computeFeatures } from '../core/ingest';
import { MatchIndex } from '../core/match';
import type { Corpus, CorpusState } from '../platform/corpus';

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
    for (const f of fresh) cached.index.add(f.id, f.match);
    cached.seq = Math.max(cached.seq, ...fresh.map((f) => f.seq));
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
    if (!featuresCurrent(f)) {
      stale.push(f.id);
      continue;
    }
    index.add(f.id, f.match);
    seq = Math.max(seq, f.seq);
  }
  if (stale.length) await refreshStale(corpus, stale, index);
  cached = { epoch: state.epoch, seq: Math.max(seq, state.seq), index };
  await persist(corpus);
  return cached;
}

/** Features made by an older extractor are recomputed from the stored text. */
async function refreshStale(corpus: Corpus, ids: string[], index: MatchIndex): Promise<void> {
  const records = await corpus.get(ids);
  const tx = corpus.db.transaction('features', 'readwrite');
  for (const r of records) {
    if (!r) continue;
    const f = computeFeatures(r);
    index.add(r.id, f.match);
    await tx.store.put({ id: r.id, seq: r.seq, ...f });
  }
  await tx.done;
}

async function persist(corpus: Corpus): Promise<void> {
  if (!cached) return;
  try {
    await corpus.setMeta('index', { epoch: cached.epoch, seq: cached.seq, data: cached.index.toJSON() } satisfies Snapshot);
  } catch {
    // A snapshot that cannot be written (full disk) only costs a rebuild later.
  }
}
