export { publicHolidayCalendar, type WorkingCalendar } from './working-calendar.js';
export { computeDeadlines, daysLeft, localDaysBetween, type DeadlineInput, type Deadlines } from './deadline.calculator.js';
export { withinFrequencyLimit, type RequestFrequencyLimit } from './frequency-limit.js';
export {
  REQUEST_STATUSES,
  OPEN_STATUSES,
  isOpen,
  requiresVerification,
  initialStatus,
  denialReasons,
  verifyRequest,
  startWork,
  askRequester,
  requesterReplied,
  extendRequest,
  fulfil,
  partiallyFulfil,
  deny,
  withdraw,
  redirect,
  expireVerification,
  reopen,
  type RequestStatus,
  type RequestFacts,
  type RequestChanges,
  type RequestEvent,
  type MailTemplate,
  type AuditAction,
  type RefusalCode,
  type DenialReason,
  type TransitionResult,
} from './request-state.machine.js';
export { linkExpiresAt, STATUS_LINK_DAYS } from './link-expiry.js';
