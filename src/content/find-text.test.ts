// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findText } from './find-text';

function setBody(html: string) {
  document.body.replaceChildren(...Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes));
}

describe('findText', () => {
  it('finds a sentence across markup and differing whitespace', () => {
    setBody('<p>First one.</p><p>The council   met on\n   <b>Tuesday</b>, and <a href="#">approved</a> the plan. After.</p>');
    const r = findText(document.body, 'The council met on Tuesday, and approved the plan.');
    expect(r?.toString().replace(/\s+/g, ' ')).toBe('The council met on Tuesday, and approved the plan.');
  });

  it('ignores scripts and styles, and says when the sentence is not there', () => {
    setBody('<script>var s = "hidden words here";</script><p>Visible words.</p>');
    expect(findText(document.body, 'hidden words here')).toBeNull();
    expect(findText(document.body, 'Visible words.')).not.toBeNull();
  });
});
