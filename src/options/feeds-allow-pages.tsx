// After a subscription: the feed's articles are on another site than the feed (feeds.example.com
// and www.example.com), which Parallax may not read. One button asks for those sites, in the
// click, and the worker then fetches the pages of the items still stored as summaries.
import browser from 'webextension-polyfill';
import { send } from '../messages';
import type { FeedSubscription } from '../platform/feeds';
import { plural, type Outcome } from './feeds-common';
import { errorText } from './import-panel';

/**
 * Offers to read the articles' pages on the sites the feeds' items link to (a feed on
 * feeds.example.com, its articles on www.example.com). Asked in the click, all at once.
 */
export function AllowPages(props: { allow: { url: string; sites: string[] }[]; busy: boolean; setBusy: (text: string | null) => void; report: (o: Outcome | null) => void; onFeeds: (feeds: FeedSubscription[]) => void }) {
  const sites = [...new Set(props.allow.flatMap((a) => a.sites))];
  const hosts = sites.map((p) => new URL(p.replace('/*', '/')).host).join(', ');
  const one = props.allow.length === 1;
  function allow() {
    const asked = browser.permissions.request({ origins: sites });
    props.setBusy('Allowing…');
    void asked
      .then(async (granted) => {
        if (!granted) {
          props.report({ ok: false, message: `Not allowed: the articles on ${hosts} keep ${one ? "the feed's" : 'their'} summaries until you open them.` });
          return;
        }
        let queued = 0;
        for (const a of props.allow) {
          const r = await send('feeds:pages', a);
          queued += r.queued;
          props.onFeeds(r.feeds);
        }
        props.report({ ok: true, message: `Allowed ${hosts}: ${plural(queued, 'article page')} will be fetched, and new articles' pages from now on.` });
      })
      .catch((e) => props.report({ ok: false, message: `The pages could not be fetched: ${errorText(e)}` }))
      .finally(() => props.setBusy(null));
  }
  return (
    <p>
      {one ? 'Its articles are' : "These feeds' articles are"} on {hosts}, which Parallax may not read yet, so {one ? "the feed's" : 'their'} summaries are
      compared instead.{' '}
      <button type="button" disabled={props.busy} data-testid="feed-allow-pages" onClick={allow}>
        Allow {hosts} for the articles
      </button>
    </p>
  );
}

