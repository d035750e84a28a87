// @vitest-environment jsdom
// What the popup says of articles in other languages than English, which the comparison
// cannot read: rendered by Preact into a real DOM (jsdom).
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Difference, Report, ReportMatch } from '../core/types';
import { ReportView } from './report-view';

const article = { id: 'q', title: 'Warehouse fire in Valmont', source: 'Valmont Post', url: null, published: '2026-10-14' };
const english: ReportMatch = { id: 'e', title: 'Seven hurt in harbour blaze', source: 'Harbour Times', url: null, published: '2026-10-14', score: 0.8 };
const german: ReportMatch = { id: 'g', title: 'Brand im Hafen von Valmont', source: 'Valmonter Zeitung', url: null, published: '2026-10-14', score: 0.9, language: 'de' };
const finding: Difference = {
  kind: 'numbers',
  topic: 'injured',
  summary: 'Others report a different number injured: here three, Harbour Times says seven',
  here: { value: 'three', sentence: 'Three people were injured.' },
  elsewhere: [{ id: 'e', source: 'Harbour Times', value: 'seven', sentence: 'Seven people were injured.' }],
};

function shown(a: typeof article & { language?: string }, matches: ReportMatch[], differences: Difference[]): HTMLElement {
  const root = document.createElement('div');
  const report: Report = { article: a, matches, differences };
  render(<ReportView view={{ state: 'ready', article: a, report, at: 1 }} onForce={() => undefined} onOptions={() => undefined} />, root);
  return root;
}
const notice = (root: HTMLElement) => root.querySelector('[data-testid=language-notice]')?.textContent ?? null;

describe('popup, articles in other languages', () => {
  it('an article in another language: its coverage listed, not compared, and never "reported the same way"', () => {
    const root = shown({ ...article, language: 'fr' }, [english], []);
    expect(notice(root)).toMatch(/^This article is in French\. Parallax compares English texts only/);
    expect(root.textContent).not.toMatch(/the same way|What others report differently/);
    expect(root.querySelectorAll('[data-testid=match]')).toHaveLength(1);
  });

  it('sources in another language are marked, and named in a note; the English ones are compared', () => {
    const root = shown(article, [german, english], [finding]);
    expect(notice(root)).toBe('Not compared: 1 source in German (Parallax compares English texts only).');
    expect(root.querySelector('[data-testid=match][data-id=g] .why')!.textContent).toMatch(/in German, not compared/);
    expect(root.querySelector('[data-testid=match][data-id=e] .why')?.textContent ?? '').not.toMatch(/not compared/);
    expect(root.querySelectorAll('[data-testid=difference]')).toHaveLength(1);
    // Nothing found among the English ones: said of them, not of the German one.
    expect(shown(article, [german, english], []).textContent).toMatch(/The English sources report this story the same way/);
  });

  it('a near miss in another language says which, not "not compared" (near misses never are)', () => {
    const root = document.createElement('div');
    render(<ReportView view={{ state: 'no-matches', article, near: [german], at: 1 }} onForce={() => undefined} onOptions={() => undefined} onJudge={() => undefined} />, root);
    const why = root.querySelector('[data-testid=near-match] .why')!.textContent!;
    expect(why).toMatch(/in German/);
    expect(why).not.toMatch(/not compared/);
  });

  it('when every source is in another language, it says so instead of "reported the same way"', () => {
    const root = shown(article, [german, { ...english, id: 'x', language: 'es' }], []);
    expect(notice(root)).toBe('The other sources are in German, Spanish. Parallax compares English texts only, so it did not compare them.');
    expect(root.textContent).not.toMatch(/the same way|What others report differently/);
  });

  it('an English article with English sources gets no notice', () => {
    const root = shown(article, [english], []);
    expect(notice(root)).toBeNull();
    expect(root.textContent).toMatch(/report this story the same way/);
  });

  it('with no coverage found, an article in another language says that coverage may be missed, and why', () => {
    const root = document.createElement('div');
    render(<ReportView view={{ state: 'no-matches', article: { ...article, language: 'de' }, at: 1 }} onForce={() => undefined} onOptions={() => undefined} />, root);
    expect(notice(root)).toMatch(/^This article is in German\. Parallax is built for English news: against English coverage it matches on shared names and numbers alone/);
  });
});
