import { describe, expect, it } from '@jest/globals';

import { confirmationTokenHash, taskOfConfirmationToken, vendorConfirmationToken } from './confirmation-token.js';

const taskId = '0b7f2c4e-8d1a-4c3b-9e6f-5a4d3c2b1a09';
const secret = 'an app secret at least thirty-two characters long';

describe('vendor confirmation tokens', () => {
  it('are the same for a task every time, so each reminder carries the first mail’s link', () => {
    const token = vendorConfirmationToken(taskId, secret);
    expect(token).toBe(vendorConfirmationToken(taskId, secret));
    expect(token).toMatch(new RegExp(`^${taskId}\\.[A-Za-z0-9_-]{43}$`));
    expect(vendorConfirmationToken(taskId, 'another secret of thirty-two characters')).not.toBe(token);
  });

  it('are stored as a sha256 in hex, never as they are', () => {
    const token = vendorConfirmationToken(taskId, secret);
    expect(confirmationTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(confirmationTokenHash(token)).not.toContain(token.split('.')[1]);
  });

  it('name their task only when genuine', () => {
    const token = vendorConfirmationToken(taskId, secret);
    expect(taskOfConfirmationToken(token, secret)).toBe(taskId);
    const otherTask = '1b7f2c4e-8d1a-4c3b-9e6f-5a4d3c2b1a09';
    for (const forged of [
      `${otherTask}.${token.split('.')[1]}`,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      taskId,
      'x.y',
    ])
      expect(taskOfConfirmationToken(forged, secret)).toBeNull();
    expect(taskOfConfirmationToken(token, 'another secret of thirty-two characters')).toBeNull();
  });
});
