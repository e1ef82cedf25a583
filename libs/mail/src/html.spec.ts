import { describe, expect, it } from '@jest/globals';

import { escapeHtml, raw } from './html.js';

describe('html', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml('<script>alert("x")</script> & \'y\'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('keeps trusted markup as it is', () => {
    expect(raw('<br>').value).toBe('<br>');
  });
});
