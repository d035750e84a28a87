import { loadCorpus } from '../src/cli/load';
import { extractFacts } from '../src/core/compare';
const c = loadCorpus(['demo/corpus.jsonl']).articles.slice(0, 6);
for (const a of c) {
  const f = extractFacts(a);
  console.log(a.source, '::', f.entities.filter((e) => /Aldric|School/.test(e.name)).map((e) => `${e.name}${e.p ? '*' : ''}`).join(' | '));
  for (const l of a.text.split('\n')) if (/Aldric/.test(l)) console.log('   >>', l.slice(0, 200));
}
