// The persisted form of a MatchIndex: columns of typed arrays, which IndexedDB's structured
// clone copies in one piece each, plus a few plain arrays of strings. Version 3 was one small
// array per article and per field: at 100,000 articles, restoring it took 4.8 s in the
// Chromium worker, mostly spent allocating those arrays.
import { MATCH_FEATURES_VERSION } from './features';
import type { DocColumns } from './doc-store';

/** Version of the snapshot's shape. Bump when it changes: older snapshots are then refused. */
export const SNAPSHOT_VERSION = 4;

export interface IndexSnapshot {
  serializationVersion: number;
  featuresVersion: number;
  /** The term dictionary: a term's id is its position. Only terms some article uses. */
  terms: string[];
  /** Term t's posting list is post[postOff[t] .. postOff[t + 1]], in list order. */
  postOff: Int32Array;
  post: Int32Array;
  /** Free slots, in the order the index keeps them (the last is reused first). */
  free: Int32Array;
  docs: DocColumns;
}

const fail = (what: string): never => {
  throw new Error(`MatchIndex.fromSnapshot: damaged snapshot (${what}); rebuild the index from the stored features`);
};

type Typed = Int32Array | Uint16Array | Uint8Array | Uint32Array;
interface TypedCtor<T extends Typed> {
  new (n: number): T;
  from(xs: ArrayLike<number>): T;
}

/** A typed column, or the plain array of numbers that JSON turned it into. */
function typed<T extends Typed>(v: unknown, C: TypedCtor<T>, name: string): T {
  if (v instanceof C) return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return C.from(v);
  return fail(`${name} is not a ${C.name}`);
}

function list(v: unknown, name: string, n: number): unknown[] {
  if (!Array.isArray(v) || v.length !== n) fail(`${name} does not have ${n} entries`);
  return v as unknown[];
}

/** Offsets of a ragged column: start at 0, never decrease, end at the column's length. */
function offsets(off: Int32Array, n: number, total: number, name: string): void {
  if (off.length !== n + 1 || off[0] !== 0 || off[n] !== total) fail(`${name} does not cover its column`);
  for (let i = 0; i < n; i++) if (off[i]! > off[i + 1]!) fail(`${name} decreases`);
}

/**
 * Checks a stored snapshot before anything is built from it. A damaged one throws, so the
 * worker rebuilds, instead of yielding an index that fails in some later query. Every check
 * is one pass over a column: about 30 ms at 100,000 articles.
 */
export function readSnapshot(x: unknown): IndexSnapshot {
  if (typeof x !== 'object' || x === null) throw new Error('MatchIndex.fromSnapshot: not a snapshot object');
  const s = x as Record<string, unknown>;
  if (s.serializationVersion !== SNAPSHOT_VERSION || s.featuresVersion !== MATCH_FEATURES_VERSION) {
    throw new Error(
      `MatchIndex.fromSnapshot: snapshot version ${String(s.serializationVersion)}/${String(s.featuresVersion)} is not ` +
        `${SNAPSHOT_VERSION}/${MATCH_FEATURES_VERSION}; rebuild the index from the stored features`,
    );
  }
  if (typeof s.docs !== 'object' || s.docs === null) fail('no docs');
  const d = s.docs as Record<string, unknown>;
  const ids = list(d.ids, 'ids', Array.isArray(d.ids) ? d.ids.length : -1);
  const n = ids.length;
  const terms = list(s.terms, 'terms', Array.isArray(s.terms) ? s.terms.length : -1);
  if (!terms.every((t) => typeof t === 'string')) fail('a term is not a string');
  const sources = list(d.sources, 'sources', Array.isArray(d.sources) ? d.sources.length : -1);
  if (!sources.every((t) => typeof t === 'string')) fail('an outlet is not a string');
  const docs: DocColumns = {
    ids: ids as (string | null)[],
    urls: list(d.urls, 'urls', n) as (string | null)[],
    hashes: list(d.hashes, 'hashes', n) as string[],
    days: list(d.days, 'days', n) as (number | null)[],
    words: list(d.words, 'words', n) as number[],
    sources: sources as string[],
    source: typed(d.source, Int32Array, 'source'),
    termOff: typed(d.termOff, Int32Array, 'termOff'),
    terms: typed(d.terms, Int32Array, 'doc terms'),
    counts: typed(d.counts, Uint16Array, 'counts'),
    headOff: typed(d.headOff, Int32Array, 'headOff'),
    head: typed(d.head, Uint8Array, 'head'),
    sigOff: typed(d.sigOff, Int32Array, 'sigOff'),
    sig: typed(d.sig, Uint32Array, 'sig'),
  };
  const snap: IndexSnapshot = {
    serializationVersion: SNAPSHOT_VERSION,
    featuresVersion: MATCH_FEATURES_VERSION,
    terms: terms as string[],
    postOff: typed(s.postOff, Int32Array, 'postOff'),
    post: typed(s.post, Int32Array, 'post'),
    free: typed(s.free, Int32Array, 'free'),
    docs,
  };
  checkDocs(docs, terms.length);
  checkPostings(snap);
  return snap;
}

function checkDocs(d: DocColumns, nTerms: number): void {
  const n = d.ids.length;
  if (d.source.length !== n) fail('source does not have one entry per slot');
  offsets(d.termOff, n, d.terms.length, 'termOff');
  offsets(d.headOff, n, d.head.length, 'headOff');
  offsets(d.sigOff, n, d.sig.length, 'sigOff');
  if (d.counts.length !== d.terms.length) fail('counts do not match terms');
  for (const t of d.terms) if (t < 0 || t >= nTerms) fail('a term id is out of range');
  for (let s = 0; s < n; s++) {
    const id = d.ids[s];
    const src = d.source[s]!;
    if (src < -1 || src >= d.sources.length) fail('an outlet index is out of range');
    if (id === null) {
      if (d.termOff[s] !== d.termOff[s + 1]) fail('a free slot has terms');
      continue;
    }
    const day = d.days[s];
    const url = d.urls[s];
    if (typeof id !== 'string' || typeof d.hashes[s] !== 'string' || typeof d.words[s] !== 'number') fail(`slot ${s} is malformed`);
    if ((day !== null && typeof day !== 'number') || (url !== null && typeof url !== 'string')) fail(`slot ${s} is malformed`);
  }
}

function checkPostings(s: IndexSnapshot): void {
  const n = s.docs.ids.length;
  offsets(s.postOff, s.terms.length, s.post.length, 'postOff');
  // Every term of every article has one posting: a cheap check that the two agree.
  if (s.post.length !== s.docs.terms.length) fail('postings and articles disagree');
  for (const slot of s.post) if (slot < 0 || slot >= n || s.docs.ids[slot] === null) fail('a posting points to no article');
  const seen = new Uint8Array(n);
  for (const slot of s.free) {
    if (slot < 0 || slot >= n || s.docs.ids[slot] !== null || seen[slot]) fail('a free slot is not free');
    seen[slot] = 1;
  }
  let nFree = 0;
  for (const id of s.docs.ids) if (id === null) nFree++;
  if (nFree !== s.free.length) fail('free slots are missing from the free list');
}

/** The snapshot with plain arrays for typed ones, for JSON. `readSnapshot` reads it back. */
export function jsonSafe(s: IndexSnapshot): unknown {
  const plain = (o: object) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Typed) : v]));
  return { ...plain(s), docs: plain(s.docs) };
}
