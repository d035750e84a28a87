// The persisted form of a MatchIndex: columns of typed arrays and packed strings, which
// IndexedDB's structured clone copies in one piece each. Version 3 was one small array per
// article and per field and one string per term: at 100,000 articles, restoring it took 4.8 s
// in the Chromium worker, mostly spent allocating those.
import { MATCH_FEATURES_VERSION } from './features';
import type { DocColumns } from './doc-store';
import { tableFits, type IndexedStrings, type PackedStrings } from './string-table';

/**
 * Version of the snapshot's shape, or of what it means. Bump when either changes: older
 * snapshots are then refused, and the index is built again from the stored features. 8: the
 * same columns as 7, but the indexed text of each group of copies is its longest; a version 7
 * snapshot would keep the first one that came.
 */
export const SNAPSHOT_VERSION = 8;

export interface IndexSnapshot {
  serializationVersion: number;
  featuresVersion: number;
  /** The term dictionary: a term's id is its position. Only terms some article uses. */
  terms: IndexedStrings;
  /**
   * Posting lists are rebuilt from the articles' term ids in ascending slot order; only the
   * lists that removals have put in another order are stored: term `unsorted[i]`'s list is
   * unsortedPost[unsortedOff[i] .. unsortedOff[i + 1]].
   */
  unsorted: Int32Array;
  unsortedOff: Int32Array;
  unsortedPost: Int32Array;
  /** Free slots, in the order the index keeps them (the last is reused first). */
  free: Int32Array;
  /**
   * By slot: the slot of the article this one is a copy of, −1 for every other slot. A copy
   * is kept but not indexed (MatchIndex.add): its article stands for it.
   */
  copyOf: Int32Array;
  docs: DocColumns;
}

const fail = (what: string): never => {
  throw new Error(`MatchIndex.fromSnapshot: damaged snapshot (${what}); rebuild the index from the stored features`);
};

type Typed = Int32Array | Uint16Array | Uint8Array | Uint32Array | Float64Array;
interface TypedCtor<T extends Typed> {
  new (n: number): T;
  from(xs: ArrayLike<number>): T;
}

/** A typed column, or the plain array that JSON turned it into (where NaN became null). */
function typed<T extends Typed>(v: unknown, C: TypedCtor<T>, name: string): T {
  if (v instanceof C) return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'number' || (x === null && C === (Float64Array as unknown)))) {
    return C.from(v.map((x: number | null) => x ?? NaN));
  }
  return fail(`${name} is not a ${C.name}`);
}

/** Packed strings; `n` of them, or as many as the offsets say when n is null. */
function packed(v: unknown, n: number | null, name: string): PackedStrings {
  const p = v as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null || typeof p.text !== 'string') return fail(`${name} is not packed strings`);
  const off = typed(p.off, Int32Array, `${name} offsets`);
  offsets(off, n ?? off.length - 1, p.text.length, name);
  return { text: p.text, off };
}

/** Packed strings with their stored hash table. */
function indexed(v: unknown, n: number | null, name: string): IndexedStrings {
  const s = { ...packed(v, n, name), table: typed((v as Record<string, unknown>).table, Int32Array, `${name} table`) };
  if (!tableFits(s)) fail(`${name} table does not fit`);
  return s;
}

/** Offsets of a ragged column: start at 0, never decrease, end at the column's length. */
function offsets(off: Int32Array, n: number, total: number, name: string): void {
  if (off.length !== n + 1 || off[0] !== 0 || off[n] !== total) fail(`${name} does not cover its column`);
  for (let i = 0; i < n; i++) if (off[i]! > off[i + 1]!) fail(`${name} decreases`);
}

/**
 * Checks a stored snapshot before anything is built from it. A damaged one throws, so the
 * worker rebuilds, instead of yielding an index that fails in some later query. Every check
 * is one pass over a column.
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
  const termOff = typed(d.termOff, Int32Array, 'termOff');
  const n = termOff.length - 1;
  const terms = indexed(s.terms, null, 'terms');
  if (!Array.isArray(d.sources) || !d.sources.every((t) => typeof t === 'string')) fail('an outlet is not a string');
  const docs: DocColumns = {
    ids: indexed(d.ids, n, 'ids'),
    urls: packed(d.urls, n, 'urls'),
    urlNull: typed(d.urlNull, Uint8Array, 'urlNull'),
    hashes: packed(d.hashes, n, 'hashes'),
    days: typed(d.days, Float64Array, 'days'),
    words: typed(d.words, Float64Array, 'words'),
    sources: d.sources as string[],
    source: typed(d.source, Int32Array, 'source'),
    termOff,
    terms: typed(d.terms, Int32Array, 'doc terms'),
    counts: typed(d.counts, Uint16Array, 'counts'),
    headOff: typed(d.headOff, Int32Array, 'headOff'),
    head: typed(d.head, Uint8Array, 'head'),
    sigOff: typed(d.sigOff, Int32Array, 'sigOff'),
    sig: typed(d.sig, Uint32Array, 'sig'),
    evOff: typed(d.evOff, Int32Array, 'evOff'),
    ev: typed(d.ev, Int32Array, 'ev'),
    weekdays: typed(d.weekdays, Uint8Array, 'weekdays'),
  };
  const snap: IndexSnapshot = {
    serializationVersion: SNAPSHOT_VERSION,
    featuresVersion: MATCH_FEATURES_VERSION,
    terms,
    unsorted: typed(s.unsorted, Int32Array, 'unsorted'),
    unsortedOff: typed(s.unsortedOff, Int32Array, 'unsortedOff'),
    unsortedPost: typed(s.unsortedPost, Int32Array, 'unsortedPost'),
    free: typed(s.free, Int32Array, 'free'),
    copyOf: typed(s.copyOf, Int32Array, 'copyOf'),
    docs,
  };
  checkDocs(docs, terms.off.length - 1);
  checkPostings(snap, n);
  return snap;
}

function checkDocs(d: DocColumns, nTerms: number): void {
  const n = d.termOff.length - 1;
  for (const [name, col] of [['urlNull', d.urlNull], ['days', d.days], ['words', d.words], ['source', d.source], ['weekdays', d.weekdays]] as const) {
    if (col.length !== n) fail(`${name} does not have one entry per slot`);
  }
  offsets(d.termOff, n, d.terms.length, 'termOff');
  offsets(d.headOff, n, d.head.length, 'headOff');
  offsets(d.sigOff, n, d.sig.length, 'sigOff');
  offsets(d.evOff, n, d.ev.length, 'evOff');
  if (d.counts.length !== d.terms.length) fail('counts do not match terms');
  if (!within(d.terms, 0, nTerms)) fail('a term id is out of range');
  if (!within(d.source, -1, d.sources.length)) fail('an outlet index is out of range');
}

/** Whether every value is in [lo, hi). One tight pass: 10 million values at 100,000 articles. */
function within(xs: Int32Array, lo: number, hi: number): boolean {
  let min = lo;
  let max = lo;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x < min) min = x;
    else if (x > max) max = x;
  }
  return min >= lo && (xs.length === 0 || max < hi);
}

function checkPostings(s: IndexSnapshot, n: number): void {
  offsets(s.unsortedOff, s.unsorted.length, s.unsortedPost.length, 'unsortedOff');
  if (!within(s.unsorted, 0, s.terms.off.length - 1)) fail('an unsorted list of no term');
  const free = new Uint8Array(n);
  for (const slot of s.free) {
    if (slot < 0 || slot >= n || free[slot]) fail('a free slot is out of range or listed twice');
    if (s.docs.termOff[slot] !== s.docs.termOff[slot + 1] || s.docs.ids.off[slot] !== s.docs.ids.off[slot + 1]) fail('a free slot holds an article');
    free[slot] = 1;
  }
  if (!within(s.unsortedPost, 0, n)) fail('a posting points to no article');
  for (let i = 0; i < s.unsortedPost.length; i++) if (free[s.unsortedPost[i]!]) fail('a posting points to a free slot');
  // A copy points to an indexed article: an occupied slot that is no copy itself.
  if (s.copyOf.length !== n || !within(s.copyOf, -1, n)) fail('copyOf does not have one slot or −1 per slot');
  for (let slot = 0; slot < n; slot++) {
    const c = s.copyOf[slot]!;
    if (c >= 0 && (free[slot] || free[c] || s.copyOf[c] !== -1)) fail('a copy points to a free slot or to another copy');
  }
  for (let i = 0; i < s.unsortedPost.length; i++) if (s.copyOf[s.unsortedPost[i]!] !== -1) fail('a posting points to a copy');
}

/** The snapshot with plain arrays for typed ones, for JSON. `readSnapshot` reads it back. */
export function jsonSafe(s: IndexSnapshot): unknown {
  const plain = (o: object) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Typed) : v]));
  const d = s.docs;
  return {
    ...plain(s),
    terms: plain(s.terms),
    docs: { ...plain(d), ids: plain(d.ids), urls: plain(d.urls), hashes: plain(d.hashes) },
  };
}
