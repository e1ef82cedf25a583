export { DAILY_STAFF_MAIL_HOUR, dailyStaffMailDate } from './daily-staff-mail.js';
export {
  checkEnvelope,
  checkVersion,
  DRP_ACTIONS,
  DRP_AGENT_ID,
  DRP_REGIMES,
  DRP_SUPPORTED_VERIFICATIONS,
  DRP_VERSION,
  DRP_VERSIONS,
  type DrpAction,
  drpBusinessId,
  type DrpEnvelope,
  type DrpExercise,
  type DrpIdentity,
  type DrpParsed,
  type DrpReason,
  type DrpRefusal,
  type DrpRegime,
  type DrpStatus,
  type DrpStatusFacts,
  type DrpStatusObject,
  drpStatusObject,
  type DrpStatusObjectFacts,
  drpStatusOf,
  type DrpStatusView,
  isJsonObject,
  parseExercise,
  rightForExercise,
  sameDrpStatus,
  supportedActions,
} from './data-rights-protocol.js';
export {
  computeDeadlines,
  daysLeft,
  type DeadlineInput,
  type Deadlines,
  endOfLocalDayAfter,
  localDate,
  localDaysBetween,
  startOfLocalDay,
} from './deadline.calculator.js';
export {
  deadlineSchedule,
  SCHEDULED_EVENT_KINDS,
  type ScheduledEvent,
  type ScheduledEventKind,
  type ScheduleInput,
  STAFF_MAIL_HOUR,
  VERIFICATION_REMINDER_HOURS,
} from './deadline-schedule.js';
export { type DeadlineUrgency, deadlineUrgency, DUE_SOON_FRACTION } from './deadline-urgency.js';
export { type ProvisionalDeadlines, provisionalTriageDeadlines, type TriageRight } from './email-triage.js';
export {
  type EarlierRequest,
  type FrequencyDecision,
  frequencyDecision,
  type LimitedRight,
  type RequestFrequencyLimit,
  withinFrequencyLimit,
} from './frequency-limit.js';
export * from './fulfilment.js';
export * from './identity-check.js';
export {
  compareDataPoint,
  type DataPointResult,
  HIGH_MATCHES,
  type IdentityLevel,
  identityLevel,
  MAX_DATA_POINT_LENGTH,
  normaliseDataPoint,
  REASONABLE_MATCHES,
} from './identity-match.js';
export {
  type AgentRegistrationInput,
  agentRegistrationRequired,
  type DataContextDecision,
  dataContextDecision,
  OWN_DATA,
} from './intake-decision.js';
export { linkExpiresAt, STATUS_LINK_DAYS } from './link-expiry.js';
export {
  ACKNOWLEDGEMENT_WINDOW_MS,
  acknowledgementExplanation,
  type AcknowledgementFacts,
  type AcknowledgementLimits,
  MAIL_ACKNOWLEDGEMENTS,
  type MailAcknowledgement,
  mailAcknowledgement,
} from './mail-acknowledgement.js';
export { isPlainMailAddress } from './mail-address.js';
export {
  type ReportPeriod,
  reportPeriod,
  type ReportPeriodChoice,
  reportPeriodChoices,
  type ReportPeriodResult,
} from './report-period.js';
export {
  answerAsCategories,
  askRequester,
  type AuditAction,
  classifyRequest,
  type DenialReason,
  denialReasons,
  deny,
  dismissAsNotARequest,
  expireVerification,
  extendRequest,
  fulfil,
  honourOptOut,
  identityDocumentReceived,
  initialStatus,
  isOpen,
  type MailTemplate,
  OPEN_STATUSES,
  partiallyFulfil,
  redirect,
  type RefusalCode,
  refuseAgentAuthority,
  reopen,
  REQUEST_STATUSES,
  type RequestChanges,
  requesterReplied,
  type RequestEvent,
  type RequestFacts,
  type RequestStatus,
  requiresVerification,
  STAFF_WITHDRAWAL_ROUTES,
  startWork,
  type TransitionResult,
  verificationStartsClock,
  verifyRequest,
  withdraw,
  WITHDRAWAL_ROUTES,
  type WithdrawalRoute,
} from './request-state.machine.js';
export {
  identityDocumentCutoff,
  type RetentionCutoffs,
  retentionCutoffs,
  type RetentionInput,
} from './retention-cutoffs.js';
export {
  addressKey,
  type GpcDecision,
  gpcDecision,
  type GpcIgnoredReason,
  type GpcPolicyFacts,
  normaliseEmail,
  normalisePhone,
  optOutTypeFor,
  parseSmsKeyword,
  type SmsKeyword,
  SUPPRESSION_CHANNELS,
  SUPPRESSION_SOURCES,
  type SuppressionChannel,
  suppressionChannelFor,
  type SuppressionSource,
} from './suppression.js';
export { afterUncertainSend, type UncertainSendAction } from './uncertain-send.js';
export * from './vendor-follow-up.js';
export * from './verification-shortfall.js';
export { publicHolidayCalendar, type WorkingCalendar } from './working-calendar.js';
