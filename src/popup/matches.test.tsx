// @vitest-environment jsdom
// Why two articles were matched, as the popup says it: rendered by Preact into a real DOM.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ReportMatch } from '../core/types';
import { Matches } from './matches';

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
});
