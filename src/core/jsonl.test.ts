import { describe, expect, it } from 'vitest';
import { parseArticlesJsonl, toJsonl } from './jsonl';

describe('parseArticlesJsonl', () => {
  it('keeps good lines and reports bad ones with file and line', () => {
    const text = [
      '{"title":"A","text":"Body A"}',
      '',
      '{not json',
      '{"title":"B"}',
      '[1,2]',
      '{"id":"x","title":"C","text":"Body C","published":"2024-03-02"}',
    ].join('\n');
    const r = parseArticlesJsonl(text, 'f.jsonl');
    expect(r.articles.map((a) => a.title)).toEqual(['A', 'C']);
    expect(r.errors.map((e) => [e.file, e.line])).toEqual([
      ['f.jsonl', 3],
      ['f.jsonl', 4],
      ['f.jsonl', 5],
    ]);
    expect(r.errors[1]!.message).toMatch(/text/);
  });

  it('derives the same id for the same article twice, so re-imports do not duplicate', () => {
    const line = '{"title":"A","text":"Some body","url":"https://ex.org/a"}';
    const a = parseArticlesJsonl(line, 'a').articles[0]!;
    const b = parseArticlesJsonl(line, 'b').articles[0]!;
    expect(a.id).toBe(b.id);
    expect(a.source).toBe('ex.org');
  });

  it('round-trips through toJsonl', () => {
    const r = parseArticlesJsonl('{"id":"1","title":"T","text":"x y"}', 'f');
    const again = parseArticlesJsonl(toJsonl(r.articles), 'g');
    expect(again.articles).toEqual(r.articles);
  });
});
