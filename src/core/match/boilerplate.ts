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
 * Written for credits and prompts, not for sentences that name the same things ("Police posted
 * the video on their Facebook page.", "A file photo of the suspect was released.").
 */
const SHORT_MARKERS = new RegExp(
  [
    'view full caption', '(?:getty images|shutterstock|file photo)\\)?$', '^\\(?(?:photo|file photo):', 'conversation on the \\S+ facebook page',
    'radio here:?$', '^like this:', 'like loading',
    '^trending stories', 'show transcript', '^copy link', 'pending comments', 'scroll down for video', 'report an error or submit a tip',
    'location to your tweets', 'never miss another facebook post',
  ].join('|'),
  'i',
);
/** "Follow KDKA On Twitter", "Follow CBSDFW.COM: Facebook": an outlet's handle, not "follow him on Twitter". */
const FOLLOW_PROMPT = /^(?:[Ss]tay [Uu]p [Tt]o [Dd]ate, )?[Ff]ollow [A-Z0-9.]{2,}(?: [Oo]n|:) (?:Twitter|Facebook|Instagram)/;
const SHORT_LINE = 100;

/** The text without lines that look like page furniture. */
export function stripBoilerplate(text: string, head = Infinity): string {
  const kept: string[] = [];
  let length = 0;
  // Each line is judged alone, so the first `head` characters are those of the whole text
  // stripped: enough for a caller that reads no further (the language check), at a fraction of the cost.
  for (const l of text.split('\n')) {
    // (`length` counts a newline after each kept line: one more than the joined text has.)
    if (length > head) break;
    const t = l.trim();
    if (MARKERS.test(t) || (t.length < SHORT_LINE && (SHORT_MARKERS.test(t) || FOLLOW_PROMPT.test(t)))) continue;
    kept.push(l);
    length += l.length + 1;
  }
  // A page made only of furniture has nothing to match on: its title alone will have to do.
  return kept.join('\n');
}
