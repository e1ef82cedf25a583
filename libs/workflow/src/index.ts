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
  verificationStartsClock,
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
  classifyRequest,
  dismissAsNotARequest,
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
export {
  deadlineSchedule,
  SCHEDULED_EVENT_KINDS,
  STAFF_MAIL_HOUR,
  VERIFICATION_REMINDER_HOURS,
  type ScheduledEvent,
  type ScheduledEventKind,
  type ScheduleInput,
} from './deadline-schedule.js';
export { dailyStaffMailDate, DAILY_STAFF_MAIL_HOUR } from './daily-staff-mail.js';
export { retentionCutoffs, type RetentionCutoffs, type RetentionInput } from './retention-cutoffs.js';
export { provisionalTriageDeadlines, type TriageRight, type ProvisionalDeadlines } from './email-triage.js';
