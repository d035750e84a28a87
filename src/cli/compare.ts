// `parallax compare ARTICLE --corpus PATH [--corpus PATH ...] [--format json|text]`:
// finds the articles about the same story with the matcher, then compares them.
import { normaliseText } from '../core/article';
import { buildReport, extractFacts } from '../core/compare';
import { languageName } from '../core/language';
import { extractMatchFeatures, MatchIndex } from '../core/match';
import { searchArticle } from '../core/roundup-search';
import type { Article, Match, Report } from '../core/types';
import { parseArgs, UsageError } from './args';
import { loadArticleFile, loadCorpus } from './load';

/**
 * The matching step, in one place: the story matcher of src/core/match over a throw-away
 * index, the article counted in it (as `findMatches` does), and a page of several stories
 * matched story by story too, as the extension does.
 */
function matchStory(article: Article, corpus: Article[]): Match[] {
  const index = new MatchIndex();
  for (const a of corpus) index.add(a.id, extractMatchFeatures(a));
  const f = extractMatchFeatures(article);
  if (!index.has(article.id)) index.add(article.id, f);
  return searchArticle(index, article, f, { exclude: [article.id] }).matches;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['corpus', 'format']);
  const format = args.flags.get('format')?.at(-1) ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
  const file = args.positional[0];
  if (!file) throw new UsageError('which article? give an ARTICLE file');
  if (args.positional.length > 1) throw new UsageError(`one ARTICLE at a time (got ${args.positional.length})`);
  const corpusPaths = args.flags.get('corpus') ?? [];
  if (corpusPaths.length === 0) throw new UsageError('give at least one --corpus PATH');

  const loaded = loadArticleFile(file);
  if ('error' in loaded) {
    process.stderr.write(`parallax compare: ${loaded.error}\n`);
    return 1;
  }
  const article = loaded.article;
  // The extractor takes any page when asked to; a page with no prose (a search page, a
  // list of links) has nothing to compare.
  const facts = extractFacts(article);
  if (facts.sentences.length < 2) {
    process.stderr.write(`parallax compare: ${file}: no article found (the page has no running text)\n`);
    return 1;
  }
  const corpus = loadCorpus(corpusPaths);
  for (const e of corpus.errors) process.stderr.write(`parallax compare: ${e}\n`);

  // An article is never its own match: not by id, not by URL, not by the same text.
  const text = normaliseText(article.text);
  const candidates = corpus.articles.filter(
    (a) => a.id !== article.id && !(article.url && a.url === article.url) && normaliseText(a.text) !== text,
  );
  if (candidates.length === 0) {
    process.stderr.write('parallax compare: the corpus has no articles to compare with\n');
    return 1;
  }
  const byId = new Map(candidates.map((a) => [a.id, a]));
  const matches = matchStory(article, candidates).filter((m) => byId.has(m.id));
  const report = buildReport(
    article,
    matches.map((m) => ({ article: byId.get(m.id)!, score: m.score, reasons: m.reasons })),
    facts,
  );
  process.stdout.write(format === 'json' ? JSON.stringify(toJson(report), null, 2) + '\n' : toText(report));
  return 0;
}

/** The JSON contract of the command: matches without their reasons, differences as they are. */
function toJson(r: Report) {
  return {
    article: r.article,
    matches: r.matches.map(({ id, title, source, url, published, language, stories, score, sameTextAs }) => ({
      id, title, source, url, published, ...(language ? { language } : {}), ...(stories ? { stories } : {}), score: round(score), ...(sameTextAs ? { sameTextAs } : {}),
    })),
    differences: r.differences,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function toText(r: Report): string {
  const lines: string[] = [];
  const a = r.article;
  lines.push(`${a.title}`, `${[a.source, a.published?.slice(0, 10)].filter(Boolean).join(', ') || 'unknown source'}`, '');
  if (a.language) {
    lines.push(
      r.matches.length
        ? `This article is in ${languageName(a.language)}: Parallax compares English texts only, so its coverage is listed, not compared.`
        : `This article is in ${languageName(a.language)}: Parallax is built for English news; against English coverage it matches on shared names and numbers alone, so coverage may be missed.`,
      '',
    );
  }
  if (a.stories) lines.push(`This page holds ${a.stories} stories: it is compared on the ones its other sources tell.`, '');
  if (r.matches.length === 0) {
    lines.push('No other coverage of this story in the corpus.');
    return lines.join('\n') + '\n';
  }
  const copies = r.matches.filter((m) => m.sameTextAs).length;
  const sources = copies ? ` (${r.matches.length - copies} source${r.matches.length - copies === 1 ? '' : 's'})` : '';
  lines.push(`Same story in ${r.matches.length} other article${r.matches.length === 1 ? '' : 's'}${sources}:`);
  const byId = new Map(r.matches.map((m) => [m.id, m]));
  for (const m of r.matches) {
    const first = m.sameTextAs ? byId.get(m.sameTextAs) : undefined;
    const notes = [
      m.published?.slice(0, 10),
      first && `same text as ${first.source ?? first.title}`,
      m.language && `in ${languageName(m.language)}, not compared`,
      m.stories && `a page of ${m.stories} stories, compared on this one`,
    ].filter(Boolean);
    lines.push(`  - ${m.source ?? '?'}: ${m.title}${notes.length ? ` (${notes.join(', ')})` : ''}`);
  }
  lines.push('');
  if (r.differences.length === 0 && !a.language) lines.push(r.matches.every((m) => m.language) ? 'Nothing compared: the other articles are not in English.' : 'No differences found.');
  let kind = '';
  for (const d of r.differences) {
    if (d.kind !== kind) {
      kind = d.kind;
      lines.push(`${HEADINGS[d.kind]}`);
    }
    lines.push(`  * ${d.summary}`);
    if (d.here) lines.push(`      here: "${d.here.sentence}"`);
    for (const e of d.elsewhere) lines.push(`      ${e.source ?? e.id}: "${e.sentence}"`);
  }
  return lines.join('\n') + '\n';
}

const HEADINGS: Record<string, string> = {
  numbers: 'Numbers', timing: 'Dates and times', naming: 'Names and titles', quote: 'Quotes',
  framing: 'Wording', omitted: 'Reported elsewhere, not here', exclusive: 'Only in this article',
};
