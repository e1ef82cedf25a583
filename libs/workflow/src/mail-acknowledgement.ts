/**
 * Whether a mail to a privacy address gets an automatic acknowledgement. The From line of a mail proves nothing,
 * so an acknowledgement to an address its domain did not vouch for (SPF or DKIM aligned with From) would let
 * anyone aim our mail at a victim; and even an aligned sender gets only so many an hour, per address and per
 * connecting IP, so the mailbox is never a relay. A withheld acknowledgement loses nothing: the mail is stored
 * and triaged as usual, and staff see why no acknowledgement went.
 */
export const MAIL_ACKNOWLEDGEMENTS = [
  'acknowledged',
  'withheld_unaligned',
  'withheld_sender_limit',
  'withheld_ip_limit',
] as const;
export type MailAcknowledgement = (typeof MAIL_ACKNOWLEDGEMENTS)[number];

/** The window over which acknowledgements are counted. */
export const ACKNOWLEDGEMENT_WINDOW_MS = 60 * 60_000;

export interface AcknowledgementFacts {
  /** The sender's domain vouched for the From address (DMARC pass, or without a DMARC record SPF or DKIM of that very domain). */
  aligned: boolean;
  /** Acknowledgements already sent in the window to this From address, and to mail from this IP. */
  sentToSender: number;
  sentToIp: number;
}

export interface AcknowledgementLimits {
  perSender: number;
  perIp: number;
}

export function mailAcknowledgement(facts: AcknowledgementFacts, limits: AcknowledgementLimits): MailAcknowledgement {
  if (!facts.aligned) return 'withheld_unaligned';
  if (facts.sentToSender >= limits.perSender) return 'withheld_sender_limit';
  if (facts.sentToIp >= limits.perIp) return 'withheld_ip_limit';
  return 'acknowledged';
}

/** Staff's words for why no acknowledgement went, or null when one did. */
export function acknowledgementExplanation(decision: MailAcknowledgement): string | null {
  switch (decision) {
    case 'acknowledged':
      return null;
    case 'withheld_unaligned':
      return 'Not sent: the sender’s domain did not vouch for the From address (no SPF or DKIM pass aligned with it), so it may be forged.';
    case 'withheld_sender_limit':
      return 'Not sent: this address was sent as many acknowledgements in the last hour as the mailbox allows.';
    case 'withheld_ip_limit':
      return 'Not sent: mail from this sending server was acknowledged as often in the last hour as the mailbox allows.';
  }
}
