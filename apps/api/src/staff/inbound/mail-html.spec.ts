import { describe, expect, it } from '@jest/globals';

import { sanitiseMailHtml } from './mail-html.js';

describe('sanitiseMailHtml', () => {
  it.each([
    ['a script element and its text', '<p>Hi</p><script>alert(1)</script>', '<p>Hi</p>'],
    ['an event handler', '<p onclick="alert(1)">Hi</p>', '<p>Hi</p>'],
    [
      'an image (a remote read receipt), with its onerror',
      '<p>Hi<img src="https://tracker.example/p.gif" onerror="alert(1)"></p>',
      '<p>Hi</p>',
    ],
    ['a javascript: link target', '<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    [
      'a data: link target',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '<a rel="noopener noreferrer nofollow">x</a>',
    ],
    [
      'style elements and attributes',
      '<style>p{color:red}</style><p style="background:url(https://t.example/x)">Hi</p>',
      '<p>Hi</p>',
    ],
    [
      'forms, frames and objects',
      '<form action="https://x.example"><input name="a"></form><iframe src="https://x.example"></iframe><object data="x"></object>',
      '',
    ],
    ['a protocol-relative link', '<a href="//evil.example/">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['a base element re-pointing relative links', '<base href="https://evil.example/"><p>Hi</p>', '<p>Hi</p>'],
    [
      'svg with a script inside',
      '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<a rel="noopener noreferrer nofollow">x</a>',
    ],
  ])('removes %s', (_why, dirty, clean) => {
    expect(sanitiseMailHtml(dirty)).toBe(clean);
  });

  it('keeps the text structure and ordinary links, which open without a referrer, and reduces headings to paragraphs', () => {
    expect(
      sanitiseMailHtml(
        '<h2>Request</h2><p>Please <b>delete</b> my data.</p><ul><li>one</li></ul><a href="https://example.org/policy" target="_top">policy</a>',
      ),
    ).toBe(
      '<p class="sender-heading">Request</p><p>Please <b>delete</b> my data.</p><ul><li>one</li></ul><a href="https://example.org/policy" rel="noopener noreferrer nofollow">policy</a>',
    );
  });

  it('keeps no class of the sender but the one headings become', () => {
    expect(sanitiseMailHtml('<p class="alerts sender-heading">x</p><h1 class="alerts">y</h1>')).toBe(
      '<p class="sender-heading">x</p><p class="sender-heading">y</p>',
    );
  });

  it('escapes text that looks like markup once decoded', () => {
    expect(sanitiseMailHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
});
