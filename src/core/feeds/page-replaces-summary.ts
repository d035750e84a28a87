// Whether the text read from a feed item's page may take the place of the feed's summary.
// The page is read with Readability forced (the feed says it is an article), and forced, it
// returns text from whatever the site served: a consent wall, a sign-in page, a list of
// videos. Stored in place of the summary, such a text would be matched and compared as if it
// were the article; kept, the summary at least is the item's own words.
import { textCarriesHeadline } from '../match';
import type { Article } from '../types';

export function pageReplacesSummary(item: Article, page: Article): boolean {
  return page.text.length > item.text.length && textCarriesHeadline(item.title || page.title, page.text);
}
