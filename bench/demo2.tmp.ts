import { loadCorpus, loadArticleFile } from '/work/main/src/cli/load';
import { compareArticles } from '/work/main/src/core/compare';
const c = loadCorpus(['/work/main/demo/corpus.jsonl']).articles.slice(0, 6);
const mc = loadArticleFile('/work/main/demo/pages/brinmoor-factory-fire.html');
const all = ['article' in mc ? mc.article : null!, ...c];
const which = process.argv[2] ? [Number(process.argv[2])] : [0];
for (const i of which) {
  const t = all[i]!;
  console.log('=== ', t.source, t.published);
  for (const d of compareArticles({ article: t, score: 1 }, all.filter((x) => x !== t).map((a) => ({ article: a, score: 1 })))) {
    console.log(`[${d.kind}] ${d.summary}`);
  }
}
