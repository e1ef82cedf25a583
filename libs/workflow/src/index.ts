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
export { isPlainMailAddress } from './mail-address.js';
export { frequencyDecision, withinFrequencyLimit, type EarlierRequest, type FrequencyDecision, type LimitedRight, type RequestFrequencyLimit } from './frequency-limit.js';
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
  honourOptOut,
  partiallyFulfil,
  deny,
  withdraw,
  WITHDRAWAL_ROUTES,
  STAFF_WITHDRAWAL_ROUTES,
  type WithdrawalRoute,
  redirect,
  expireVerification,
  refuseAgentAuthority,
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
export {
  SUPPRESSION_CHANNELS,
  SUPPRESSION_SOURCES,
  suppressionChannelFor,
  optOutTypeFor,
  normaliseEmail,
  normalisePhone,
  parseSmsKeyword,
  gpcDecision,
  gpcExplanation,
  type SuppressionChannel,
  type SuppressionSource,
  type SmsKeyword,
  type GpcDecision,
  type GpcIgnoredReason,
  type GpcPolicyFacts,
} from './suppression.js';
export {
  DRP_VERSION,
  DRP_ACTIONS,
  DRP_REGIMES,
  DRP_AGENT_ID,
  DRP_SUPPORTED_VERIFICATIONS,
  rightForExercise,
  supportedActions,
  drpStatusOf,
  drpStatusObject,
  sameDrpStatus,
  checkEnvelope,
  checkVersion,
  parseExercise,
  isJsonObject,
  drpBusinessId,
  type DrpAction,
  type DrpRegime,
  type DrpStatus,
  type DrpReason,
  type DrpStatusFacts,
  type DrpStatusView,
  type DrpStatusObject,
  type DrpStatusObjectFacts,
  type DrpRefusal,
  type DrpParsed,
  type DrpEnvelope,
  type DrpIdentity,
  type DrpExercise,
} from './data-rights-protocol.js';
export { agentRegistrationRequired, dataContextDecision, OWN_DATA, type AgentRegistrationInput, type DataContextDecision } from './intake-decision.js';
export { provisionalTriageDeadlines, type TriageRight, type ProvisionalDeadlines } from './email-triage.js';
export { mailAcknowledgement, acknowledgementExplanation, MAIL_ACKNOWLEDGEMENTS, ACKNOWLEDGEMENT_WINDOW_MS, type MailAcknowledgement, type AcknowledgementFacts, type AcknowledgementLimits } from './mail-acknowledgement.js';
export { afterUncertainSend, type UncertainSendAction } from './uncertain-send.js';
