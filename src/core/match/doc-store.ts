// The indexed articles, by slot and by id. Articles added one by one are small objects; the
// articles of a restored snapshot stay in the snapshot's columns (one typed array or one
// packed string per field for all articles), and a query makes an object only for the few
// hundred candidates it rescores. That is what makes a restore cheap: structured clone copies
// a typed array in one piece, where 100,000 articles as objects would be millions of small
// allocations.
import type { DocView } from './score';
import { StringTable, indexStrings, packStrings, type IndexedStrings, type PackedStrings } from './string-table';

/** One indexed article as the scorer reads it: a DocView without the query-only fields. */
export interface Doc extends Omit<DocView, 'names' | 'nameFlags'> {
  id: string;
}

/**
 * Every slot's article, field by field; a free slot has empty ranges. The variable-length
 * fields are ragged: slot s owns `terms[termOff[s] .. termOff[s + 1]]`.
 */
export interface DocColumns {
  /** Free slots have an empty id, left out of the hash table. */
  ids: IndexedStrings;
  urls: PackedStrings;
  /** 1 where the article has no URL. */
  urlNull: Uint8Array;
  hashes: PackedStrings;
  /** Publication day, NaN for none. */
  days: Float64Array;
  words: Float64Array;
  /** Outlet names, and per slot an index into them (−1: none). */
  sources: string[];
  source: Int32Array;
  termOff: Int32Array;
  terms: Int32Array;
  counts: Uint16Array;
  headOff: Int32Array;
  head: Uint8Array;
  sigOff: Int32Array;
  sig: Uint32Array;
  evOff: Int32Array;
  ev: Int32Array;
  /** Weekdays the lede names, a 7-bit mask per slot. */
  weekdays: Uint8Array;
}

export class DocStore {
  private readonly objs: (Doc | null)[] = [];
  /** 1 for a slot that still holds the article it had in the snapshot. */
  private readonly inBase: Uint8Array;
  private readonly baseIds: StringTable | null = null;
  /** Slots of the articles added as objects (all of them, in an index that was not restored). */
  private readonly added = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly base: DocColumns | null = null,
    free: ArrayLike<number> = [],
  ) {
    const n = base ? base.ids.off.length - 1 : 0;
    this.inBase = new Uint8Array(n).fill(1);
    for (let i = 0; i < free.length; i++) this.inBase[free[i]!] = 0;
    for (let s = 0; s < n; s++) {
      this.objs.push(null);
      this.count += this.inBase[s]!;
    }
    if (base) this.baseIds = new StringTable(base.ids);
  }

  /** Articles held. */
  get size(): number {
    return this.count;
  }

  /** Slots ever used, free ones included. */
  get slots(): number {
    return this.objs.length;
  }

  slotOf(id: string): number | undefined {
    const s = this.added.get(id);
    if (s !== undefined || !this.baseIds) return s;
    const b = this.baseIds.find(id);
    return b >= 0 && this.inBase[b] === 1 ? b : undefined;
  }

  get(slot: number): Doc | null {
    return this.objs[slot] ?? (this.inBase[slot] === 1 ? this.fromBase(slot) : null);
  }

  /** Terms of an occupied slot, without making its object. */
  termCount(slot: number): number {
    const d = this.objs[slot];
    return d ? d.terms.length : this.base!.termOff[slot + 1]! - this.base!.termOff[slot]!;
  }

  hash(slot: number): string {
    return this.objs[slot]?.hash ?? slice(this.base!.hashes, slot);
  }

  /** What the copy test reads of an occupied slot, without making its object. */
  copyView(slot: number): Pick<Doc, 'words' | 'hash' | 'sig'> {
    return this.objs[slot] ?? { words: this.words(slot), hash: this.hash(slot), sig: this.sig(slot) };
  }

  /** An occupied slot's word count and signature, without making its object or its hash. */
  words(slot: number): number {
    return this.objs[slot]?.words ?? this.base!.words[slot]!;
  }

  sig(slot: number): Uint32Array {
    const d = this.objs[slot];
    return d ? d.sig : this.base!.sig.subarray(this.base!.sigOff[slot]!, this.base!.sigOff[slot + 1]!);
  }

  /** Whether a slot holds an article. */
  occupied(slot: number): boolean {
    return this.objs[slot] != null || this.inBase[slot] === 1;
  }

  /** `slot` is a free slot or the next new one (`slots`). */
  set(slot: number, doc: Doc): void {
    if (slot === this.objs.length) this.objs.push(doc);
    else this.objs[slot] = doc;
    if (slot < this.inBase.length) this.inBase[slot] = 0;
    this.added.set(doc.id, slot);
    this.count++;
  }

  clear(slot: number): void {
    const d = this.objs[slot];
    if (d) this.added.delete(d.id);
    else if (this.inBase[slot] !== 1) return;
    this.objs[slot] = null;
    if (slot < this.inBase.length) this.inBase[slot] = 0;
    this.count--;
  }

  private fromBase(s: number): Doc {
    const b = this.base!;
    const t0 = b.termOff[s]!;
    const t1 = b.termOff[s + 1]!;
    const src = b.source[s]!;
    const day = b.days[s]!;
    return {
      id: slice(b.ids, s),
      terms: b.terms.subarray(t0, t1),
      counts: b.counts.subarray(t0, t1),
      day: Number.isNaN(day) ? null : day,
      url: b.urlNull[s] ? null : slice(b.urls, s),
      source: src < 0 ? null : b.sources[src]!,
      hash: slice(b.hashes, s),
      sig: b.sig.subarray(b.sigOff[s]!, b.sigOff[s + 1]!),
      words: b.words[s]!,
      head: b.head.subarray(b.headOff[s]!, b.headOff[s + 1]!),
      events: b.ev.subarray(b.evOff[s]!, b.evOff[s + 1]!),
      weekdays: b.weekdays[s]!,
    };
  }

  /** All slots as columns, with term ids renumbered through `termIds` (old id → new id). */
  columns(termIds: Int32Array): DocColumns {
    const n = this.slots;
    const docs: (Doc | null)[] = [];
    let nt = 0;
    let nh = 0;
    let ns = 0;
    let ne = 0;
    for (let s = 0; s < n; s++) {
      const d = this.get(s);
      docs.push(d);
      if (!d) continue;
      nt += d.terms.length;
      nh += d.head.length;
      ns += d.sig.length;
      ne += d.events.length;
    }
    const c = {
      urlNull: new Uint8Array(n), weekdays: new Uint8Array(n), days: new Float64Array(n), words: new Float64Array(n), sources: [] as string[],
      source: new Int32Array(n).fill(-1),
      termOff: new Int32Array(n + 1), terms: new Int32Array(nt), counts: new Uint16Array(nt),
      headOff: new Int32Array(n + 1), head: new Uint8Array(nh),
      sigOff: new Int32Array(n + 1), sig: new Uint32Array(ns),
      evOff: new Int32Array(n + 1), ev: new Int32Array(ne),
    };
    const sourceIds = new Map<string, number>();
    nt = nh = ns = ne = 0;
    for (let s = 0; s < n; s++) {
      const d = docs[s];
      if (d) {
        c.urlNull[s] = d.url === null ? 1 : 0;
        c.days[s] = d.day ?? NaN;
        c.weekdays[s] = d.weekdays;
        c.words[s] = d.words;
        if (d.source !== null) {
          let k = sourceIds.get(d.source);
          if (k === undefined) sourceIds.set(d.source, (k = c.sources.push(d.source) - 1));
          c.source[s] = k;
        }
        for (let i = 0; i < d.terms.length; i++) c.terms[nt + i] = termIds[d.terms[i]!]!;
        c.counts.set(d.counts, nt);
        c.head.set(d.head, nh);
        c.sig.set(d.sig, ns);
        c.ev.set(d.events, ne);
        nt += d.terms.length;
        nh += d.head.length;
        ns += d.sig.length;
        ne += d.events.length;
      }
      c.termOff[s + 1] = nt;
      c.headOff[s + 1] = nh;
      c.sigOff[s + 1] = ns;
      c.evOff[s + 1] = ne;
    }
    return {
      ...c,
      ids: indexStrings(packStrings(docs.map((d) => d?.id ?? '')), (s) => docs[s] === null),
      urls: packStrings(docs.map((d) => d?.url ?? '')),
      hashes: packStrings(docs.map((d) => d?.hash ?? '')),
    };
  }
}

function slice(p: PackedStrings, i: number): string {
  return p.text.slice(p.off[i]!, p.off[i + 1]!);
}
