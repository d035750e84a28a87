// What the popup lists of the matches the reader hid. No browser API: unit-tested in Node.
import type { Article } from '../core/types';
import type { HiddenMatch } from '../messages';

/**
 * The hidden matches still in the corpus, so that the popup can show them again: one entry
 * per hiding (a source and the copies hidden with it), led by its first article still stored.
 */
export function hiddenMatches(groups: string[][], stored: ReadonlyMap<string, Article>): HiddenMatch[] {
  return groups.flatMap((g) => {
    const [lead, ...rest] = g.flatMap((id) => stored.get(id) ?? []);
    if (!lead) return [];
    const together = rest.map((r) => ({ id: r.id, source: r.source, url: r.url }));
    return [{ id: lead.id, title: lead.title, source: lead.source, url: lead.url, ...(together.length ? { together } : {}) }];
  });
}
