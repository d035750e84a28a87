// The comparison engine: pure TypeScript, no DOM and no browser API, so the same code runs
// in Node (CLI, tests, benchmarks) and in the extension's service worker.
export { FACTS_VERSION, extractFacts, type ArticleFacts } from './facts';
export { compareArticles, type CompareInput } from './compare';
export { buildReport, reportArticle } from './report';
