import { describe, expect, it } from '@jest/globals';
import { html, raw } from './html.js';

describe('html', () => {
  it('escapes interpolated text', () => {
    expect(html`<p>${'<script>alert("x")</script> & \'y\''}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('keeps nested safe markup and joins lists', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });

  it('drops null, undefined and false', () => {
    expect(html`[${null}${undefined}${false}${0}]`.value).toBe('[0]');
  });
});
