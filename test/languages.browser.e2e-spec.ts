import { describe, expect, it } from '@jest/globals';

import { linkIn } from './support/form-client.js';
import { useRunningSystem } from './support/system-fixture.js';

// A Spanish-speaking Californian's browser: Chromium sends Accept-Language from its locale.
const SPANISH = { javaScriptEnabled: false, locale: 'es-MX' } as const;
const ENGLISH = { javaScriptEnabled: false, locale: 'en-US' } as const;

describe('the public pages and mails in the language the requester reads', () => {
  const system = useRunningSystem({ browser: true, db: 'pg' });

  it("shows ProntoTrak's form in Spanish to a Spanish browser, refuses in Spanish, and mails and confirms in Spanish", async () => {
    const page = await system.browser.newPage(SPANISH);
    await page.goto(`${system.baseUrl}/o/prontotrak/requests/new`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Solicitud de privacidad a ProntoTrak',
    );
    // The policy's own words stay as the policy says them.
    await expect(page.locator('details blockquote').first().textContent()).resolves.toBe(
      'You can request information about our collection and use of your Personal Data over the past twelve (12) months concerning: (i) the categories of Personal Data we collected about you, (ii) the business or commercial purpose for collecting your Personal Data, (iii) the categories of sources from which your Personal Data is collected, and (iv) the categories of third parties with whom we share your Personal Data.',
    );

    await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('#name-error').textContent()).resolves.toBe('Indique su nombre.');
    await expect(page.locator('#email-error').textContent()).resolves.toBe(
      'Escriba su correo electrónico, como nombre@example.com.',
    );
    await expect(page.locator('#error-summary h2').textContent()).resolves.toBe('Hay un problema');

    const email = `espanol-${Date.now()}@example.org`;
    await page.getByLabel(/^Su nombre completo/).fill('Sonia Sotomayor');
    await page.getByLabel(/^Correo electrónico/).fill(email);
    await page.getByLabel(/^Eliminar mi información/).check();
    await page.getByLabel('Sí, vivo en California').check();
    await page.getByLabel('Para mí').check();
    await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Recibimos su solicitud');
    await expect(page.locator('#due').textContent()).resolves.toMatch(
      /^ProntoTrak debe responder a más tardar el \p{L}+, \d+ de \p{L}+ de \d{4}\.$/u,
    );
    const reference = (await page.locator('#reference').textContent())!.trim();
    const stored = await system.db.query<{ language: string }>(
      'SELECT language FROM data_subject_request WHERE reference = $1',
      [reference],
    );
    expect(stored.rows).toEqual([{ language: 'es' }]);

    const [mail] = await system.sink.waitForMailsTo(email);
    expect(mail.subject).toBe(`Confirme su solicitud de privacidad ${reference} a ProntoTrak`);
    expect(mail.html).toContain('<html lang="es">');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Hola, Sonia Sotomayor:');
      expect(part).toMatch(/Recibimos su solicitud a ProntoTrak: ["“]Eliminar mi información["”]/);
      expect(part).toMatch(/Funciona una sola vez y vence el \p{L}+, \d+ de \p{L}+ de \d{4}\./u);
      expect(part).toContain('Enviado en nombre de ProntoTrak por Rightsdesk');
      expect(part).not.toContain('Hello');
    }

    await page.goto(linkIn(mail.text, system.baseUrl, '/v/'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await page.getByRole('button', { name: 'Confirmar mi solicitud' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Gracias: su solicitud está confirmada',
    );

    await page.goto(linkIn(mail.text, system.baseUrl, '/s/'));
    await expect(page.locator('#status').textContent()).resolves.toBe('Confirmada, en espera de ser atendida');

    // The mail's unsubscribe link: in the browser's language among ProntoTrak's, the answer in the page's.
    const listUnsubscribe = mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const unsubscribe = /<(http[^>]+)>/.exec(listUnsubscribe.replace(/\r?\n\s+/g, ' '))![1];
    await page.goto(unsubscribe);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Dejar de recibir el correo publicitario de ProntoTrak',
    );
    await page.getByRole('button', { name: 'Darme de baja' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Usted se ha dado de baja');
    await expect(page.locator('main').textContent()).resolves.toContain(
      `ProntoTrak no enviará más correo publicitario a ${email}.`,
    );
    const english = await system.browser.newPage(ENGLISH);
    await english.goto(unsubscribe);
    await expect(english.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(english.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('You are unsubscribed');
    await english.close();
    await page.close();
  }, 90_000);

  it('says what went wrong in the browser language, among all, where no organisation is known', async () => {
    const cases = [
      ['/no-such-page', 'Página no encontrada', 'Page not found'],
      ['/v/not-a-token', 'Este enlace no es válido', 'This link is not valid'],
      ['/s/not-a-token', 'Este enlace no es válido', 'This link is not valid'],
      ['/u/not-a-token', 'Este enlace para darse de baja no es válido', 'This unsubscribe link is not valid'],
    ] as const;
    for (const [options, language, column] of [
      [SPANISH, 'es', 1],
      [ENGLISH, 'en', 2],
    ] as const) {
      const page = await system.browser.newPage(options);
      for (const row of cases) {
        await page.goto(`${system.baseUrl}${row[0]}`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(row[column]);
      }
      await page.close();
    }
    // The staff console is English, its error pages too.
    const page = await system.browser.newPage(SPANISH);
    await page.goto(`${system.baseUrl}/staff/no-such-page`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await page.close();
  }, 60_000);

  it('withdraws in Spanish, and the spent link then says so in Spanish', async () => {
    const page = await system.browser.newPage(SPANISH);
    await page.goto(`${system.baseUrl}/o/prontotrak/requests/new`);
    const email = `retiro-${Date.now()}@example.org`;
    await page.getByLabel(/^Su nombre completo/).fill('Ellen Ochoa');
    await page.getByLabel(/^Correo electrónico/).fill(email);
    await page.getByLabel(/^Corregir mi información/).check();
    await page.getByLabel('Para mí').check();
    await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();
    const [mail] = await system.sink.waitForMailsTo(email);

    await page.goto(linkIn(mail.text, system.baseUrl, '/s/'));
    await page.getByRole('link', { name: 'Retirar mi solicitud' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /^¿Desea retirar su solicitud RD-/,
    );
    await page.getByRole('button', { name: 'Sí, retirar mi solicitud' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('Retirada');

    await page.goto(linkIn(mail.text, system.baseUrl, '/v/'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Esta solicitud se retiró');
    await page.close();
  }, 60_000);

  it('switches language with plain links, and keeps the choice through a refused post', async () => {
    const page = await system.browser.newPage(SPANISH);
    await page.goto(`${system.baseUrl}/o/securus-technologies/requests/new`);
    await page.locator('#languages').getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Make a privacy request to Securus Technologies',
    );
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.locator('#name-error').textContent()).resolves.toBe('Tell us your name.');
    await page.locator('#languages').getByRole('link', { name: 'Español' }).click();
    await expect(page.getByRole('button', { name: 'Enviar mi solicitud' }).count()).resolves.toBe(1);
    await page.close();
  }, 60_000);

  it('keeps an English-only organisation in English, whatever the browser or the switch asks for', async () => {
    const page = await system.browser.newPage(SPANISH);
    for (const path of ['/o/securus-software/requests/new', '/o/securus-software/requests/new?lang=es']) {
      await page.goto(`${system.baseUrl}${path}`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Make a privacy request to Securus Software',
      );
      await expect(page.locator('#languages').count()).resolves.toBe(0);
    }
    const email = `english-only-${Date.now()}@example.org`;
    await page.getByLabel(/^Your full name/).fill('Ada Lovelace');
    await page.getByLabel(/^Email address/).fill(email);
    await page.locator('#right-2').check();
    await page.locator('#data-context-own').check();
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('We have your request');
    const [mail] = await system.sink.waitForMailsTo(email);
    expect(mail.subject).toMatch(/^Confirm your privacy request RD-/);
    expect(mail.text).toContain('Hello Ada Lovelace,');
    expect(mail.html).toContain('<html lang="en">');
    await page.close();
  }, 60_000);
});
