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
 * are then judged against it too, which lets its own neighbours in. Those in `waits` (joined
 * articles the model did not pool) may not join on their own merit before then either: a
 * strongly linked one would otherwise join early and pull the mean link of the rest down.
 */
export function growStory(n: number, link: (i: number, j: number) => number, min: number, joined: readonly number[] = [], waits: ReadonlySet<number> = new Set()): { i: number; support: number; late?: true }[] {
  const sum = new Float64Array(n);
  const out: { i: number; support: number; late?: true }[] = [];
  // From the first joined article that joins on the reader's word, the story is more than it
  // would be without the joins: those members are `late`.
  let late = false;
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
      // (A joined article the model did not pool joins only after the others: `waits`.)
      if (waits.has(j)) continue;
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
      late = true;
    }
    left.delete(best);
    out.push(late ? { i: best, support: bestMean, late } : { i: best, support: bestMean });
    size++;
    for (const j of left) sum[j]! += link(best, j);
  }
  return out;
}

/**
 * The links blended with shared neighbours: `(1 − weight)·link(i, j) + weight·profile(i, j)`,
 * where the profile is the cosine of the two articles' squared links to the other articles
 * of the `basis` (the query and the pool). Two reports of one event are linked alike to the
 * rest of the pool, strongly to their story and weakly to a look-alike event, even when their
 * own link is weak (two one-sentence texts); a candidate the query likes but whose links go
 * to another group is pulled down. Squaring lets the strong links speak. Computed once, for
 * all pairs: n is the pool and the query, O(n³).
 */
export function sharedNeighbourLinks(n: number, link: (i: number, j: number) => number, weight: number, basis: (i: number) => boolean): (i: number, j: number) => number {
  const sq: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    for (let j = 0; j < n; j++) if (j !== i) row[j] = link(i, j) ** 2;
    sq.push(row);
  }
  const out: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
  const members: number[] = [];
  for (let m = 0; m < n; m++) if (basis(m)) members.push(m);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let dot = 0;
      let ni = 0;
      let nj = 0;
      let others = 0;
      for (const m of members) {
        if (m === i || m === j) continue;
        others++;
        const a = sq[i]![m]!;
        const b = sq[j]![m]!;
        dot += a * b;
        ni += a * a;
        nj += b * b;
      }
      // A profile over one or two other articles says little (over one, any two articles
      // linked to it at all are alike): its weight grows to the full one with two.
      const w = weight * Math.min(1, others / 2);
      const profile = ni > 0 && nj > 0 ? dot / Math.sqrt(ni * nj) : 0;
      out[i]![j] = out[j]![i]! = (1 - w) * link(i, j) + w * profile;
    }
  }
  return (i, j) => out[i]![j]!;
}
