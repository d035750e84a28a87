// Posting lists: term id → slots of the articles that use the term.
//
// A restored index keeps its lists as one Int32Array with an offset per term (750,000 terms
// at 100,000 articles), instead of 750,000 small arrays that a restore would have to allocate
// one by one. What is added after the restore goes to a small JS array per
// term. Each term's list reads as its base segment followed by its additions and behaves
// exactly like one array (push, remove by swapping in the last entry, and the rarer insert and
// removal in place), so the order of every list, which decides ties among candidates, is the
// same as in the index that was saved.
export class Postings {
  /** Additions to the lists of the base's terms (few: what was replayed after a restore). */
  private readonly baseMore = new Map<number, number[]>();
  /** The lists of terms after the base's, by term id − nBase (all of them, when there is no base). */
  private readonly more: (number[] | null)[] = [];
  private readonly baseLen: Int32Array;
  private readonly nBase: number;

  /** `off` (one more than the terms) and `base` as `fromArticles` makes them; `base` is changed in place. */
  constructor(
    private readonly off: Int32Array = new Int32Array(1),
    private readonly base: Int32Array = new Int32Array(0),
  ) {
    this.nBase = off.length - 1;
    this.baseLen = new Int32Array(this.nBase);
    for (let t = 0; t < this.nBase; t++) this.baseLen[t] = off[t + 1]! - off[t]!;
  }

  /** Makes room for one more term id (the next one). */
  addTerm(): void {
    this.more.push(null);
  }

  private extra(t: number): number[] | null | undefined {
    return t < this.nBase ? this.baseMore.get(t) : this.more[t - this.nBase];
  }

  push(t: number, slot: number): void {
    const m = this.extra(t);
    // Most terms (names above all) occur in one article only. A list started with push()
    // reserves 16 slots; a literal of one reserves one: 100 MB less at 100,000 articles.
    if (m) m.push(slot);
    else if (t < this.nBase) this.baseMore.set(t, [slot]);
    else this.more[t - this.nBase] = [slot];
  }

  /**
   * Adds `slot` after the last entry not above it (from the end, as one array): a list in
   * ascending slot order stays so (an article indexed in place of a copy of it can have an
   * earlier slot than the last). O(list), for that rare change; push() serves additions.
   */
  insert(t: number, slot: number): void {
    const n = t < this.nBase ? this.baseLen[t]! : 0;
    const o = n > 0 ? this.off[t]! : 0;
    const m = this.extra(t);
    let i = n + (m?.length ?? 0);
    while (i > 0 && (i > n ? m![i - n - 1]! : this.base[o + i - 1]!) > slot) i--;
    if (i >= n) {
      if (m) m.splice(i - n, 0, slot);
      else this.push(t, slot);
      return;
    }
    // Inside the base segment: its last entry becomes the first addition, the rest move up one.
    const last = this.base[o + n - 1]!;
    this.base.copyWithin(o + i + 1, o + i, o + n - 1);
    this.base[o + i] = slot;
    if (m) m.unshift(last);
    else this.baseMore.set(t, [last]);
  }

  /**
   * Removes one occurrence of `slot`: the last entry of the list takes its place, or, with
   * `inPlace`, the rest keep their order (O(list), for the rare change of which text of a
   * group of copies is indexed).
   */
  remove(t: number, slot: number, inPlace = false): void {
    const m = this.extra(t);
    const n = t < this.nBase ? this.baseLen[t]! : 0;
    const o = n > 0 ? this.off[t]! : 0;
    for (let i = 0; i < n; i++) {
      if (this.base[o + i] !== slot) continue;
      const more = m !== undefined && m !== null && m.length > 0;
      if (inPlace) {
        // The base moves down one; the first addition, if any, takes its last place.
        this.base.copyWithin(o + i, o + i + 1, o + n);
        if (more) this.base[o + n - 1] = m.shift()!;
        else this.baseLen[t] = n - 1;
      } else if (more) this.base[o + i] = m.pop()!;
      else {
        this.base[o + i] = this.base[o + n - 1]!;
        this.baseLen[t] = n - 1;
      }
      return;
    }
    if (!m) return;
    const j = m.indexOf(slot);
    if (j < 0) return;
    if (inPlace) m.splice(j, 1);
    else {
      m[j] = m[m.length - 1]!;
      m.pop();
    }
  }

  /** Calls `fn` for every slot of term `t`, in list order. */
  forEach(t: number, fn: (slot: number) => void): void {
    const n = t < this.nBase ? this.baseLen[t]! : 0;
    for (let i = n > 0 ? this.off[t]! : 0, end = i + n; i < end; i++) fn(this.base[i]!);
    const m = this.extra(t);
    if (m) for (const slot of m) fn(slot);
  }

  /** Whether term `t`'s list is in ascending slot order, the order `fromArticles` rebuilds. */
  ascending(t: number): boolean {
    let last = -1;
    let ok = true;
    this.forEach(t, (slot) => {
      if (slot <= last) ok = false;
      last = slot;
    });
    return ok;
  }

  /** Copies term `t`'s list into `out` from `pos`; returns the position after it. */
  write(t: number, out: Int32Array, pos: number): number {
    this.forEach(t, (slot) => {
      out[pos++] = slot;
    });
    return pos;
  }
}

/**
 * The base lists of every term from the articles' term ids (slot s uses
 * terms[termOff[s] .. termOff[s + 1]]), each in ascending slot order: the lists of an index
 * built by adds alone. Slots marked in `copyOf` (≥ 0) are left out. Two passes over the term
 * ids, cheaper than reading stored lists.
 */
export function fromArticles(nTerms: number, termOff: Int32Array, terms: Int32Array, copyOf?: Int32Array): { off: Int32Array; post: Int32Array } {
  // Copies (copyOf[s] ≥ 0) are not indexed: their terms are kept for them, not listed.
  const indexed = (s: number) => !copyOf || copyOf[s] === -1;
  const off = new Int32Array(nTerms + 1);
  for (let s = 0; s + 1 < termOff.length; s++) {
    if (indexed(s)) for (let i = termOff[s]!, end = termOff[s + 1]!; i < end; i++) off[terms[i]! + 1]!++;
  }
  for (let t = 0; t < nTerms; t++) off[t + 1]! += off[t]!;
  const next = off.slice(0, nTerms);
  const post = new Int32Array(off[nTerms]!);
  for (let s = 0; s + 1 < termOff.length; s++) {
    if (!indexed(s)) continue;
    for (let i = termOff[s]!, end = termOff[s + 1]!; i < end; i++) post[next[terms[i]!]!++] = s;
  }
  return { off, post };
}
