// `parallax match ARTICLE --corpus PATH ...` and `parallax match --corpus PATH --all`:
// the story matcher over files, with the same fixed defaults as the extension.
import { searchArticle } from '../core/roundup-search';
import { parseArgs, UsageError } from './args';
import { loadArticleFile, loadCorpus } from './load';
import { MatchIndex, extractMatchFeatures, type MatchFeatures } from '../core/match/index';
import type { Article, Match } from '../core/types';

/** Near misses listed for one article, as many as the popup offers. */
const NEAR = 3;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['corpus', 'limit']);
  const corpusPaths = args.flags.get('corpus') ?? [];
  if (corpusPaths.length === 0) throw new UsageError('match needs at least one --corpus PATH');
  const all = args.bools.has('all');
  if (all && args.positional.length > 0) throw new UsageError('give either ARTICLE or --all, not both');
  if (!all && args.positional.length !== 1) throw new UsageError('match needs one ARTICLE file (or --all)');
  const limitRaw = args.flags.get('limit')?.at(-1);
  const limit = limitRaw === undefined ? undefined : Number(limitRaw);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit must be a positive integer');

  const { articles, errors } = loadCorpus(corpusPaths);
  for (const e of errors) process.stderr.write(`parallax match: ${e}\n`);
  if (articles.length === 0) {
    process.stderr.write('parallax match: the corpus has no readable articles\n');
    return 1;
  }

  const index = new MatchIndex();
  const feats = new Map<string, MatchFeatures>();
  for (const a of articles) {
    const f = extractMatchFeatures(a);
    feats.set(a.id, f);
    index.add(a.id, f);
  }
  const opts = limit === undefined ? {} : { limit };

  if (all) {
    // `parallax match --all | head` closes the pipe early: stop quietly instead of crashing.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
    for (const a of articles) {
      const ms = searchArticle(index, a, feats.get(a.id)!, { ...opts, exclude: [a.id] }).matches;
      process.stdout.write(JSON.stringify({ id: a.id, matches: ms.map((m) => ({ id: m.id, score: m.score })) }) + '\n');
    }
    return 0;
  }

  const loaded = loadArticleFile(args.positional[0]!);
  if ('error' in loaded) {
    process.stderr.write(`parallax match: ${loaded.error}\n`);
    return 1;
  }
  const article = loaded.article;
  const f = extractMatchFeatures(article);
  // The article being read belongs to the collection that term rarity is measured over.
  if (!index.has(article.id)) index.add(article.id, f);
  const byId = new Map<string, Article>(articles.map((a) => [a.id, a]));
  // A page of several stories is matched story by story as well, as the extension does.
  const found = searchArticle(index, article, f, { ...opts, exclude: [article.id], near: NEAR });
  const described = (m: Match) => {
    const o = byId.get(m.id);
    return { id: m.id, title: o?.title ?? null, source: o?.source ?? null, score: m.score, reasons: m.reasons };
  };
  // `near`: the articles the matcher nearly took for the same story, as the popup offers them.
  const out = { article: { id: article.id, title: article.title }, matches: found.matches.map(described), near: found.near.map(described) };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}
