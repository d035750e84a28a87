// Finds the copies of an article as it is added, without comparing it to every
// article: locality-sensitive hashing of the MinHash signatures. Each signature is cut into
// BANDS bands of ROWS values; two texts land in one bucket when a whole band agrees, which for
// a pair of shingle similarity s happens with probability 1 − (1 − s^ROWS)^BANDS: 0.97 at the
// copy threshold (0.6), 0.9997 at 0.8, 0.28 at 0.2. Bucket mates are only candidates: the
// caller checks each with the same test the scorer uses.
//
// One typed open-addressing table of (band key, slot) pairs, not a Map of arrays: 800,000
// entries at 100,000 articles cost 16 MB this way (2^21 places of 8 bytes, at most half full).
import { MINHASH_K } from './minhash';

const ROWS = 2;
const BANDS = 8;
const EMPTY = -1;
const GONE = -2;

export class CopyBands {
  private keys = new Int32Array(1024);
  private slots = new Int32Array(1024).fill(EMPTY);
  /** Entries, removed ones included until the next rehash. */
  private used = 0;

  add(slot: number, sig: ArrayLike<number>): void {
    if (sig.length < MINHASH_K) return;
    if ((this.used + BANDS) * 2 > this.slots.length) this.rehash();
    for (let b = 0; b < BANDS; b++) {
      const k = bandKey(sig, b);
      let h = this.home(k);
      while (this.slots[h] !== EMPTY) h = (h + 1) & (this.slots.length - 1);
      this.keys[h] = k;
      this.slots[h] = slot;
      this.used++;
    }
  }

  remove(slot: number, sig: ArrayLike<number>): void {
    if (sig.length < MINHASH_K) return;
    for (let b = 0; b < BANDS; b++) {
      const k = bandKey(sig, b);
      for (let h = this.home(k); this.slots[h] !== EMPTY; h = (h + 1) & (this.slots.length - 1)) {
        if (this.slots[h] === slot && this.keys[h] === k) {
          this.slots[h] = GONE;
          break;
        }
      }
    }
  }

  /** The slots sharing at least one band with `sig`, each once. */
  candidates(sig: ArrayLike<number>): number[] {
    if (sig.length < MINHASH_K) return [];
    const out = new Set<number>();
    for (let b = 0; b < BANDS; b++) {
      const k = bandKey(sig, b);
      for (let h = this.home(k); this.slots[h] !== EMPTY; h = (h + 1) & (this.slots.length - 1)) {
        if (this.keys[h] === k && this.slots[h]! >= 0) out.add(this.slots[h]!);
      }
    }
    return [...out];
  }

  private home(k: number): number {
    return Math.imul(k, 0x9e3779b1) >>> 0 & (this.slots.length - 1);
  }

  /** Drops removed entries, and doubles the table until live ones fill at most a third of it. */
  private rehash(): void {
    const keys = this.keys;
    const slots = this.slots;
    let live = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i]! >= 0) live++;
    let cap = slots.length;
    while ((live + BANDS) * 3 > cap) cap *= 2;
    this.keys = new Int32Array(cap);
    this.slots = new Int32Array(cap).fill(EMPTY);
    this.used = live;
    for (let i = 0; i < slots.length; i++) {
      if (slots[i]! < 0) continue;
      let h = this.home(keys[i]!);
      while (this.slots[h] !== EMPTY) h = (h + 1) & (cap - 1);
      this.keys[h] = keys[i]!;
      this.slots[h] = slots[i]!;
    }
  }
}

/** Band `b` of a signature as one number; the band's index is mixed in so bands never meet. */
function bandKey(sig: ArrayLike<number>, b: number): number {
  let h = Math.imul(b + 1, 0x85ebca6b);
  for (let r = 0; r < ROWS; r++) {
    h = Math.imul(h ^ (sig[b * ROWS + r]! | 0), 0x01000193);
    h ^= h >>> 13;
  }
  return h | 0;
}
