// The baseline the matcher is measured against: plain TF-IDF cosine over lower-cased words
// (English function words removed), with the threshold chosen afterwards on the test set
// itself — an optimistic baseline, since no real deployment can tune on its answers.
import type { Article } from '../src/core/types';
import { STOPWORDS } from '../src/core/match/stopwords';

/** Cosine similarities of all pairs i < j that reach `floor`: [i, j, cos]. */
export function baselinePairs(articles: Article[], floor = 0.05): [number, number, number][] {
  const vocab = new Map<string, number>();
  const docs: { t: Int32Array; w: Float64Array }[] = [];
  for (const a of articles) {
    const counts = new Map<number, number>();
    for (const m of `${a.title}\n${a.text}`.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
      if (STOPWORDS.has(m[0])) continue;
      let id = vocab.get(m[0]);
      if (id === undefined) vocab.set(m[0], (id = vocab.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    docs.push({ t: Int32Array.from(counts.keys()), w: Float64Array.from(counts.values()) });
  }
  const df = new Int32Array(vocab.size);
  for (const d of docs) for (const t of d.t) df[t]!++;
  const n = docs.length;
  const postings: number[][] = Array.from({ length: vocab.size }, () => []);
  const wpost: number[][] = Array.from({ length: vocab.size }, () => []);
  docs.forEach((d, i) => {
    let s = 0;
    for (let k = 0; k < d.t.length; k++) {
      d.w[k] = (1 + Math.log(d.w[k]!)) * Math.log(n / df[d.t[k]!]!);
      s += d.w[k]! * d.w[k]!;
    }
    const norm = Math.sqrt(s) || 1;
    for (let k = 0; k < d.t.length; k++) {
      d.w[k]! /= norm;
      postings[d.t[k]!]!.push(i);
      wpost[d.t[k]!]!.push(d.w[k]!);
    }
  });
  const out: [number, number, number][] = [];
  const acc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    acc.fill(0);
    for (let k = 0; k < d.t.length; k++) {
      const p = postings[d.t[k]!]!;
      const w = wpost[d.t[k]!]!;
      const qw = d.w[k]!;
      for (let j = 0; j < p.length; j++) if (p[j]! > i) acc[p[j]!]! += qw * w[j]!;
    }
    for (let j = i + 1; j < n; j++) if (acc[j]! >= floor) out.push([i, j, acc[j]!]);
  }
  return out;
}
