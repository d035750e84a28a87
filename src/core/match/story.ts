// Growing the query's story from its candidates, average link: a candidate joins when it is,
// on average, linked strongly enough to every article already in the story, the query
// included. A report that says little like the query but much like three of its surest
// matches joins (recall in big stories); a candidate the query likes but the rest of the
// story does not is left out (precision where two look-alike events share a topic).

/**
 * `link(i, j)` is the symmetric same-story score of two articles, 0..1. Article 0 is the
 * query, 1..n−1 are its candidates. Returns the candidates that join, in the order they
 * joined, each with its mean link to the story at the time it joined. The candidates in
 * `joined` (the reader said they are the same story) join whatever their links, once the
 * story has grown without them: so a join never costs the story a member, and the others
 * are then judged against it too, which lets its own neighbours in.
 */
export function growStory(n: number, link: (i: number, j: number) => number, min: number, joined: readonly number[] = []): { i: number; support: number }[] {
  const sum = new Float64Array(n);
  const out: { i: number; support: number }[] = [];
  const left = new Set<number>();
  for (let j = 1; j < n; j++) {
    left.add(j);
    sum[j] = link(0, j);
  }
  let size = 1;
  while (left.size > 0) {
    let best = -1;
    let bestMean = -1;
    for (const j of left) {
      const mean = sum[j]! / size;
      // Ties go to the lower index: the candidate the query itself ranks higher.
      if (mean > bestMean) {
        bestMean = mean;
        best = j;
      }
    }
    if (bestMean < min) {
      const next = joined.find((j) => left.has(j));
      if (next === undefined) break;
      best = next;
      bestMean = sum[next]! / size;
    }
    left.delete(best);
    out.push({ i: best, support: bestMean });
    size++;
    for (const j of left) sum[j]! += link(best, j);
  }
  return out;
}
