// An article as most feeds carry it: the first sentence or two of its text (the title is kept
// by the caller). Used by the benchmarks that measure matching against a corpus of feed items.

/** The first `n` characters of the text, ending at a sentence end when one is near. */
export function summary(text: string, n: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= n) return flat;
  const cut = flat.slice(0, n);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  if (end >= n / 3) return cut.slice(0, end + 1);
  // The first sentence, however long (up to twice n), is what a feed's description holds at least.
  const first = flat.search(/[.?!] /);
  return first > 0 && first < n * 2 ? flat.slice(0, first + 1) : cut;
}
