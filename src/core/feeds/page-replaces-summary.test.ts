import { describe, expect, it } from 'vitest';
import { normaliseArticle } from '../article';
import { pageReplacesSummary } from './page-replaces-summary';

const item = normaliseArticle({ id: 'i', title: 'Wendmoor harbour dredging contract signed', text: 'The port signed a dredging contract for Wendmoor harbour.', source: 'Port Desk' });
const page = (text: string) => ({ ...item, text });

describe('pageReplacesSummary', () => {
  it("takes the page's article, which tells the item's story at length", () => {
    const article = 'Wendmoor port authority signed the harbour dredging contract on Monday after two years of talks. '.repeat(4);
    expect(pageReplacesSummary(item, page(article))).toBe(true);
  });
  it('keeps the summary when the page is a consent wall or a video list, however long', () => {
    const consent = 'We and our partners store and access information on your device, such as cookies, and process personal data for personalised advertising and content measurement. '.repeat(5);
    expect(pageReplacesSummary(item, page(consent))).toBe(false);
    expect(pageReplacesSummary(item, page('0:27 Weather for the weekend. 1:12 Coach talks about the playoffs. 0:48 Traffic on the bridge. '.repeat(5)))).toBe(false);
  });
  it("takes an article whose headline uses other forms of its words, when it tells the summary", () => {
    const shot = normaliseArticle({ id: 's', title: 'Boy accidentally shoots sister, leaves her in critical condition', text: 'A girl was wounded at home in Tarrow when her brother found a handgun.', source: 'Tarrow Daily' });
    const article = 'A girl was wounded at home in Tarrow on Sunday when her younger brother found a loaded handgun in a bedroom. The accidental shooting left her in a hospital in Kelm. '.repeat(3);
    expect(pageReplacesSummary(shot, { ...shot, text: article })).toBe(true);
  });
  it('keeps the summary when the page says less', () => {
    expect(pageReplacesSummary(item, page('Wendmoor harbour dredging.'))).toBe(false);
  });
});
