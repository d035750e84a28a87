// Chrome's offscreen document: the one place a Chrome extension has a DOM without a visible
// page. The worker opens it to read a fetched article page with Readability (the same
// extraction as the content script), and closes it when done. Firefox's background is an
// event page with a DOM of its own and does not use this.
import { extractArticle } from '../extract/extract';
import { listen, type BackgroundToOffscreen } from '../messages';

listen<BackgroundToOffscreen>({
  async 'offscreen:extract'({ html, url }) {
    // Parsed as an inert document: no script runs, nothing is loaded, nothing is shown.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    // Forced, as in the worker: a feed item's page is an article by the feed's word.
    return extractArticle(doc, url, { force: true });
  },
});
