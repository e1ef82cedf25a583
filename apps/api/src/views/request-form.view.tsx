import { organisationsThing } from '#mail';
import {
  acceptsAgents,
  asksResidence,
  type FormChoice,
  formChoices,
  type OrganisationPolicy,
  type PolicyRight,
  senderAddressRule,
  type SpecialRule,
} from '#policy';
import { OWN_DATA } from '#workflow';

import { ChoiceInput, FieldError, type FieldErrors, invalid } from './components/form-fields.js';
import { page } from './layout.view.js';

export type { FieldErrors };

export const REQUEST_FORM_FIELDS = [
  'name',
  'email',
  'phone',
  'rightId',
  'residence',
  'dataContext',
  'details',
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
};

/** The problems of the last try, each linked to its field, above the form. */
function ErrorSummary({ view }: { view: RequestFormView }) {
  const { errors } = view;
  const problems = FIELD_ORDER.filter((f) => errors[f]?.length);
  if (problems.length === 0 && !view.formError) return <></>;
  return (
    <div class="summary" role="alert" tabindex="-1" id="error-summary" autofocus>
      <h2>There is a problem</h2>
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
  const body = (
    <>
      <h1>Make a privacy request to {policy.name}</h1>
      <p>
        Use this form to exercise the rights {organisationsThing(policy.name, 'privacy policy')} gives you. For most
        requests we email you a link to confirm your address, and act once you open it; opt-outs need no confirmation.
      </p>
      {view.gpcNotice && (
        <p class="notice" id="gpc-notice">
          {view.gpcNotice}
        </p>
      )}
      <ErrorSummary view={view} />
      <form
        method="post"
        action={`/o/${policy.slug}/requests?_csrf=${view.csrfToken}`}
        enctype="multipart/form-data"
        novalidate
      >
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <div class="hp" aria-hidden="true">
          <label for="website">Leave this empty</label>
          <input type="text" name="website" id="website" tabindex="-1" autocomplete="off" />
        </div>
        <label for="name">
          Your full name
          {agents && (
            <>
              {' '}
              <span class="hint">
                If you are an authorised agent: the name of the person you act for. Your own details go further down.
              </span>
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
          Email address{' '}
          <span class="hint">
            We send the confirmation link and our answer here.
            {agents ? " For an agent's request: the address of the person you act for, who must confirm it." : ''}
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
          Phone number (optional){' '}
          <span class="hint">Only if you would like us to be able to call you about this request.</span>
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
          <legend>What would you like to ask for?</legend>
          <FieldError errors={errors} field="rightId" />
          {formChoices(policy).map((choice, i) => (
            <RightChoice
              policy={policy}
              choice={choice}
              index={i}
              chosen={values.rightId}
              errors={errors}
              senderRule={senderRule}
            />
          ))}
        </fieldset>
        <ResidenceQuestion policy={policy} chosen={values.residence} errors={errors} />
        <DataContextQuestion policy={policy} chosen={values.dataContext} errors={errors} />
        <label for="details">
          Anything that helps us find your information (optional){' '}
          <span class="hint">
            For example an account name or the dates you used the service.{' '}
            {policy.country === 'US'
              ? 'Never include a Social Security or card number.'
              : 'Never include a National Insurance, passport or payment card number.'}
          </span>
        </label>
        <FieldError errors={errors} field="details" />
        <textarea name="details" id="details" rows="5" maxlength="5000" {...invalid(errors, 'details')}>
          {values.details ?? ''}
        </textarea>
        {agents ? <AgentFields view={view} /> : <input type="hidden" name="relationship" value="self" />}
        <button type="submit">Send my request</button>
      </form>
    </>
  );
  return page(`Make a privacy request`, body, policy.name);
}

/** Whether the requester asks for themselves or as an authorised agent, and the agent's own details. */
function AgentFields({ view }: { view: RequestFormView }) {
  const { policy, values, errors } = view;
  const rule = view.agentRegistrationRule;
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
        <legend>Who is this request for?</legend>
        <FieldError errors={errors} field="relationship" />
        {relationship('self', 'Myself')}
        {relationship('agent', 'Someone else, as their authorised agent')}
      </fieldset>
      <fieldset id="agent">
        <legend>Only if you are an authorised agent</legend>
        <p class="hint">
          We ask the person you act for to confirm directly with {policy.name} that they gave you permission; until they
          do, nothing is done.
        </p>
        <label for="agent-name">Your name, as the agent</label>
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
          Your email address, as the agent{' '}
          <span class="hint">We tell you here that we received the request; answers go to the person you act for.</span>
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
          label="I act as a business"
        />
        <label for="agent-registration">
          California Secretary of State registration number
          {rule ? '' : ' (for a business acting on a California request)'}{' '}
          <span class="hint">
            {rule
              ? `${policy.name} requires every agent to be registered with the California Secretary of State.`
              : 'The entity number the Secretary of State gave the business, like C1234567 or 201912345678.'}
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
          The signed permission of the person you act for{' '}
          <span class="hint">
            A PDF, PNG or JPEG file of at most {view.maxPermissionMb} MB.
            {errors.permission?.length || values.agentName ? ' If you chose a file before, choose it again.' : ''}
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
}) {
  const { policy, index: i, senderRule } = props;
  const { right, californian } = props.choice;
  const limited = [right, californian].find((r): r is PolicyRight => r?.limit !== undefined);
  const optOut = right.type === 'opt_out_marketing_email' || right.type === 'opt_out_sale_share';
  const label = (
    <>
      {right.label}
      {limited?.limit && (
        <>
          {' '}
          <span class="hint">
            You can ask for this {limited.limit.count} times in {limited.limit.perMonths} months.
          </span>
        </>
      )}
      {californian && (
        <>
          {' '}
          <span class="hint">
            If you live in California, {policy.name} answers it under the CCPA: {californian.label}.
          </span>
        </>
      )}
      {optOut && senderRule && (
        <>
          {' '}
          <span class="hint sender-rule" id={`sender-rule-${i}`}>
            {senderRule.summary} Give the address that receives the mail you want to stop.
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
      />
      <details>
        <summary>Where {organisationsThing(policy.name, 'policy')} says this</summary>
        {[right, californian].map(
          (r) =>
            r && (
              <>
                <blockquote>{r.citation.quote}</blockquote>
                {r.limit && <blockquote>{r.limit.citation.quote}</blockquote>}
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
}: {
  policy: OrganisationPolicy;
  chosen: string | undefined;
  errors: FieldErrors;
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
      <legend>Do you live in California?</legend>
      <span class="hint">
        Californians have rights under the California Consumer Privacy Act; where a choice above says so, {policy.name}{' '}
        answers it under that law.
      </span>
      <FieldError errors={errors} field="residence" />
      {choice('california', 'Yes, I live in California')}
      {choice('elsewhere', 'No, I live elsewhere')}
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
}: {
  policy: OrganisationPolicy;
  chosen: string | undefined;
  errors: FieldErrors;
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
      <legend>Whose information is this about?</legend>
      <span class="hint">
        {policy.name} also runs services for other organisations, which decide about the information in them: for
        example through your child's school or your employer.
      </span>
      <FieldError errors={errors} field="dataContext" />
      {choice('data-context-own', OWN_DATA, `My own relationship with ${policy.name}`)}
      {policy.processorRedirects.map((redirect, i) =>
        choice(`data-context-${i}`, redirect.services, redirect.services),
      )}
    </fieldset>
  );
}
