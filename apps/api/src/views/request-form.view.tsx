import { policyOf, rightLabel, type Translate, translator } from '#mail';
import {
  acceptsAgents,
  asksResidence,
  dataPointsAsked,
  type FormChoice,
  formChoices,
  type Language,
  needsDeclaration,
  type OrganisationPolicy,
  type PolicyRight,
  senderAddressRule,
  type SpecialRule,
} from '#policy';
import { OWN_DATA } from '#workflow';

import { ChoiceInput, FieldError, type FieldErrors, invalid } from './components/form-fields.js';
import { IDENTITY_FIELD_ANCHORS, IDENTITY_FORM_FIELDS, IdentityFields } from './identity-fields.view.js';
import { type LanguageSwitch, page } from './layout.view.js';

export type { FieldErrors };

export const REQUEST_FORM_FIELDS = [
  'name',
  'email',
  'phone',
  'rightId',
  'residence',
  'dataContext',
  'details',
  ...IDENTITY_FORM_FIELDS,
  'relationship',
  'agentName',
  'agentEmail',
  'agentIsBusiness',
  'agentRegistration',
] as const;
export type RequestFormField = (typeof REQUEST_FORM_FIELDS)[number];

export interface RequestFormView {
  policy: OrganisationPolicy;
  values: Partial<Record<RequestFormField, string>>;
  /** The policy's rule that every agent is registered with the California Secretary of State, if it has one. */
  agentRegistrationRule?: SpecialRule;
  /** The largest permission file accepted, in MB. */
  maxPermissionMb: number;
  errors: FieldErrors;
  csrfToken: string;
  /** A problem with the whole form (e.g. an expired form), shown above it. */
  formError?: string;
  /** What the browser's Global Privacy Control signal means here, when it sent one. */
  gpcNotice?: string;
  /** The language the page is written in, and the others the organisation offers. */
  language: Language;
  languageSwitch: LanguageSwitch;
  /** The organisation's local date, 'YYYY-MM-DD': where the declaration's date starts. */
  today: string;
}

const FIELD_ORDER = [...REQUEST_FORM_FIELDS, 'permission'] as const;
const FIELD_ANCHOR: Record<string, string> = {
  rightId: 'right-0',
  residence: 'residence-california',
  relationship: 'relationship-self',
  dataContext: 'data-context-own',
  agentIsBusiness: 'agent-is-business',
  agentRegistration: 'agent-registration',
  agentName: 'agent-name',
  agentEmail: 'agent-email',
  ...IDENTITY_FIELD_ANCHORS,
};

/** The problems of the last try, each linked to its field, above the form. */
function ErrorSummary({ view }: { view: RequestFormView }) {
  const { errors } = view;
  const t = translator(view.language);
  const problems = FIELD_ORDER.filter((f) => errors[f]?.length);
  if (problems.length === 0 && !view.formError) return <></>;
  return (
    <div class="summary" role="alert" tabindex="-1" id="error-summary" autofocus>
      <h2>{t('form.problem')}</h2>
      {view.formError && <p>{view.formError}</p>}
      <ul>
        {problems.map((f) => (
          <li>
            <a href={`#${FIELD_ANCHOR[f] ?? f}`}>{errors[f]![0]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The request form: plain HTML that works with JavaScript off, errors beside their fields. */
export function requestFormPage(view: RequestFormView): string {
  const { policy, values, errors } = view;
  const senderRule = senderAddressRule(policy);
  const agents = acceptsAgents(policy);
  const { language } = view;
  const t = translator(language);
  const body = (
    <>
      <h1>{t('form.heading', { org: policy.name })}</h1>
      <p>{t('form.intro', { policy: policyOf(language, policy.name, 'privacyPolicy') })}</p>
      {view.gpcNotice && (
        <p class="notice" id="gpc-notice">
          {view.gpcNotice}
        </p>
      )}
      <ErrorSummary view={view} />
      <form
        method="post"
        action={`/o/${policy.slug}/requests?_csrf=${view.csrfToken}&lang=${language}`}
        enctype="multipart/form-data"
        novalidate
      >
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <div class="hp" aria-hidden="true">
          <label for="website">{t('form.honeypot')}</label>
          <input type="text" name="website" id="website" tabindex="-1" autocomplete="off" />
        </div>
        <label for="name">
          {t('form.name')}
          {agents && (
            <>
              {' '}
              <span class="hint">{t('form.nameAgentHint')}</span>
            </>
          )}
        </label>
        <FieldError errors={errors} field="name" />
        <input
          type="text"
          name="name"
          id="name"
          autocomplete="name"
          maxlength="200"
          value={values.name ?? ''}
          {...invalid(errors, 'name')}
        />
        <label for="email">
          {t('form.email')}{' '}
          <span class="hint">
            {t('form.emailHint')}
            {agents ? t('form.emailAgentHint') : ''}
          </span>
        </label>
        <FieldError errors={errors} field="email" />
        <input
          type="email"
          name="email"
          id="email"
          autocomplete="email"
          maxlength="254"
          value={values.email ?? ''}
          {...invalid(errors, 'email')}
        />
        <label for="phone">
          {t('form.phone')} <span class="hint">{t('form.phoneHint')}</span>
        </label>
        <FieldError errors={errors} field="phone" />
        <input
          type="tel"
          name="phone"
          id="phone"
          autocomplete="tel"
          maxlength="25"
          value={values.phone ?? ''}
          {...invalid(errors, 'phone')}
        />
        <fieldset>
          <legend>{t('form.rights')}</legend>
          <FieldError errors={errors} field="rightId" />
          {formChoices(policy).map((choice, i) => (
            <RightChoice
              policy={policy}
              choice={choice}
              index={i}
              chosen={values.rightId}
              errors={errors}
              senderRule={senderRule}
              language={language}
            />
          ))}
        </fieldset>
        <ResidenceQuestion policy={policy} chosen={values.residence} errors={errors} t={t} />
        <DataContextQuestion policy={policy} chosen={values.dataContext} errors={errors} t={t} />
        <label for="details">
          {t('form.details')}{' '}
          <span class="hint">
            {t('form.detailsHint')} {policy.country === 'US' ? t('form.detailsUs') : t('form.detailsGb')}
          </span>
        </label>
        <FieldError errors={errors} field="details" />
        <textarea name="details" id="details" rows="5" maxlength="5000" {...invalid(errors, 'details')}>
          {values.details ?? ''}
        </textarea>
        <IdentityFields policy={policy} values={values} errors={errors} today={view.today} t={t} />
        {agents ? <AgentFields view={view} /> : <input type="hidden" name="relationship" value="self" />}
        <button type="submit">{t('form.submit')}</button>
      </form>
    </>
  );
  return page(t('form.title'), body, policy.name, language, view.languageSwitch);
}

/** Whether the requester asks for themselves or as an authorised agent, and the agent's own details. */
function AgentFields({ view }: { view: RequestFormView }) {
  const { policy, values, errors } = view;
  const rule = view.agentRegistrationRule;
  const t = translator(view.language);
  const relationship = (value: 'self' | 'agent', label: string) => (
    <ChoiceInput
      type="radio"
      name="relationship"
      id={`relationship-${value}`}
      value={value}
      checked={(values.relationship ?? 'self') === value}
      label={label}
    />
  );
  return (
    <>
      <fieldset>
        <legend>{t('form.relationship')}</legend>
        <FieldError errors={errors} field="relationship" />
        {relationship('self', t('form.relationshipSelf'))}
        {relationship('agent', t('form.relationshipAgent'))}
      </fieldset>
      <fieldset id="agent">
        <legend>{t('form.agent')}</legend>
        <p class="hint">{t('form.agentHint', { org: policy.name })}</p>
        <label for="agent-name">{t('form.agentName')}</label>
        <FieldError errors={errors} field="agentName" />
        <input
          type="text"
          name="agentName"
          id="agent-name"
          autocomplete="name"
          maxlength="200"
          value={values.agentName ?? ''}
          {...invalid(errors, 'agentName')}
        />
        <label for="agent-email">
          {t('form.agentEmail')} <span class="hint">{t('form.agentEmailHint')}</span>
        </label>
        <FieldError errors={errors} field="agentEmail" />
        <input
          type="email"
          name="agentEmail"
          id="agent-email"
          autocomplete="email"
          maxlength="254"
          value={values.agentEmail ?? ''}
          {...invalid(errors, 'agentEmail')}
        />
        <FieldError errors={errors} field="agentIsBusiness" />
        <ChoiceInput
          type="checkbox"
          name="agentIsBusiness"
          id="agent-is-business"
          value="yes"
          checked={values.agentIsBusiness === 'yes'}
          invalid={invalid(errors, 'agentIsBusiness')}
          label={t('form.agentIsBusiness')}
        />
        <label for="agent-registration">
          {t('form.agentRegistration')}
          {rule ? '' : t('form.agentRegistrationOptional')}{' '}
          <span class="hint">
            {rule ? t('form.agentRegistrationRule', { org: policy.name }) : t('form.agentRegistrationHint')}
          </span>
        </label>
        {rule && <blockquote id="agent-registration-rule">{rule.citation.quote}</blockquote>}
        <FieldError errors={errors} field="agentRegistration" />
        <input
          type="text"
          name="agentRegistration"
          id="agent-registration"
          maxlength="24"
          value={values.agentRegistration ?? ''}
          {...invalid(errors, 'agentRegistration')}
        />
        <label for="permission">
          {t('form.permission')}{' '}
          <span class="hint">
            {t('form.permissionHint', { mb: view.maxPermissionMb })}
            {errors.permission?.length || values.agentName ? t('form.permissionAgain') : ''}
          </span>
        </label>
        <FieldError errors={errors} field="permission" />
        <input
          type="file"
          name="permission"
          id="permission"
          accept="application/pdf,image/png,image/jpeg"
          {...invalid(errors, 'permission')}
        />
      </fieldset>
    </>
  );
}

/** A choice of request, with where the policy says it, how often it may be asked, and the rule that limits it. */
function RightChoice(props: {
  policy: OrganisationPolicy;
  choice: FormChoice;
  index: number;
  chosen: string | undefined;
  errors: FieldErrors;
  senderRule?: SpecialRule;
  language: Language;
}) {
  const { policy, index: i, senderRule, language } = props;
  const t = translator(language);
  const { right, californian } = props.choice;
  // Either may be the right filed (ProntoTrak's choices become the CCPA right for Californians).
  const applying = [right, ...(californian ? [californian] : [])];
  const limited = [right, californian].find((r): r is PolicyRight => r?.limit !== undefined);
  const optOut = right.type === 'opt_out_marketing_email' || right.type === 'opt_out_sale_share';
  const label = (
    <>
      {rightLabel(right, language)}
      {limited?.limit && (
        <>
          {' '}
          <span class="hint">{t('form.limit', { count: limited.limit.count, months: limited.limit.perMonths })}</span>
        </>
      )}
      {californian && (
        <>
          {' '}
          <span class="hint">
            {t('form.californian', { org: policy.name, label: rightLabel(californian, language) })}
          </span>
        </>
      )}
      {optOut && senderRule && (
        <>
          {' '}
          <span class="hint sender-rule" id={`sender-rule-${i}`}>
            {senderRule.summary} {t('form.senderRule')}
          </span>
        </>
      )}
    </>
  );
  return (
    <>
      <ChoiceInput
        type="radio"
        name="rightId"
        id={`right-${i}`}
        value={right.id}
        checked={props.chosen === right.id}
        invalid={invalid(props.errors, 'rightId')}
        label={label}
        asks={{
          'data-asks-points': applying.some((r) => dataPointsAsked(policy, r).length > 0),
          'data-asks-declaration': applying.some(needsDeclaration),
        }}
      />
      <details>
        <summary>{t('form.whereSaid', { policy: policyOf(language, policy.name, 'policy') })}</summary>
        {[right, californian].map(
          (r) =>
            r && (
              <>
                <blockquote>{r.citation.quote}</blockquote>
                {r.limit && <blockquote>{r.limit.citation.quote}</blockquote>}
                {r.verificationCitation && <blockquote>{r.verificationCitation.quote}</blockquote>}
              </>
            ),
        )}
        {optOut && senderRule && <blockquote>{senderRule.citation.quote}</blockquote>}
      </details>
    </>
  );
}

/** Asked only where a choice is granted both to everyone and, under the CCPA, to Californians. */
function ResidenceQuestion({
  policy,
  chosen,
  errors,
  t,
}: {
  policy: OrganisationPolicy;
  chosen: string | undefined;
  errors: FieldErrors;
  t: Translate;
}) {
  if (!asksResidence(policy)) return <></>;
  const choice = (value: string, label: string) => (
    <ChoiceInput
      type="radio"
      name="residence"
      id={`residence-${value}`}
      value={value}
      checked={chosen === value}
      invalid={invalid(errors, 'residence')}
      label={label}
    />
  );
  return (
    <fieldset>
      <legend>{t('form.residence')}</legend>
      <span class="hint">{t('form.residenceHint', { org: policy.name })}</span>
      <FieldError errors={errors} field="residence" />
      {choice('california', t('form.residenceYes'))}
      {choice('elsewhere', t('form.residenceNo'))}
    </fieldset>
  );
}

/**
 * Where the organisation also processes data for others (schools, customers), whose data the request is about:
 * for data it only processes, the controller must answer. Not asked where it processes nothing for others.
 */
function DataContextQuestion({
  policy,
  chosen,
  errors,
  t,
}: {
  policy: OrganisationPolicy;
  chosen: string | undefined;
  errors: FieldErrors;
  t: Translate;
}) {
  if (policy.processorRedirects.length === 0) return <></>;
  const choice = (id: string, value: string, label: string) => (
    <ChoiceInput
      type="radio"
      name="dataContext"
      id={id}
      value={value}
      checked={chosen === value}
      invalid={invalid(errors, 'dataContext')}
      label={label}
    />
  );
  return (
    <fieldset>
      <legend>{t('form.dataContext')}</legend>
      <span class="hint">{t('form.dataContextHint', { org: policy.name })}</span>
      <FieldError errors={errors} field="dataContext" />
      {choice('data-context-own', OWN_DATA, t('form.dataContextOwn', { org: policy.name }))}
      {policy.processorRedirects.map((redirect, i) =>
        choice(`data-context-${i}`, redirect.services, redirect.services),
      )}
    </fieldset>
  );
}
