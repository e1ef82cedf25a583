import type { MailTemplate } from '#workflow';

import {
  redirectedMail,
  type RedirectedMailInput,
  verificationExpiredMail,
  type VerificationExpiredMailInput,
  withdrawalConfirmedMail,
} from './closure.template.js';
import { deniedMail, type DeniedMailInput } from './denial.template.js';
import { extensionNoticeMail, type ExtensionNoticeMailInput } from './extension-notice.template.js';
import { answeredAsCategoriesMail } from './identity.template.js';
import type { RenderedMail } from './mail-layout.js';
import { optOutConfirmedMail, type OptOutConfirmedMailInput } from './opt-out.template.js';
import { questionMail, type QuestionMailInput } from './question.template.js';
import type { RequesterMailFrame } from './requester-mail.js';
import {
  fulfilledMail,
  type FulfilledMailInput,
  partiallyFulfilledMail,
  type PartiallyFulfilledMailInput,
} from './response.template.js';

type Extra<T extends RequesterMailFrame> = Omit<T, keyof RequesterMailFrame>;

/** What each of the workflow's mails says beyond the frame. Keyed by MailTemplate: a template without one fails to compile. */
interface NoticeContent {
  question_to_requester: Extra<QuestionMailInput>;
  extension_notice: Extra<ExtensionNoticeMailInput>;
  request_fulfilled: Extra<FulfilledMailInput>;
  request_partially_fulfilled: Extra<PartiallyFulfilledMailInput>;
  request_denied: Extra<DeniedMailInput>;
  withdrawal_confirmed: Record<never, never>;
  redirected_to_controller: Extra<RedirectedMailInput>;
  verification_expired: Extra<VerificationExpiredMailInput>;
  opt_out_confirmed: Extra<OptOutConfirmedMailInput>;
  answered_as_categories: Record<never, never>;
}

export type RequesterNotice = { [T in MailTemplate]: { template: T } & NoticeContent[T] }[MailTemplate];

/** Renders the mail a workflow event asks for. */
export function requesterNoticeMail(frame: RequesterMailFrame, notice: RequesterNotice): RenderedMail {
  switch (notice.template) {
    case 'question_to_requester':
      return questionMail({ ...frame, ...notice });
    case 'extension_notice':
      return extensionNoticeMail({ ...frame, ...notice });
    case 'request_fulfilled':
      return fulfilledMail({ ...frame, ...notice });
    case 'request_partially_fulfilled':
      return partiallyFulfilledMail({ ...frame, ...notice });
    case 'request_denied':
      return deniedMail({ ...frame, ...notice });
    case 'withdrawal_confirmed':
      return withdrawalConfirmedMail(frame);
    case 'redirected_to_controller':
      return redirectedMail({ ...frame, ...notice });
    case 'verification_expired':
      return verificationExpiredMail({ ...frame, ...notice });
    case 'opt_out_confirmed':
      return optOutConfirmedMail({ ...frame, ...notice });
    case 'answered_as_categories':
      return answeredAsCategoriesMail(frame);
  }
}
