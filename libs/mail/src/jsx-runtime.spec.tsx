import { describe, expect, it } from '@jest/globals';

import { raw } from './html.js';

describe('JSX runtime', () => {
  it('escapes string children and attributes, and passes SafeHtml through once', () => {
    const name = `<b>"Eve" & O'Neil</b>`;
    const escaped = '&lt;b&gt;&quot;Eve&quot; &amp; O&#39;Neil&lt;/b&gt;';
    const markup = (
      <p title={name} data-x={3}>
        {name}
        {raw('<i>trusted</i>')}
        <span>{name}</span>
      </p>
    );
    expect(markup.value).toBe(`<p title="${escaped}" data-x="3">${escaped}<i>trusted</i><span>${escaped}</span></p>`);
  });

  it('writes boolean attributes bare, leaves out false and absent ones, and closes no void element', () => {
    expect((<input type="checkbox" checked required={false} id={undefined} />).value).toBe(
      '<input type="checkbox" checked>',
    );
    expect(
      (
        <option value="a" selected>
          A
        </option>
      ).value,
    ).toBe('<option value="a" selected>A</option>');
  });

  it('renders nothing for null, undefined and booleans, and flattens lists', () => {
    expect(
      (
        <ul>
          {[null, false, true, undefined, ['a', ['b']], 0].map((c) => (
            <li>{c}</li>
          ))}
        </ul>
      ).value,
    ).toBe('<ul><li></li><li></li><li></li><li></li><li>ab</li><li>0</li></ul>');
  });
});
