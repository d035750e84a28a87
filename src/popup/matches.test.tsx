// @vitest-environment jsdom
// Why two articles were matched, as the popup says it: rendered by Preact into a real DOM.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ReportMatch } from '../core/types';
import { HiddenMatches, Matches, NearMatches, sources } from './matches';
import { ReportView } from './report-view';

const sentencing: ReportMatch = {
  id: 'a1',
  title: 'Two wounded in Dunmore Avenue shooting',
  source: 'Riverton Herald',
  url: 'https://riverton-herald.example/news/a1',
  published: '2024-03-02',
  score: 0.81,
  reasons: { sharedNames: ['marcus delavane', 'copper kettle'], sharedTerms: ['kettle'], dayGap: 251, namedDay: '2024-03-02', syndicated: false },
};

function why(m: ReportMatch): string {
  const root = document.createElement('div');
  render(<Matches matches={[m]} />, root);
  return root.querySelector('.why')!.textContent!;
}

describe('popup match reasons', () => {
  it('say when one article names the day the other was published', () => {
    const text = why(sentencing);
    expect(text).toMatch(/both name marcus delavane, copper kettle/);
    expect(text).toMatch(/251 days apart · one names the other's date, .*2024/);
  });
  it('say nothing of it otherwise, or for reasons stored before it existed', () => {
    expect(why({ ...sentencing, reasons: { ...sentencing.reasons!, namedDay: null } })).not.toMatch(/names the other's date/);
    const { namedDay: _dropped, ...old } = sentencing.reasons!;
    expect(why({ ...sentencing, reasons: old as ReportMatch['reasons'] })).toMatch(/251 days apart$/);
  });
  it("say when only the feed's summary of the match is in the corpus", () => {
    expect(why({ ...sentencing, partial: true })).toMatch(/^the feed's summary only · both name/);
    expect(why(sentencing)).not.toMatch(/summary/);
  });
});

describe('popup, pages of several stories', () => {
  it('say of a match that it is a page of several stories, compared on this one', () => {
    expect(why({ ...sentencing, stories: 5 })).toMatch(/a page of 5 stories, compared on this one · both name/);
    expect(why(sentencing)).not.toMatch(/stories/);
  });
  it('say of the article being read when it is one', () => {
    const root = document.createElement('div');
    const article = { id: 'b', title: 'Morning briefing', source: 'Riverton Herald', url: null, published: '2024-03-02' };
    const show = (a: typeof article & { stories?: number }) =>
      render(<ReportView view={{ state: 'ready', article: a, report: { article: a, matches: [sentencing], differences: [] }, at: 1 }} onForce={() => undefined} onOptions={() => undefined} />, root);
    show({ ...article, stories: 4 });
    expect(root.querySelector('[data-testid=stories-notice]')!.textContent).toBe('This page holds 4 stories: it is compared on the ones its other sources tell.');
    show(article);
    expect(root.querySelector('[data-testid=stories-notice]')).toBeNull();
  });
});

describe('hiding a match', () => {
  it('"Not this story" hands the match\'s id to the report, once per click', () => {
    const root = document.createElement('div');
    const calls: string[][] = [];
    render(<Matches matches={[sentencing, { ...sentencing, id: 'a2', title: 'Other' }]} onHide={(ids) => calls.push(ids)} />, root);
    const buttons = root.querySelectorAll<HTMLButtonElement>('[data-testid=hide-match]');
    expect(buttons).toHaveLength(2);
    buttons[1]!.click();
    expect(calls).toEqual([['a2']]);
  });
  it('offers no button where the report cannot change, and none while a change is under way', () => {
    const root = document.createElement('div');
    render(<Matches matches={[sentencing]} />, root);
    expect(root.querySelector('[data-testid=hide-match]')).toBeNull();
    render(<Matches matches={[sentencing]} onHide={() => undefined} busy />, root);
    expect(root.querySelector<HTMLButtonElement>('[data-testid=hide-match]')!.disabled).toBe(true);
  });
  it('lists the hidden ones, as text, each with "Show again"', () => {
    const root = document.createElement('div');
    const shown: string[][] = [];
    const hidden = [{ id: 'h1', title: '<img src=x onerror=alert(1)>', source: 'Lake Times', url: 'javascript:alert(1)' }];
    render(<HiddenMatches hidden={hidden} onShow={(ids) => shown.push(ids)} />, root);
    expect(root.querySelector('summary')!.textContent).toBe('1 hidden as not the same story');
    // Page content stays text: no element from the title, no link to a script URL.
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[data-testid=hidden-match]')!.textContent).toContain('<img src=x onerror=alert(1)>');
    root.querySelector<HTMLButtonElement>('[data-testid=unhide-match]')!.click();
    expect(shown).toEqual([['h1']]);
    render(<HiddenMatches hidden={[]} onShow={() => undefined} />, root);
    expect(root.querySelector('[data-testid=hidden-matches]')).toBeNull();
  });
});

describe('wire copy', () => {
  const wire: ReportMatch = { ...sentencing, id: 'w', source: 'Valmont Wire', url: 'https://valmont.example/w' };
  const copy: ReportMatch = { ...sentencing, id: 'c', source: 'Eastfield Gazette', url: 'https://eastfield.example/c', sameTextAs: 'w' };
  const own: ReportMatch = { ...sentencing, id: 'o', source: 'Delta Herald', url: 'https://delta.example/o' };

  it('is one source, listed at its first article with where else it ran', () => {
    expect(sources([wire, own, copy]).map((e) => [e.m.id, e.copies.map((c) => c.id)])).toEqual([['w', ['c']], ['o', []]]);
    const root = document.createElement('div');
    render(<Matches matches={[wire, own, copy]} />, root);
    expect([...root.querySelectorAll('[data-testid=match]')].map((e) => (e as HTMLElement).dataset.id)).toEqual(['w', 'o']);
    expect(root.querySelector('[data-testid=match-copies]')!.textContent).toBe('Same text also in Eastfield Gazette');
    expect(root.querySelector<HTMLAnchorElement>('[data-testid=match-copy] a')!.href).toBe('https://eastfield.example/c');
  });
  it('is hidden as one source, and shown again as one', () => {
    const root = document.createElement('div');
    const hid: string[][] = [];
    render(<Matches matches={[wire, own, copy]} onHide={(ids) => hid.push(ids)} />, root);
    root.querySelector<HTMLButtonElement>('[data-testid=match][data-id=w] [data-testid=hide-match]')!.click();
    expect(hid).toEqual([['w', 'c']]);
    const shown: string[][] = [];
    const hidden = [{ id: 'w', title: wire.title, source: wire.source, url: wire.url, together: [{ id: 'c', source: copy.source, url: copy.url }] }];
    render(<HiddenMatches hidden={hidden} onShow={(ids) => shown.push(ids)} />, root);
    expect(root.querySelector('summary')!.textContent).toBe('1 hidden as not the same story');
    expect(root.querySelector('[data-testid=hidden-copies]')!.textContent).toBe('Same text also in Eastfield Gazette');
    root.querySelector<HTMLButtonElement>('[data-testid=unhide-match]')!.click();
    expect(shown).toEqual([['w', 'c']]);
  });
  it('stands alone when its first is not in the list', () => {
    expect(sources([own, copy]).map((e) => e.m.id)).toEqual(['o', 'c']);
  });
});

describe('near misses', () => {
  const near: ReportMatch = { ...sentencing, id: 'n1', title: '<b>Charge filed</b>', score: 0.31 };

  it('are offered to judge, as text: "Same story" joins one, "Not this story" hides it', () => {
    const root = document.createElement('div');
    const calls: [string[], boolean][] = [];
    render(<NearMatches near={[near]} onJudge={(ids, same) => calls.push([ids, same])} />, root);
    expect(root.querySelector('h2')!.textContent).toBe('Maybe the same story (1)');
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('[data-testid=near-match]')!.textContent).toContain('<b>Charge filed</b>');
    root.querySelector<HTMLButtonElement>('[data-testid=join-match]')!.click();
    root.querySelector<HTMLButtonElement>('[data-testid=hide-near]')!.click();
    expect(calls).toEqual([[['n1'], true], [['n1'], false]]);
    render(<NearMatches near={[near]} onJudge={() => undefined} busy />, root);
    expect(root.querySelector<HTMLButtonElement>('[data-testid=join-match]')!.disabled).toBe(true);
    render(<NearMatches near={[]} onJudge={() => undefined} />, root);
    expect(root.querySelector('[data-testid=near-matches]')).toBeNull();
  });

  it('once joined, a match says it is the same story on the reader\'s word', () => {
    expect(why({ ...sentencing, joined: true })).toMatch(/^the same story, you said · both name/);
    expect(why(sentencing)).not.toMatch(/you said/);
  });
});

describe('a report with no match but a near miss', () => {
  it('says none was found, and offers the near miss to judge', () => {
    const root = document.createElement('div');
    const article = { id: 'q', title: 'Dam opens', source: 'Lake Times', url: null, published: '2024-03-01' };
    const near = [{ ...sentencing, id: 'n1', score: 0.3 }];
    const judged: [string[], boolean][] = [];
    render(<ReportView view={{ state: 'no-matches', article, near, at: 1 }} onForce={() => undefined} onOptions={() => undefined} onJudge={(ids, same) => judged.push([ids, same])} />, root);
    expect(root.textContent).toContain('No other source in your corpus was found to cover this story.');
    root.querySelector<HTMLButtonElement>('[data-testid=near-match][data-id=n1] [data-testid=join-match]')!.click();
    expect(judged).toEqual([[['n1'], true]]);
    render(<ReportView view={{ state: 'no-matches', article, at: 1 }} onForce={() => undefined} onOptions={() => undefined} onJudge={() => undefined} />, root);
    expect(root.textContent).toContain('No other source in your corpus covers this story.');
    expect(root.querySelector('[data-testid=near-matches]')).toBeNull();
  });
});

