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
  return requesterMail(m, `Your privacy request ${m.reference} to ${m.organisationName} is complete`, [
    paragraph(`${m.organisationName} has completed your request.`),
    ...(m.resolution ? [paragraph('What was done:'), quoted(m.resolution)] : []),
    ...(m.downloads ? downloadParts(m.downloads) : []),
  ]);
}

export function partiallyFulfilledMail(m: PartiallyFulfilledMailInput): RenderedMail {
  return requesterMail(m, `Your privacy request ${m.reference} to ${m.organisationName} is partly complete`, [
    paragraph(`${m.organisationName} has answered part of your request. What was not done, and why:`),
    quoted(m.reason),
    ...(m.downloads ? downloadParts(m.downloads) : []),
    m.complaint,
  ]);
}

function downloadParts(d: ResponseDownloads): MailPart[] {
  const count = d.fileNames.length === 1 ? 'one file' : `${d.fileNames.length} files`;
  const lead = `Your response is ${count}, which you can download from the page of your request (the link below) until ${d.availableUntilOn}:`;
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
    paragraph('After that date the files are no longer available there, for your security.'),
  ];
}
