export { publicHolidayCalendar, type WorkingCalendar } from './working-calendar.js';
export {
  computeDeadlines,
  daysLeft,
  endOfLocalDayAfter,
  localDaysBetween,
  startOfLocalDay,
  type DeadlineInput,
  type Deadlines,
} from './deadline.calculator.js';
export { reportPeriod, reportPeriodChoices, type ReportPeriod, type ReportPeriodChoice, type ReportPeriodResult } from './report-period.js';
export { deadlineUrgency, DUE_SOON_FRACTION, type DeadlineUrgency } from './deadline-urgency.js';
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
