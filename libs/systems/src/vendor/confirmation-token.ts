import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

const mac = (taskId: string, secret: string) =>
  createHmac('sha256', secret).update(`vendor-confirmation:${taskId}`).digest('base64url');

/**
 * The token of a service provider's confirmation link: the task and an HMAC of it (APP_SECRET). Derived, not drawn at
 * random, so every reminder carries the same link as the first mail; the task stores only its hash, cleared once
 * used, which is what makes the link single-use.
 */
export function vendorConfirmationToken(taskId: string, secret: string): string {
  return `${taskId}.${mac(taskId, secret)}`;
}

/** What the task stores and the link is looked up by: sha256 of the token, in hex. */
export function confirmationTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The task a token was made for when it is one of ours, whatever became of it since (used, closed by staff); null for
 * anything altered or made up. Lets a spent link be told apart from one that never worked.
 */
export function taskOfConfirmationToken(token: string, secret: string): string | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, taskId, given] = match;
  return timingSafeEqual(Buffer.from(mac(taskId, secret)), Buffer.from(given)) ? taskId : null;
}
