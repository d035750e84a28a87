// MinHash of word shingles: two texts whose signatures agree in most positions share most
// of their 5-word sequences, which is what a syndicated (wire) copy looks like even after an
// outlet adds a dateline or trims the last paragraph.
export const MINHASH_K = 32;
const SHINGLE = 5;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Fixed odd multipliers and offsets: one cheap hash family, the same in every run.
const A = Array.from({ length: MINHASH_K }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const B = Array.from({ length: MINHASH_K }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

export function minhash(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const sig = new Array<number>(MINHASH_K).fill(0xffffffff);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const h = fnv(words.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < MINHASH_K; k++) {
      let x = (Math.imul(h, A[k]!) + B[k]!) >>> 0;
      x ^= x >>> 15;
      x = Math.imul(x, 0x2c1b3c6d) >>> 0;
      x ^= x >>> 12;
      if (x < sig[k]!) sig[k] = x;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two texts' shingle sets. */
export function minhashSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return 0;
  let same = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i]) same++;
  return same / k;
}
