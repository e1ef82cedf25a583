/**
 * A worker that dies after the SMTP server's 250 and before it records the mail leaves a mail that may or may not
 * have gone. What its retry does depends on what a second copy would do to the person who gets it.
 * - `resend`: a second copy is harmless. Receipts, reminders, notices and staff mail say again what is true; a
 *   second verification mail carries a fresh link that replaces the first, and not sending it could leave the
 *   requester without any link while their request runs out.
 * - `alert`: a second copy would hand out the requester's data again (the response and its download links), so it
 *   is not resent; staff are told the mail may have gone and decide (the status page holds the same downloads).
 */
export type UncertainSendAction = 'resend' | 'alert';

const ALERT_INSTEAD = new Set(['request_fulfilled', 'request_partially_fulfilled']);

export function afterUncertainSend(template: string): UncertainSendAction {
  return ALERT_INSTEAD.has(template) ? 'alert' : 'resend';
}
