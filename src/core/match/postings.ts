// Posting lists: term id → slots of the articles that use the term.
//
// A restored index keeps the snapshot's lists as one Int32Array with an offset per term
// (750,000 terms at 100,000 articles), instead of 750,000 small arrays that a restore would
// have to allocate one by one. What is added after the restore goes to a small JS array per
// term. Each term's list reads as its base segment followed by its additions and behaves
// exactly like one array (push, and remove by swapping in the last entry), so the order of
// every list, which decides ties among candidates, is the same as in the index that was saved.
export class Postings {
  private readonly more: (number[] | null)[] = [];
  private readonly baseLen: Int32Array;

  /** `off` (one more than the terms) and `base` as written by `write`; `base` is changed in place. */
  constructor(
    private readonly off: Int32Array = new Int32Array(1),
    private readonly base: Int32Array = new Int32Array(0),
  ) {
    const terms = off.length - 1;
    this.baseLen = new Int32Array(terms);
    for (let t = 0; t < terms; t++) {
      this.baseLen[t] = off[t + 1]! - off[t]!;
      this.more.push(null);
    }
  }

  /** Makes room for one more term id (the next one). */
  addTerm(): void {
    this.more.push(null);
  }

  push(t: number, slot: number): void {
    const m = this.more[t];
    // Most terms (names above all) occur in one article only. A list started with push()
    // reserves 16 slots; a literal of one reserves one: 100 MB less at 100,000 articles.
    if (m) m.push(slot);
    else this.more[t] = [slot];
  }

  /** Removes one occurrence of `slot`: the last entry of the list takes its place. */
  remove(t: number, slot: number): void {
    const m = this.more[t];
    const n = t < this.baseLen.length ? this.baseLen[t]! : 0;
    const o = n > 0 ? this.off[t]! : 0;
    for (let i = 0; i < n; i++) {
      if (this.base[o + i] !== slot) continue;
      if (m && m.length > 0) this.base[o + i] = m.pop()!;
      else {
        this.base[o + i] = this.base[o + n - 1]!;
        this.baseLen[t] = n - 1;
      }
      return;
    }
    if (!m) return;
    const j = m.indexOf(slot);
    if (j < 0) return;
    m[j] = m[m.length - 1]!;
    m.pop();
  }

  /** Calls `fn` for every slot of term `t`, in list order. */
  forEach(t: number, fn: (slot: number) => void): void {
    const n = t < this.baseLen.length ? this.baseLen[t]! : 0;
    for (let i = n > 0 ? this.off[t]! : 0, end = i + n; i < end; i++) fn(this.base[i]!);
    const m = this.more[t];
    if (m) for (const slot of m) fn(slot);
  }

  /** Copies term `t`'s list into `out` from `pos`; returns the position after it. */
  write(t: number, out: Int32Array, pos: number): number {
    this.forEach(t, (slot) => {
      out[pos++] = slot;
    });
    return pos;
  }
}
