import type { JobName } from '#db';

/** Every queue, and which queue each job runs on. */
export const QUEUE_NAMES = ['mail', 'maintenance', 'callbacks', 'fulfilment'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'verification.send': 'mail',
  'receipt.send': 'mail',
  'agent.receipt.send': 'mail',
  'requester.notify': 'mail',
  'retention.purge': 'maintenance',
  'deadlines.sweep': 'maintenance',
  'deadline.fire': 'mail',
  'deadlines.escalate': 'maintenance',
  'deadlines.digest': 'maintenance',
  // Their own queue, retried on their own terms: a slow or failing agent never holds up the mail.
  'drp.status_callback': 'callbacks',
  'staff.invitation.send': 'mail',
  'staff.password_reset.send': 'mail',
  // Their own queue: a slow customer database or service provider never holds up mail or callbacks.
  'fulfilment.system': 'fulfilment',
  // Reads the same systems: a slow customer database holds up neither mail nor callbacks.
  'verification.match': 'fulfilment',
  'fulfilment.vendor_sweep': 'maintenance',
};
