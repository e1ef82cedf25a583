import { InitialSchema1795565615159 } from './1795565615159-initial-schema.migration.js';
import { QueueIndexes1795565993437 } from './1795565993437-queue-indexes.migration.js';
import { DeadlineJobs1795567732328 } from './1795567732328-deadline-jobs.migration.js';
import { AuthorisedAgents1795573732777 } from './1795573732777-authorised-agents.migration.js';
import { InboundMailbox1795573820411 } from './1795573820411-inbound-mailbox.migration.js';
import { SuppressionList1795573831454 } from './1795573831454-suppression-list.migration.js';
import { DataRightsProtocol1795573833602 } from './1795573833602-data-rights-protocol.migration.js';
import { DrpStatusCallbacks1795575407880 } from './1795575407880-drp-status-callbacks.migration.js';
import { StaffInvitations1796405837332 } from './1796405837332-staff-invitations.migration.js';
import { DrpStatusChanges1796406053993 } from './1796406053993-drp-status-changes.migration.js';
import { InboundSenderChecks1796406400000 } from './1796406400000-inbound-sender-checks.migration.js';
import { MailLedgerSending1796406400001 } from './1796406400001-mail-ledger-sending.migration.js';
import { DevMailHeaders1796406664145 } from './1796406664145-dev-mail-headers.migration.js';
import { GpcPageViewDays1796406929727 } from './1796406929727-gpc-page-view-days.migration.js';
import { ConnectedSystems1796484566994 } from './1796484566994-connected-systems.migration.js';
import { VendorEscalationDue1796486850078 } from './1796486850078-vendor-escalation-due.migration.js';
import { PlatformOperators1796497438477 } from './1796497438477-platform-operators.migration.js';
import { RequestLanguage1796524578736 } from './1796524578736-request-language.migration.js';
import { VerificationDegrees1796535500000 } from './1796535500000-verification-degrees.migration.js';
import { VerificationDataPoints1796535583718 } from './1796535583718-verification-data-points.migration.js';
import { IdentityEvidence1796540000000 } from './1796540000000-identity-evidence.migration.js';
import { IdentityDocument1796550000000 } from './1796550000000-identity-document.migration.js';

/** Every migration in order; `npm run migration:generate -- <name>` writes the next one. */
export const MIGRATIONS = [
  InitialSchema1795565615159,
  QueueIndexes1795565993437,
  DeadlineJobs1795567732328,
  AuthorisedAgents1795573732777,
  InboundMailbox1795573820411,
  SuppressionList1795573831454,
  DataRightsProtocol1795573833602,
  DrpStatusCallbacks1795575407880,
  StaffInvitations1796405837332,
  DrpStatusChanges1796406053993,
  InboundSenderChecks1796406400000,
  MailLedgerSending1796406400001,
  DevMailHeaders1796406664145,
  GpcPageViewDays1796406929727,
  ConnectedSystems1796484566994,
  VendorEscalationDue1796486850078,
  PlatformOperators1796497438477,
  RequestLanguage1796524578736,
  VerificationDegrees1796535500000,
  VerificationDataPoints1796535583718,
  IdentityEvidence1796540000000,
  IdentityDocument1796550000000,
];
