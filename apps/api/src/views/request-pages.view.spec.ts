import { describe, expect, it } from '@jest/globals';

import {
  confirmationPage,
  downloadRefusedPage,
  errorPage,
  linkRefusedPage,
  statusPage,
  verifiedPage,
} from './request-pages.view.js';

const status = {
  organisationName: 'OfficerTRAK',
  reference: 'RD-7K3F-92QX',
  requestLabel: 'Delete my information',
  status: 'in_progress' as const,
  receivedOn: '1 December 2026',
  dueOn: '31 December 2026',
  internalTarget: true,
  daysLeft: 20,
  open: true,
  paused: false,
  language: 'en' as const,
};

describe("the requester's pages say what is true", () => {
  it('calls a date no law or policy sets an internal target, never a deadline the organisation "must" meet', () => {
    for (const page of [
      verifiedPage({
        organisationName: 'OfficerTRAK',
        reference: 'RD-7K3F-92QX',
        dueOn: '31 December 2026',
        internalTarget: true,
        language: 'en',
      }),
      statusPage(status),
      confirmationPage({ ...status, slug: 'officertrak', needsVerification: true, csrfToken: 't' }),
    ]) {
      expect(page).not.toContain('must answer');
      expect(page).not.toContain('Answer due by');
      expect(page).toContain('own target');
    }
    expect(
      verifiedPage({
        organisationName: 'ProntoTrak',
        reference: 'RD-7K3F-92QX',
        dueOn: '31 December 2026',
        internalTarget: false,
        language: 'en',
      }),
    ).toContain('ProntoTrak must answer by 31 December 2026.');
  });

  it('says a used link confirmed the request when Confirm was pressed, not when the link was opened', () => {
    const page = linkRefusedPage('used');
    expect(page).not.toContain('when the link was first opened');
    expect(page).toContain('when &quot;Confirm my request&quot; was pressed');
  });

  it('writes a Spanish request in Spanish, with its dates as given and the lang of the page', () => {
    const page = statusPage({ ...status, internalTarget: false, language: 'es' });
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Su solicitud RD-7K3F-92QX');
    expect(page).toContain('En proceso');
    expect(page).toContain('Plazo de respuesta');
    expect(page).toContain('31 December 2026 (quedan 20 días)');
    const verified = verifiedPage({
      organisationName: 'ProntoTrak',
      reference: 'RD-7K3F-92QX',
      dueOn: '8 de enero de 2027',
      internalTarget: false,
      language: 'es',
    });
    expect(verified).toContain('ProntoTrak debe responder a más tardar el 8 de enero de 2027.');
    expect(verified).not.toContain('must answer');
    const refused = linkRefusedPage('withdrawn', 'ProntoTrak', 'es');
    expect(refused).toContain('<html lang="es">');
    expect(refused).toContain('<h1>Esta solicitud se retiró</h1>');
  });

  it("keeps an English error page's own message, and gives another language our wording for its status", () => {
    const english = errorPage(404, 'There is no such request here.', 'en');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h1>Page not found</h1>');
    expect(english).toContain('There is no such request here.');
    const spanish = errorPage(429, 'Too many requests from this address. Try again in 10 minutes.', 'es');
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('<h1>Demasiadas solicitudes</h1>');
    expect(spanish).not.toContain('Too many');
    expect(errorPage(500, 'Something went wrong on our side.', 'es')).toContain('<h1>Algo salió mal</h1>');
    expect(errorPage(400, 'Bad request', 'es')).toContain('<h1>Solicitud no aceptada</h1>');
    expect(downloadRefusedPage('no_longer_available', 'es')).toContain('<h1>Esta descarga ha vencido</h1>');
  });

  it("writes organisations' possessives as English does", () => {
    const redirect = {
      services: 'SchoolMessenger school communication services',
      controller: 'Your school',
      citation: { quote: 'We encourage you.' },
    };
    const west = confirmationPage({
      ...status,
      organisationName: 'West Corporation (SchoolMessenger)',
      slug: 'west',
      needsVerification: false,
      csrfToken: 't',
      redirect,
    } as never);
    expect(west).not.toContain(")'s");
    expect(west).toContain('the privacy policy of West Corporation (SchoolMessenger)');
  });
});
