// @vitest-environment jsdom
// The popup's findings as a reader sees them: rendered by Preact into a real DOM (jsdom).
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Difference } from '../core/types';
import { Differences } from './differences';

const rising: Difference = {
  kind: 'numbers',
  topic: 'killed',
  summary: 'A later count, not necessarily a contradiction: the number killed rose as the story unfolded',
  here: { value: 'three', sentence: 'Three people were killed at the Varrow mill.' },
  elsewhere: [{ id: 'c', source: 'Courier', value: 'five', sentence: 'Five people were killed at the Varrow mill.', note: '2 days later' }],
};
const conflict: Difference = { ...rising, summary: 'Others report a different number killed', elsewhere: [{ ...rising.elsewhere[0]!, note: undefined }] };

function shown(d: Difference): HTMLElement {
  const root = document.createElement('div');
  render(<Differences differences={[d]} />, root);
  return root;
}

describe('popup findings with values', () => {
  it('a count that rose over days says so in the table and the headline, not only in the tooltip', () => {
    const el = shown(rising);
    const rows = [...el.querySelectorAll('table.values tr')].map((tr) => tr.textContent);
    expect(rows).toEqual(['threethis article', 'fiveCourier, 2 days later']);
    expect(el.querySelector('.summary')!.textContent).toMatch(/Killed · a later count, not a contradiction/);
  });
  it('a disagreement on the same day is shown as one', () => {
    const el = shown(conflict);
    expect([...el.querySelectorAll('table.values tr')].map((tr) => tr.textContent)).toEqual(['threethis article', 'fiveCourier']);
    expect(el.querySelector('.summary')!.textContent).not.toMatch(/later count/);
  });
  it('page text is rendered as text, never as markup', () => {
    const el = shown({ ...conflict, here: { value: '<b>3</b>', sentence: '<img src=x onerror=alert(1)>' } });
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('table.values th')!.textContent).toBe('<b>3</b>');
  });
});
