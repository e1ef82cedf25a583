import { html, type SafeHtml } from '#mail';
import { MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from '#db';
import type { FieldErrors } from '../../views/request-form.view.js';
import type { Member } from './staff-admin.service.js';

export interface StaffAdminView {
  slug: string;
  members: Member[];
  currentUserId: string;
  csrfToken: string;
  /** What was typed into the add form when it is shown again (never the password). */
  values?: Partial<Record<'email' | 'name' | 'role', string>>;
  errors?: FieldErrors;
  /** A refused change, in words. */
  refusal?: string;
}

const ROLE_HINTS: Record<StaffRole, string> = {
  admin: 'manages staff and settings, and works on requests',
  agent: 'works on requests',
  auditor: 'reads and exports only',
};

const ADD_FIELDS = ['email', 'name', 'role', 'password'] as const;

function roleOptions(selected: string | undefined): SafeHtml[] {
  return STAFF_ROLES.map((role) => html`<option value="${role}"${role === selected ? html` selected` : ''}>${role}</option>`);
}

function fieldError(errors: FieldErrors, field: string): SafeHtml {
  const message = errors[field]?.[0];
  return message ? html`<span class="error" id="${field}-error">${message}</span>` : html``;
}

function invalid(errors: FieldErrors, field: string): SafeHtml {
  return errors[field]?.length ? html` aria-invalid="true" aria-describedby="${field}-error"` : html``;
}

/** The organisation's members with a form per change, and a form to add one. */
export function staffAdminBody(v: StaffAdminView): SafeHtml {
  const errors = v.errors ?? {};
  const values = v.values ?? {};
  const base = `/staff/orgs/${v.slug}/staff`;
  const csrf = html`<input type="hidden" name="_csrf" value="${v.csrfToken}">`;
  const problems = ADD_FIELDS.filter((f) => errors[f]?.length);
  return html`<h1>Staff</h1>
${v.refusal ? html`<div class="summary" role="alert" id="error-summary"><p>${v.refusal}</p></div>` : ''}
<table>
<thead><tr><th scope="col">Name</th><th scope="col">Email address</th><th scope="col">Role</th><th scope="col">Remove</th></tr></thead>
<tbody>
${v.members.map(
  (m) => html`<tr>
<th scope="row">${m.name}${m.userId === v.currentUserId ? ' (you)' : ''}</th>
<td>${m.email}</td>
<td><form method="post" action="${base}/${m.userId}/role" class="filters">${csrf}
<select name="role" aria-label="Role of ${m.name}">${roleOptions(m.role)}</select>
<button type="submit" class="secondary">Change role</button></form></td>
<td><form method="post" action="${base}/${m.userId}/remove">${csrf}
<button type="submit" class="secondary" aria-label="Remove ${m.name} from this organisation">Remove</button></form></td>
</tr>`,
)}
</tbody>
</table>
<p class="hint">${STAFF_ROLES.map((role) => `${role}: ${ROLE_HINTS[role]}`).join('; ')}.</p>

<h2 id="add">Add a member</h2>
${
  problems.length > 0
    ? html`<div class="summary" role="alert" id="add-errors"><p>The member was not added:</p>
<ul>${problems.map((f) => html`<li><a href="#${f}">${errors[f]![0]}</a></li>`)}</ul></div>`
    : ''
}
<form method="post" action="${base}">
${csrf}
<label for="email">Email address</label>
${fieldError(errors, 'email')}
<input type="email" name="email" id="email" autocomplete="off" maxlength="254" value="${values.email ?? ''}" required${invalid(errors, 'email')}>
<label for="name">Name</label>
${fieldError(errors, 'name')}
<input type="text" name="name" id="name" autocomplete="off" maxlength="200" value="${values.name ?? ''}" required${invalid(errors, 'name')}>
<label for="role">Role</label>
${fieldError(errors, 'role')}
<select name="role" id="role"${invalid(errors, 'role')}>${roleOptions(values.role ?? 'agent')}</select>
<label for="password">Initial password <span class="hint">At least ${MIN_PASSWORD_LENGTH} characters; give it to them in person or by phone.
Someone who already has a Rightsdesk account keeps their own name and password.</span></label>
${fieldError(errors, 'password')}
<input type="password" name="password" id="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" maxlength="200" required${invalid(errors, 'password')}>
<button type="submit">Add member</button>
</form>`;
}
