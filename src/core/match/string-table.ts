// Many strings kept as one: `text` holds them end to end and string i is
// text[off[i] .. off[i + 1]]. Structured clone copies one string where 750,000 separate ones
// (the terms at 100,000 articles) would each be allocated on restore. A hash table over a
// typed array, built when the snapshot is written and stored with it, finds a string's
// position without a Map of 750,000 entries to fill on every restore.

export interface PackedStrings {
  text: string;
  off: Int32Array;
}

/** Packed strings and their hash table: position + 1 per bucket, 0 for an empty bucket. */
export interface IndexedStrings extends PackedStrings {
  table: Int32Array;
}

export function packStrings(xs: readonly string[]): PackedStrings {
  const off = new Int32Array(xs.length + 1);
  for (let i = 0; i < xs.length; i++) off[i + 1] = off[i]! + xs[i]!.length;
  return { text: xs.join(''), off };
}

/**
 * FNV-1a over the UTF-16 code units of text[from .. to]. Stored tables depend on it: a change
 * here needs a new SNAPSHOT_VERSION.
 */
function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Adds the hash table (open addressing, linear probing, at most 3/4 full). `skip(i)` leaves string i out. */
export function indexStrings(p: PackedStrings, skip: (i: number) => boolean = () => false): IndexedStrings {
  const n = p.off.length - 1;
  let size = 16;
  while (size * 3 < n * 4) size *= 2;
  const table = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    if (skip(i)) continue;
    let b = hash(p.text, p.off[i]!, p.off[i + 1]!) & (size - 1);
    while (table[b] !== 0) b = (b + 1) & (size - 1);
    table[b] = i + 1;
  }
  return { ...p, table };
}

/** Whether a stored table can be probed safely: a power of two, with an empty bucket, entries in range. */
export function tableFits(s: IndexedStrings): boolean {
  const n = s.off.length - 1;
  const size = s.table.length;
  if (size < 16 || (size & (size - 1)) !== 0 || size * 3 < n * 4) return false;
  for (let b = 0; b < size; b++) {
    const e = s.table[b]!;
    if (e < 0 || e > n) return false;
  }
  return true;
}

export class StringTable {
  private readonly mask: number;

  constructor(private readonly s: IndexedStrings) {
    this.mask = s.table.length - 1;
  }

  get(i: number): string {
    return this.s.text.slice(this.s.off[i]!, this.s.off[i + 1]!);
  }

  /** The position holding `key`, or −1. */
  find(key: string): number {
    const { text, off, table } = this.s;
    for (let b = hash(key, 0, key.length) & this.mask; ; b = (b + 1) & this.mask) {
      const i = table[b]! - 1;
      if (i < 0) return -1;
      if (off[i + 1]! - off[i]! === key.length && text.startsWith(key, off[i]!)) return i;
    }
  }
}
