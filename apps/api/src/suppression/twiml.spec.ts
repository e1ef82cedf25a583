import { describe, expect, it } from '@jest/globals';

import { twiml } from './twiml.js';

describe('twiml', () => {
  it('wraps one reply in a Message, XML-escaped', () => {
    expect(twiml(`A & B <x> "q" 'a'`)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>A &amp; B &lt;x&gt; &quot;q&quot; &apos;a&apos;</Message></Response>',
    );
  });

  it('sends nothing with an empty Response', () => {
    expect(twiml(null)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });
});
