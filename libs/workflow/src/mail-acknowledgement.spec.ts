import { describe, expect, it } from '@jest/globals';

import { acknowledgementExplanation, MAIL_ACKNOWLEDGEMENTS, mailAcknowledgement } from './mail-acknowledgement.js';

const LIMITS = { perSender: 3, perIp: 20 };

describe('mailAcknowledgement', () => {
  it('acknowledges an aligned sender under both limits', () => {
    expect(mailAcknowledgement({ aligned: true, sentToSender: 2, sentToIp: 19 }, LIMITS)).toBe('acknowledged');
  });

  it('never acknowledges an unaligned sender, however few mails came', () => {
    expect(mailAcknowledgement({ aligned: false, sentToSender: 0, sentToIp: 0 }, LIMITS)).toBe('withheld_unaligned');
  });

  it('withholds once the sender or the IP reached its limit', () => {
    expect(mailAcknowledgement({ aligned: true, sentToSender: 3, sentToIp: 0 }, LIMITS)).toBe('withheld_sender_limit');
    expect(mailAcknowledgement({ aligned: true, sentToSender: 0, sentToIp: 20 }, LIMITS)).toBe('withheld_ip_limit');
  });

  it('explains every withheld acknowledgement to staff', () => {
    for (const decision of MAIL_ACKNOWLEDGEMENTS) {
      expect(acknowledgementExplanation(decision) === null).toBe(decision === 'acknowledged');
    }
  });
});
