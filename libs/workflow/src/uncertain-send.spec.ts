import { describe, expect, it } from '@jest/globals';

import { afterUncertainSend } from './uncertain-send.js';

describe('afterUncertainSend', () => {
  it('does not resend a response carrying the requester’s data', () => {
    expect(afterUncertainSend('request_fulfilled')).toBe('alert');
    expect(afterUncertainSend('request_partially_fulfilled')).toBe('alert');
  });

  it('resends what is harmless to get twice', () => {
    for (const template of [
      'verification',
      'verification_reminder',
      'receipt',
      'email_receipt',
      'request_denied',
      'extension_notice',
      'staff_digest',
    ]) {
      expect(afterUncertainSend(template)).toBe('resend');
    }
  });
});
