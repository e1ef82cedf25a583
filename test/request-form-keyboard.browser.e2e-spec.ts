import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';

import { useRunningSystem } from './support/system-fixture.js';

interface Focused {
  /** `tag#id`, or the tag alone where there is no id. */
  name: string;
  focusVisible: boolean;
  outline: string;
}

// The focus outline app.css draws, the same on every element, an invalid one included.
const FOCUS_OUTLINE = 'solid 3px rgb(29, 112, 184)';

describe('the request form with the keyboard alone', () => {
  const system = useRunningSystem({ browser: true });

  async function focused(page: Page): Promise<Focused> {
    return page.locator(':focus').evaluate(
      (element) => {
        const style = element.ownerDocument.defaultView!.getComputedStyle(element);
        const tag = element.tagName.toLowerCase();
        return {
          name: element.id
            ? `${tag}#${element.id}`
            : element.hasAttribute('hreflang')
              ? `${tag}[hreflang=${element.getAttribute('hreflang')}]`
              : tag,
          focusVisible: element.matches(':focus-visible'),
          outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        };
        // Nothing focused: failed at once, not after the default wait.
      },
      undefined,
      { timeout: 2_000 },
    );
  }

  /** Presses the key and expects the focus to land somewhere a keyboard user can see it; returns where. */
  async function press(page: Page, key: string): Promise<string> {
    await page.keyboard.press(key);
    const now = await focused(page);
    expect({ at: now.name, visible: now.focusVisible, outline: now.outline }).toEqual({
      at: now.name,
      visible: true,
      outline: FOCUS_OUTLINE,
    });
    return now.name;
  }

  /** Tabs forward until the focus is on `target`; the stops on the way, in order. */
  async function tabTo(page: Page, target: string): Promise<string[]> {
    const stops: string[] = [];
    while (stops.at(-1) !== target) {
      if (stops.length > 40) throw new Error(`Tab never reached ${target}: ${stops.join(', ')}`);
      stops.push(await press(page, 'Tab'));
    }
    return stops;
  }

  it('reaches every field in order, shows where the focus is, leads from the error summary to the field, and sends', async () => {
    const page = await (await system.browser.newContext()).newPage();
    await page.goto(`${system.baseUrl}/o/securus-technologies/requests/new`);
    const choices = await page.locator('input[name=rightId]').count();

    // The language switch (the form is offered in Spanish too) comes first; each choice of request is followed by where
    // the policy says it; a radio group is one stop.
    const order = await tabTo(page, 'button');
    expect(order).toEqual([
      'a[hreflang=es]',
      'input#name',
      'input#email',
      'input#phone',
      'input#right-0',
      ...Array<string>(choices).fill('summary'),
      // No request chosen yet: the details to match against the records and the declaration are not asked.
      'textarea#details',
      'input#relationship-self',
      'input#agent-name',
      'input#agent-email',
      'input#agent-is-business',
      'input#agent-registration',
      'input#permission',
      'button',
    ]);
    const back: string[] = [];
    while (back.at(-1) !== 'a[hreflang=es]') back.push(await press(page, 'Shift+Tab'));
    expect(back).toEqual(order.slice(0, -1).reverse());

    // The name, a mistyped address, and the first kind of request chosen with the space bar.
    await expect(press(page, 'Tab')).resolves.toBe('input#name');
    await page.keyboard.type('Grace Hopper');
    await press(page, 'Tab');
    await page.keyboard.type('grace.example.org');
    await tabTo(page, 'input#right-0');
    await page.keyboard.press('Space');
    await expect(page.locator('#right-0').isChecked()).resolves.toBe(true);
    // The arrow keys move through the group: the categories, which need no declaration.
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#right-1').isChecked()).resolves.toBe(true);
    await tabTo(page, 'textarea#details');
    await page.keyboard.type('Customer since 2019');
    // The categories are matched against the records: their details come next, without the declaration.
    await expect(press(page, 'Tab')).resolves.toBe('input#data-point-phone');
    await expect(page.locator('#declaration').isVisible()).resolves.toBe(false);
    await tabTo(page, 'button');
    await Promise.all([page.waitForURL(/\/requests\?/), page.keyboard.press('Enter')]);

    // The answer opens on its summary of problems, whose link takes the focus to the field.
    expect((await focused(page)).name).toBe('div#error-summary');
    await expect(page.locator('#error-summary a').allTextContents()).resolves.toEqual([
      'Enter your email address, like name@example.com.',
    ]);
    expect(await press(page, 'Tab')).toBe('a');
    expect(await press(page, 'Enter')).toBe('input#email');
    await expect(page.locator('#email').inputValue()).resolves.toBe('grace.example.org');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('grace@example.org');
    await expect(page.locator('#right-1').isChecked()).resolves.toBe(true);
    await tabTo(page, 'button');
    await page.keyboard.press('Space');
    // The answer is a new page: wait for its heading rather than read the form's before it has gone.
    await page
      .getByRole('heading', { level: 1, name: 'We have your request', exact: true })
      .waitFor({ timeout: 15_000 });
    await page.context().close();
  }, 60_000);
});
