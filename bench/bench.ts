// `npm run bench [-- --json] [-- --sizes 1000,10000,100000] [-- --data PATH]`
// Story-matcher speed and size in Node: ingest rate (feature extraction + index add), index
// snapshot size and restore time, memory used by the index, and query latency for single
// articles. The snapshot goes through V8's structured serialisation, the one IndexedDB uses
// in Chromium, so restore times compare with the worker's. The corpus
// generator lives in bench/match-corpus.ts so that a runner inside the extension's worker
// (where: "chromium") can build the same corpora and print the same lines.
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { existsSync } from 'node:fs';
import { MatchIndex, extractMatchFeatures, type MatchFeatures } from '../src/core/match/index';
import type { Article } from '../src/core/types';
import { dataPath, listDatasets, loadDataset } from './data';
import { CORPUS_NOTE, benchCorpus } from './match-corpus';

export interface Measurement {
  name: string;
  where: 'node' | 'chromium';
  corpus: number;
  p50_ms?: number;
  p95_ms?: number;
  ingest_per_s?: number;
  memory_mb?: number;
  snapshot_bytes?: number;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** JS heap, and ArrayBuffer contents (typed arrays live outside the heap), in MB. */
const memMb = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / 1048576, arrays: m.arrayBuffers / 1048576 };
};

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** One corpus size: ingest, snapshot, memory and query latency. */
export function measure(real: Article[], size: number, queries = 200): Measurement[] {
  const out: Measurement[] = [];
  const before = memMb();
  let index: MatchIndex | null = new MatchIndex();
  const queryFeats: { id: string; f: MatchFeatures }[] = [];
  const every = Math.max(1, Math.floor(size / queries));
  let extractMs = 0;
  const extractTimes: number[] = [];
  const t0 = performance.now();
  let i = 0;
  for (const a of benchCorpus(real, size)) {
    const e0 = performance.now();
    const f = extractMatchFeatures(a);
    const e1 = performance.now();
    extractMs += e1 - e0;
    if (extractTimes.length < 2000) extractTimes.push(e1 - e0);
    index.add(a.id, f);
    if (i % every === 0 && queryFeats.length < queries) queryFeats.push({ id: a.id, f });
    i++;
  }
  const ingestS = (performance.now() - t0) / 1000;
  out.push({ name: 'ingest', where: 'node', corpus: size, ingest_per_s: Math.round(size / ingestS) });
  out.push({ name: 'extract', where: 'node', corpus: size, p50_ms: round(percentile(extractTimes, 50), 3), p95_ms: round(percentile(extractTimes, 95), 3), ingest_per_s: Math.round(size / (extractMs / 1000)) });

  // Memory of the index alone: the query features are small and kept for the latency runs.
  const built = memMb();
  out.push({ name: 'index-heap', where: 'node', corpus: size, memory_mb: round(built.heap - before.heap, 1) });
  out.push({ name: 'index-arrays', where: 'node', corpus: size, memory_mb: round(built.arrays - before.arrays, 1) });

  const times: number[] = [];
  for (let k = 0; k < 3; k++) index.query(queryFeats[k % queryFeats.length]!.f, { exclude: [queryFeats[0]!.id] });
  for (const { id, f } of queryFeats) {
    const q0 = performance.now();
    index.query(f, { exclude: [id] });
    times.push(performance.now() - q0);
  }
  out.push({ name: 'query', where: 'node', corpus: size, p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)) });

  const s0 = performance.now();
  const bytes = serialize(index.toSnapshot());
  const s1 = performance.now();
  out.push({ name: 'snapshot', where: 'node', corpus: size, snapshot_bytes: bytes.length, p50_ms: round(s1 - s0, 0) });
  const expected = queryFeats.map(({ id, f }) => index!.query(f, { exclude: [id] }));
  index = null;
  const unloaded = memMb();
  const r0 = performance.now();
  const restored = MatchIndex.fromSnapshot(deserialize(bytes));
  const r1 = performance.now();
  const after = memMb();
  out.push({ name: 'restore', where: 'node', corpus: size, p50_ms: round(r1 - r0, 0) });
  out.push({ name: 'restored-heap', where: 'node', corpus: size, memory_mb: round(after.heap - unloaded.heap, 1) });
  out.push({ name: 'restored-arrays', where: 'node', corpus: size, memory_mb: round(after.arrays - unloaded.arrays, 1) });
  // A restore that answers differently is a bug, not a number to print.
  const rtimes: number[] = [];
  queryFeats.forEach(({ id, f }, k) => {
    const q0 = performance.now();
    const got = restored.query(f, { exclude: [id] });
    rtimes.push(performance.now() - q0);
    if (JSON.stringify(got) !== JSON.stringify(expected[k])) throw new Error(`bench: the restored index answers ${id} differently`);
  });
  out.push({ name: 'query-restored', where: 'node', corpus: size, p50_ms: round(percentile(rtimes, 50)), p95_ms: round(percentile(rtimes, 95)) });
  return out;
}

/** A real article cut or repeated to `words` words. */
function longArticle(real: Article[], words: number): Article {
  const a = [...real].sort((x, y) => y.text.length - x.text.length)[Math.floor(real.length / 20)]!;
  const w = a.text.split(/(?<=\s)/);
  let text = '';
  for (let i = 0; i < words; i++) text += w[i % w.length];
  return { ...a, text };
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const root = dataPath(argv);
  if (!existsSync(root)) {
    process.stdout.write(`bench: no data at ${root}; skipping (give --data PATH)\n`);
    return 0;
  }
  const sizesArg = argv[argv.indexOf('--sizes') + 1];
  const sizes = argv.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1000, 10_000, 100_000];
  const real: Article[] = [];
  for (const name of listDatasets(root)) real.push(...loadDataset(root, name).map(({ story: _s, ...a }) => a));
  if (!json) process.stdout.write(`Corpus: ${CORPUS_NOTE}. ${real.length} real articles.\n\n`);
  const rows: Measurement[] = [];
  // Warm the JIT on a few hundred extractions and queries, so the first size is not charged for it.
  const warm = new MatchIndex();
  for (const a of real.slice(0, 300)) warm.add(a.id, extractMatchFeatures(a));
  for (const a of real.slice(0, 50)) warm.query(extractMatchFeatures(a), { exclude: [a.id] });
  const long = longArticle(real, 1500);
  const lt: number[] = [];
  for (let k = 0; k < 50; k++) {
    const t = performance.now();
    extractMatchFeatures(long);
    lt.push(performance.now() - t);
  }
  const one: Measurement = { name: 'extract-1500-words', where: 'node', corpus: 1, p50_ms: round(percentile(lt, 50), 3), p95_ms: round(percentile(lt, 95), 3) };
  rows.push(one);
  if (json) process.stdout.write(JSON.stringify(one) + '\n');
  else process.stdout.write(`One 1,500-word article: extractMatchFeatures p50 ${one.p50_ms} ms, p95 ${one.p95_ms} ms.\n\n`);
  for (const size of sizes) {
    const ms = measure(real, size);
    rows.push(...ms);
    if (json) for (const m of ms) process.stdout.write(JSON.stringify(m) + '\n');
    else process.stderr.write(`  ${size}: done\n`);
  }
  if (!json) {
    const get = (size: number, name: string) => rows.find((r) => r.corpus === size && r.name === name)!;
    const lines = [
      '| corpus | ingest (articles/s) | extract p50 / p95 (ms) | index heap + arrays (MB) | query p50 (ms) | query p95 (ms) | snapshot (MB, ms) | restore (ms) | restored heap + arrays (MB) |',
      '|---|---|---|---|---|---|---|---|---|',
      ...sizes.map((s) => {
        const e = get(s, 'extract');
        const mem = (name: string) => `${get(s, `${name}-heap`).memory_mb} + ${get(s, `${name}-arrays`).memory_mb}`;
        const snap = get(s, 'snapshot');
        return `| ${s} | ${get(s, 'ingest').ingest_per_s} | ${e.p50_ms} / ${e.p95_ms} | ${mem('index')} | ${get(s, 'query').p50_ms} | ${get(s, 'query').p95_ms} | ${round(snap.snapshot_bytes! / 1048576, 1)}, ${snap.p50_ms} | ${get(s, 'restore').p50_ms} | ${mem('restored')} |`;
      }),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench.ts')) process.exitCode = main(process.argv.slice(2));
