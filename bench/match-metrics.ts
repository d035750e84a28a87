// Pair precision/recall/F1 and R-precision of predicted same-story sets against gold stories.
// Pairs are directed: (a, b) is predicted when b is among a's matches, and gold when a and b
// (a ≠ b) carry the same story id.

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  rPrecision: number;
  predicted: number;
  gold: number;
}

/** `ranked[i]` lists the indices matched to article i, best first. */
export function pairScores(stories: string[], ranked: number[][]): PairScores {
  const size = new Map<string, number>();
  for (const s of stories) size.set(s, (size.get(s) ?? 0) + 1);
  let predicted = 0;
  let correct = 0;
  let gold = 0;
  let rpSum = 0;
  let rpN = 0;
  stories.forEach((s, i) => {
    const r = size.get(s)! - 1;
    gold += r;
    const list = ranked[i] ?? [];
    predicted += list.length;
    let hit = 0;
    list.forEach((j, k) => {
      if (stories[j] === s) {
        correct++;
        if (k < r) hit++;
      }
    });
    if (r > 0) {
      rpSum += hit / r;
      rpN++;
    }
  });
  const precision = predicted ? correct / predicted : 1;
  const recall = gold ? correct / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, rPrecision: rpN ? rpSum / rpN : 1, predicted, gold };
}
