import { describe, expect, it } from '@jest/globals';
import express from 'express';

import { en } from './en.js';
import { es } from './es.js';
import { chooseLanguage, gpcExplanation, requestLabelIn, rightLabel, storedLanguage, translator } from './i18n.js';

/** Every "section.key" of a catalogue, with its value. */
const entries = (catalogue: object): [string, unknown][] =>
  Object.entries(catalogue).flatMap(([section, keys]) =>
    Object.entries(keys as object).map(([key, value]): [string, unknown] => [`${section}.${key}`, value]),
  );

/** What express reads from a browser's Accept-Language header (the `accepts` library), as the pages use it. */
const browser = (acceptLanguage?: string) => {
  const req = Object.create(express.request) as express.Request;
  Object.assign(req, { headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } });
  return (languages: string[]) => req.acceptsLanguages(languages);
};

describe('the catalogues', () => {
  it('have exactly the same keys in English and Spanish', () => {
    expect(entries(es).map(([key]) => key)).toEqual(entries(en).map(([key]) => key));
  });

  it('have no empty or untrimmed wording, and the same placeholders in both languages', () => {
    const spanish = new Map(entries(es));
    for (const [key, value] of entries(en)) {
      for (const text of [value, spanish.get(key)]) {
        expect(typeof text).toBe('string');
        expect((text as string).trim()).not.toBe('');
      }
      const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect([key, placeholders(spanish.get(key))]).toEqual([key, placeholders(value)]);
    }
  });

  it('interpolate without escaping (the JSX runtime escapes) and fall back to nothing untranslated', () => {
    expect(translator('es')('due.mustAnswer', { org: 'A & <B>', date: '8 de enero de 2027' })).toBe(
      'A & <B> debe responder a más tardar el 8 de enero de 2027.',
    );
    expect(translator('en')('status.daysLeft', { count: 3 })).toBe('3 days left');
  });
});

describe('chooseLanguage', () => {
  const both = ['en', 'es'] as const;

  it('takes the switch first, when the organisation offers that language', () => {
    expect(chooseLanguage(both, 'es', browser('en-US,en;q=0.9'))).toBe('es');
    expect(chooseLanguage(both, 'en', browser('es-MX,es;q=0.9'))).toBe('en');
  });

  it("then the browser's Accept-Language, by its qualities and regional variants", () => {
    expect(chooseLanguage(both, undefined, browser('es-MX,es;q=0.9,en;q=0.8'))).toBe('es');
    expect(chooseLanguage(both, undefined, browser('es-US'))).toBe('es');
    expect(chooseLanguage(both, undefined, browser('en-US,en;q=0.9,es;q=0.5'))).toBe('en');
    expect(chooseLanguage(both, undefined, browser('fr-FR, es;q=0.3'))).toBe('es');
  });

  it("else the organisation's first language", () => {
    expect(chooseLanguage(both, undefined, browser('fr-FR'))).toBe('en');
    expect(chooseLanguage(['es', 'en'], undefined, browser())).toBe('es');
    expect(chooseLanguage(both, 'de', browser('de'))).toBe('en');
  });

  it('never picks a language the organisation does not offer, from the switch or the browser', () => {
    expect(chooseLanguage(['en'], 'es', browser('es-MX,es;q=0.9'))).toBe('en');
    expect(chooseLanguage(['en'], ['es'], browser('es'))).toBe('en');
  });
});

describe('labels and stored languages', () => {
  const right = { id: 'delete', label: 'Delete my data (CCPA)', type: 'deletion' as const };
  const policy = { rights: [right] } as never;

  it("keeps the policy's own label in English and says the type in Spanish", () => {
    expect(rightLabel(right, 'en')).toBe('Delete my data (CCPA)');
    expect(rightLabel(right, 'es')).toBe('Eliminar mi información');
    expect(requestLabelIn('es', { status: 'verified', rightId: 'delete', type: 'deletion' }, policy)).toBe(
      'Eliminar mi información',
    );
    expect(requestLabelIn('es', { status: 'received_by_email', rightId: 'delete', type: 'deletion' }, policy)).toBe(
      'Su correo electrónico a nuestra dirección de privacidad',
    );
    expect(requestLabelIn('en', { status: 'verified', rightId: 'gone', type: 'access' }, policy)).toBe(
      'Right to know: a copy of my information',
    );
  });

  it('reads a stored language we have no wording for as English', () => {
    expect(storedLanguage('es')).toBe('es');
    expect(storedLanguage('fr')).toBe('en');
    expect(storedLanguage(null)).toBe('en');
  });
});

describe('gpcExplanation', () => {
  it('explains each outcome to the requester with the organisation named', () => {
    expect(gpcExplanation({ outcome: 'honoured', rightId: 'x' }, 'ProntoTrak', 'en')).toMatch(
      /honoured: ProntoTrak takes it as your request to opt out .*, for the email address given on this form\.$/,
    );
    expect(gpcExplanation({ outcome: 'ignored', reason: 'no_sale_share_right' }, 'Securus', 'en')).toMatch(
      /no effect at Securus: its privacy policy says it does not sell/,
    );
    expect(gpcExplanation({ outcome: 'ignored', reason: 'no_sale_share_law' }, 'West', 'en')).toMatch(
      /no effect at West: the privacy law/,
    );
    expect(gpcExplanation({ outcome: 'honoured', rightId: 'x' }, 'ProntoTrak', 'es')).toMatch(
      /^Se respeta la señal de Control Global de Privacidad \(GPC\) de su navegador: ProntoTrak la considera/,
    );
  });
});
