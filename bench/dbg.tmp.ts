import { extractFacts } from '../src/core/compare';
import { loadSet } from './compare-data';
const id = process.argv[2]!;
const a = loadSet('../shared/data', process.argv[3] ?? 'gva-longtail')!.find((x) => x.id === id)!;
const f = extractFacts(a);
for (const q of f.quantities) console.log(q.key, q.text, q.part ?? '', '|', a.text.slice(f.sentences[q.s]![0], f.sentences[q.s]![1]).slice(0, 150));
const lines = a.text.split('\n').filter((l) => /six confirmed/.test(l));
console.log(lines.map((l) => JSON.stringify(l.slice(0, 300))).slice(0, 3));
