// Whether the text read from a feed item's page may take the place of the feed's summary.
// The page is read with Readability forced (the feed says it is an article), and forced, it
// returns text from whatever the site served: a consent wall, a sign-in page, a list of
// videos. Stored in place of the summary, such a text would be matched and compared as if it
// were the article; kept, the summary at least is the item's own words.
import { textCarriesHeadline } from '../match';
import { tokenize } from '../match/tokenize';
import type { Article } from '../types';

export function pageReplacesSummary(item: Article, page: Article): boolean {
  if (page.text.length <= item.text.length) return false;
  // The page's article names its headline or tells what its summary tells. The headline test
  // alone would refuse an article whose headline uses other forms of its words ("Boy
  // accidentally shoots sister" over "the accidental shooting"); a consent wall passes neither.
  return textCarriesHeadline(item.title, page.text, page.lang ?? item.lang) || tellsSummary(item.text, page.text);
}

/** Whether half the summary's words (numbers aside, three words or more) are in the page's text. */
function tellsSummary(summary: string, text: string): boolean {
  const words = [...new Set(tokenize(summary).terms)].filter((t) => !t.startsWith('#'));
  if (words.length < 3) return false;
  const page = new Set(tokenize(text).terms);
  return words.filter((t) => page.has(t)).length >= words.length / 2;
}
