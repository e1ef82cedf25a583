import { html, type SafeHtml } from '#mail';
import type { OrganisationPolicy } from '#policy';
import { page } from './layout.view.js';

export type FieldErrors = Partial<Record<string, string[]>>;

export interface RequestFormView {
  policy: OrganisationPolicy;
  values: Partial<Record<'name' | 'email' | 'phone' | 'rightId' | 'relationship' | 'details', string>>;
  errors: FieldErrors;
  csrfToken: string;
  /** A problem with the whole form (e.g. an expired form), shown above it. */
  formError?: string;
  /** What the browser's Global Privacy Control signal means here, when it sent one. */
  gpcNotice?: string;
}

const FIELD_ORDER = ['name', 'email', 'phone', 'rightId', 'relationship', 'details'] as const;
const FIELD_ANCHOR: Record<string, string> = { rightId: 'right-0', relationship: 'relationship-self' };

function errorFor(errors: FieldErrors, field: string): SafeHtml {
  const messages = errors[field];
  return messages?.length ? html`<span class="error" id="${field}-error">${messages[0]}</span>` : html``;
}

function invalid(errors: FieldErrors, field: string): SafeHtml {
  return errors[field]?.length ? html` aria-invalid="true" aria-describedby="${field}-error"` : html``;
}

/** The request form: plain HTML that works with JavaScript off, errors beside their fields. */
export function requestFormPage(view: RequestFormView, offeredRights: OrganisationPolicy['rights']): string {
  const { policy, values, errors } = view;
  const problems = FIELD_ORDER.filter((f) => errors[f]?.length);
  const summary =
    problems.length > 0 || view.formError
      ? html`<div class="summary" role="alert" tabindex="-1" id="error-summary">
<h2>There is a problem</h2>
${view.formError ? html`<p>${view.formError}</p>` : ''}
<ul>${problems.map((f) => html`<li><a href="#${FIELD_ANCHOR[f] ?? f}">${errors[f]![0]}</a></li>`)}</ul>
</div>`
      : '';
  const rights = offeredRights.map(
    (right, i) => html`<div class="choice">
<input type="radio" name="rightId" id="right-${i}" value="${right.id}"${values.rightId === right.id ? html` checked` : ''}${invalid(errors, 'rightId')}>
<label for="right-${i}">${right.label}${
      right.limit ? html` <span class="hint">You can ask for this ${right.limit.count} times in ${right.limit.perMonths} months.</span>` : ''
    }</label>
</div>
<details><summary>Where ${policy.name}'s policy says this</summary><blockquote>${right.citation.quote}</blockquote>${
      right.limit ? html`<blockquote>${right.limit.citation.quote}</blockquote>` : ''
    }</details>`,
  );
  const relationship = (value: 'self' | 'agent', label: string) => html`<div class="choice">
<input type="radio" name="relationship" id="relationship-${value}" value="${value}"${(values.relationship ?? 'self') === value ? html` checked` : ''}>
<label for="relationship-${value}">${label}</label>
</div>`;

  const body = html`<h1>Make a privacy request to ${policy.name}</h1>
<p>Use this form to exercise the rights ${policy.name}'s privacy policy gives you. For most requests we email you a link to confirm your address, and act once you open it; opt-outs need no confirmation.</p>
${view.gpcNotice ? html`<p class="notice" id="gpc-notice">${view.gpcNotice}</p>` : ''}
${summary}
<form method="post" action="/o/${policy.slug}/requests" novalidate>
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<div class="hp" aria-hidden="true"><label for="website">Leave this empty</label><input type="text" name="website" id="website" tabindex="-1" autocomplete="off"></div>

<label for="name">Your full name</label>
${errorFor(errors, 'name')}
<input type="text" name="name" id="name" autocomplete="name" maxlength="200" value="${values.name ?? ''}"${invalid(errors, 'name')}>

<label for="email">Email address <span class="hint">We send the confirmation link and our answer here.</span></label>
${errorFor(errors, 'email')}
<input type="email" name="email" id="email" autocomplete="email" maxlength="254" value="${values.email ?? ''}"${invalid(errors, 'email')}>

<label for="phone">Phone number (optional) <span class="hint">Only if you would like us to be able to call you about this request.</span></label>
${errorFor(errors, 'phone')}
<input type="tel" name="phone" id="phone" autocomplete="tel" maxlength="25" value="${values.phone ?? ''}"${invalid(errors, 'phone')}>

<fieldset>
<legend>What would you like to ask for?</legend>
${errorFor(errors, 'rightId')}
${rights}
</fieldset>

<fieldset>
<legend>Who is this request for?</legend>
${errorFor(errors, 'relationship')}
${relationship('self', 'Myself')}
${relationship('agent', 'Someone else, as their authorised agent')}
</fieldset>

<label for="details">Anything that helps us find your information (optional)
<span class="hint">For example an account name or the dates you used the service. Never include a Social Security or card number.</span></label>
${errorFor(errors, 'details')}
<textarea name="details" id="details" rows="5" maxlength="5000"${invalid(errors, 'details')}>${values.details ?? ''}</textarea>

<button type="submit">Send my request</button>
</form>`;
  return page(`Make a privacy request`, body, policy.name);
}
