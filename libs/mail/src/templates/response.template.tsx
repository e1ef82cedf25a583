import { type Translate, translator } from '../i18n/i18n.js';
import type { RenderedMail } from './mail-layout.js';
import { type MailPart, paragraph, quoted, requesterMail, type RequesterMailFrame } from './requester-mail.js';

/** Files of the response, downloadable from the status page until a date. */
export interface ResponseDownloads {
  fileNames: string[];
  /** Already formatted in the organisation's time zone. */
  availableUntilOn: string;
}

export interface FulfilledMailInput extends RequesterMailFrame {
  /** What was done, for requests answered by an action rather than with files. */
  resolution?: string;
  downloads?: ResponseDownloads;
}

export interface PartiallyFulfilledMailInput extends RequesterMailFrame {
  /** What was withheld, and why. */
  reason: string;
  downloads?: ResponseDownloads;
  /** Where the requester can take the part refused. */
  complaint: MailPart;
}

export function fulfilledMail(m: FulfilledMailInput): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.fulfilledSubject', { reference: m.reference, org }), [
    paragraph(t('mail.fulfilledText', { org })),
    ...(m.resolution ? [paragraph(t('mail.whatWasDone')), quoted(m.resolution)] : []),
    ...(m.downloads ? downloadParts(m.downloads, t) : []),
  ]);
}

export function partiallyFulfilledMail(m: PartiallyFulfilledMailInput): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.partialSubject', { reference: m.reference, org }), [
    paragraph(t('mail.partialText', { org })),
    quoted(m.reason),
    ...(m.downloads ? downloadParts(m.downloads, t) : []),
    m.complaint,
  ]);
}

function downloadParts(d: ResponseDownloads, t: Translate): MailPart[] {
  const count = d.fileNames.length;
  const lead = t(count === 1 ? 'mail.downloadsOne' : 'mail.downloadsMany', { count, date: d.availableUntilOn });
  return [
    {
      text: `${lead}\n${d.fileNames.map((name) => `- ${name}`).join('\n')}`,
      html: (
        <>
          <p>{lead}</p>
          <ul>
            {d.fileNames.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        </>
      ),
    },
    paragraph(t('mail.downloadsAfter')),
  ];
}
