// Page furniture that crawlers and extractors leave in article text: newsletter prompts,
// copyright lines, sign-in forms. Outlets repeat it verbatim under every story, so two
// unrelated articles from one site would look alike and a page that is mostly furniture
// would look like a copy of another. A line with one of these markers is dropped before
// matching; the markers are phrases that news prose itself almost never uses.
const MARKERS = new RegExp(
  [
    'newsletter', 'subscri(?:be|ption|ber)', 'javascript', 'cookies?\\b', 'privacy policy', 'terms of (?:service|use)',
    'copyright', '©', 'all rights reserved', 'rights reserved', 'may not be (?:published|reproduced|redistributed)',
    'sign(?:ing)? (?:up|in)\\b', 'log(?:ging)? ?in\\b', 'inbox', 'spam', 'junk folder', 'e-?mail address',
    'verification e-?mail', 'notifications?\\b', 'click here', '^advertisement$', 'share (?:this|on)', 'follow us',
    'download (?:our|the) app', 'your browser', 'enable javascript', 'already a member', 'create an account',
    'registering', 'password', 'user ?name', 'comments? (?:are|section|policy)', 'read more:', 'related:',
    'photo gallery', 'autoplay', 'watch (?:live|video)', '^video$', '^photo', 'report a typo',
  ].join('|'),
  'i',
);

/**
 * Photo credits and social prompts: dropped only as a short line of their own, since a
 * credit can sit at the start of the first paragraph ("Richard Goerg/Getty Images The girl…").
 */
const SHORT_MARKERS = new RegExp(
  [
    'view full caption', 'getty images', 'shutterstock', 'file photo', 'facebook page', 'join the conversation',
    'follow \\S+(?: on|:) (?:twitter|facebook|instagram)', 'listen to \\S+ radio', 'like loading', 'trending stories',
    'show transcript', 'copy link', 'pending comments', 'scroll down for video', 'submit a tip', 'location to your tweets',
    'never miss another',
  ].join('|'),
  'i',
);
const SHORT_LINE = 100;

/** The text without lines that look like page furniture. */
export function stripBoilerplate(text: string): string {
  const lines = text.split('\n');
  const kept = lines.filter((l) => {
    const t = l.trim();
    return !MARKERS.test(t) && !(t.length < SHORT_LINE && SHORT_MARKERS.test(t));
  });
  // A page made only of furniture has nothing to match on: its title alone will have to do.
  return kept.join('\n');
}
