import { describe, expect, it } from '@jest/globals';

import { useRunningSystem } from './support/system-fixture.js';

describe('the staff sign-in page in a real browser', () => {
  const system = useRunningSystem({ sink: false, browser: true, startTimeout: 90_000 });

  it('stacks a full-width password field under its label, like the email field, with the button below', async () => {
    for (const width of [1280, 390]) {
      const page = await system.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${system.baseUrl}/staff/sign-in`);
      const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
      const email = await box('#email');
      const password = await box('#password');
      const label = await box('label[for=password]');
      const button = await box('button[type=submit]');
      const form = await box('form[action="/staff/sign-in"]');
      expect({ width, passwordWidth: Math.round(password.width) }).toEqual({
        width,
        passwordWidth: Math.round(email.width),
      });
      expect(password.width).toBeGreaterThan(form.width * 0.95);
      expect(password.x).toBeCloseTo(email.x, 0);
      expect(password.y).toBeGreaterThanOrEqual(label.y + label.height);
      // The button sits on its own line under the field, not beside it.
      expect(button.y).toBeGreaterThanOrEqual(password.y + password.height);
      // Styled as the email field is (the page's CSS reached it), not the browser's default box.
      const border = (id: string) => page.evaluate(`getComputedStyle(document.getElementById('${id}')).borderTopWidth`);
      expect(await border('password')).toBe(await border('email'));
      await page.screenshot({ path: `/tmp/rightsdesk-sign-in-${width}.png`, fullPage: true });
      await page.close();
    }
  }, 60_000);
});
