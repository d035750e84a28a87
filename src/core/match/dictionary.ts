// Term strings and their dense ids. A restored index starts from the snapshot's packed terms
// (no Map of 750,000 entries to build); terms first seen after that go to a small Map.
import { StringTable, indexStrings, packStrings, type IndexedStrings } from './string-table';

export class Dictionary {
  private readonly base: StringTable | null;
  private readonly nBase: number;
  private readonly addedIds = new Map<string, number>();
  private readonly added: string[] = [];

  constructor(packed?: IndexedStrings) {
    this.base = packed ? new StringTable(packed) : null;
    this.nBase = packed ? packed.off.length - 1 : 0;
  }

  get size(): number {
    return this.nBase + this.added.length;
  }

  id(term: string): number | undefined {
    const i = this.base ? this.base.find(term) : -1;
    return i >= 0 ? i : this.addedIds.get(term);
  }

  /** Gives `term` (not yet known) the next id. */
  add(term: string): number {
    const id = this.size;
    this.addedIds.set(term, id);
    this.added.push(term);
    return id;
  }

  term(id: number): string {
    return id < this.nBase ? this.base!.get(id) : this.added[id - this.nBase]!;
  }

  /** The terms whose `keep` is true, packed with their hash table, in id order. */
  pack(keep: (id: number) => boolean): IndexedStrings {
    const xs: string[] = [];
    for (let id = 0; id < this.size; id++) if (keep(id)) xs.push(this.term(id));
    return indexStrings(packStrings(xs));
  }
}
