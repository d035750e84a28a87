// `npx tsx bench/language-check.ts [--data PATH]`: how the language check (src/core/language.ts)
// reads the shared data, which is all English. For each set: how many articles it takes for
// another language (should be none), and how many when a page declared German, French or
// Polish (a site's template, a feed's language), and the share of English function words among the
// first 400 words of texts of 40 words or more (the lowest, the 1st percentile, the median).
import { englishShare } from '../src/core/language';
import { articleLanguage } from '../src/core/match';
import { stripBoilerplate } from '../src/core/match/boilerplate';
import { dataPath, listDatasets, loadDataset } from './data';

const root = dataPath(process.argv.slice(2));
const sets = listDatasets(root);
if (!sets.length) {
  console.log(`language-check: no data under ${root}; nothing measured`);
  process.exit(0);
}
let flaggedAll = 0;
for (const name of sets) {
  const arts = loadDataset(root, name);
  const flagged = arts.filter((a) => articleLanguage(a) !== null);
  flaggedAll += flagged.length;
  // Read as the check reads them: the title, and the text without its boilerplate lines.
  const shares = arts.map((a) => englishShare(`${a.title}\n${stripBoilerplate(a.text)}`)).filter((s): s is number => s !== null).sort((x, y) => x - y);
  const at = (p: number) => (shares.length ? shares[Math.min(shares.length - 1, Math.floor(p * shares.length))]!.toFixed(3) : '–');
  // The same English texts under a page or feed that declares another language.
  const forced = (lang: string) => arts.filter((a) => articleLanguage({ ...a, lang }) !== null).length;
  console.log(`${name.padEnd(14)} ${String(arts.length).padStart(5)} articles  taken for another language: ${flagged.length}${flagged.length ? ` (${flagged.slice(0, 5).map((a) => a.id).join(', ')})` : ''}; declared "de" / "fr" / "pl": ${forced('de')} / ${forced('fr')} / ${forced('pl')}  English share (texts of 40+ words): min ${at(0)}, 1st pct ${at(0.01)}, median ${at(0.5)}`);
}
process.exit(flaggedAll ? 1 : 0);
