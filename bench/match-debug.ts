// Development aid: prints the matcher's worst mistakes on one data set, with their reasons.
// `npx tsx bench/match-debug.ts DATASET [--data PATH] [--n 10]`
import { MatchIndex, extractMatchFeatures } from '../src/core/match/index';
import { dataPath, loadDataset } from './data';

const argv = process.argv.slice(2);
const name = argv[0] ?? 'gva-longtail';
const n = Number(argv[argv.indexOf('--n') + 1] || 10);
const arts = loadDataset(dataPath(argv), name);
const feats = arts.map((a) => extractMatchFeatures(a));
const idx = new MatchIndex({ threshold: 0.05 });
feats.forEach((f, i) => idx.add(arts[i]!.id, f));
const byId = new Map(arts.map((a) => [a.id, a]));
const fps: string[] = [];
const fns: string[] = [];
const th = Number(process.env.TH ?? 0.2);
arts.forEach((a, i) => {
  const ms = idx.query(feats[i]!, { exclude: [a.id], limit: 1000 });
  const got = new Set<string>();
  for (const m of ms) {
    const b = byId.get(m.id)!;
    if (m.score >= th) got.add(m.id);
    const line = `${m.score.toFixed(3)} | ${a.title.slice(0, 70)} [${a.published} ${a.source}] <> ${b.title.slice(0, 70)} [${b.published} ${b.source}] | gap ${m.reasons.dayGap} names ${m.reasons.sharedNames.slice(0, 6).join(', ')} | terms ${m.reasons.sharedTerms.join(', ')}`;
    if (m.score >= th && b.story !== a.story) fps.push(line);
  }
  for (const b of arts) {
    if (b.story === a.story && b.id !== a.id && !got.has(b.id)) {
      const m = ms.find((x) => x.id === b.id);
      fns.push(`${m ? m.score.toFixed(3) : 'nocand'} | ${a.title.slice(0, 70)} [${a.published} ${a.source}] <> ${b.title.slice(0, 70)} [${b.published} ${b.source}] | ${m ? `gap ${m.reasons.dayGap} names ${m.reasons.sharedNames.slice(0, 6).join(', ')} | terms ${m.reasons.sharedTerms.join(', ')}` : ''}`);
    }
  }
});
const pick = <T,>(xs: T[]) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
console.log(`FALSE POSITIVES (${fps.length})`);
for (const l of pick(fps.sort().reverse())) console.log(l);
console.log(`\nFALSE NEGATIVES (${fns.length}; nocand = ${fns.filter((l) => l.startsWith('nocand')).length})`);
for (const l of pick(fns.sort().reverse())) console.log(l);
