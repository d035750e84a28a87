// Short, stable content hashes for ids and duplicate detection. FNV-1a over UTF-16 code
// units, twice with different seeds, gives 64 bits: enough to tell articles apart in a
// personal corpus, and it runs the same in Node, a worker and a page (no crypto.subtle,
// which is async and absent from some contexts).
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
