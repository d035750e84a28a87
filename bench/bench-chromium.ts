// `npm run bench:chromium [-- --json] [-- --sizes 1000,10000,100000] [-- --data PATH] [-- --options]`
// Matching inside the real Chromium worker of the built test extension, over the same
// corpora as the Node benchmark (bench/match-corpus.ts). With --options, also the import
// through the options page's file input, as a user does it.
import { existsSync } from 'node:fs';
import { benchInChromium, importViaOptionsPage } from './chromium-bench';
import { dataPath, listDatasets, loadDataset } from './data';
import { CORPUS_NOTE, benchCorpus } from './match-corpus';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const sizesArg = argv.find((a) => a.startsWith('--sizes'));
const sizes = (sizesArg?.includes('=') ? sizesArg.split('=')[1]! : sizesArg ? argv[argv.indexOf(sizesArg) + 1]! : '1000,10000,100000').split(',').map(Number);
const root = dataPath(argv);
if (!existsSync(root)) {
  console.log(`bench:chromium: no data at ${root}; nothing measured`);
  process.exit(0);
}
const real = listDatasets(root).flatMap((d) => loadDataset(root, d));
const log = json ? () => {} : (s: string) => console.error(s);
if (!json) console.log(`Chromium worker (build/chrome-test). Corpus: ${CORPUS_NOTE}.`);
for (const size of sizes) {
  // Queries: real articles spread over the corpus, each matched against all the others.
  const queries = real.filter((_, i) => i % Math.max(1, Math.floor(real.length / 50)) === 0).slice(0, 50);
  const rows = await benchInChromium(benchCorpus(real, size), size, queries, log);
  if (argv.includes('--options')) rows.unshift(await importViaOptionsPage(benchCorpus(real, size), size));
  for (const r of rows) console.log(json ? JSON.stringify(r) : `${size}\t${r.name}\t${JSON.stringify(r)}`);
}
