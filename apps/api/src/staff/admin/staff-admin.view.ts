import { formatLocalDate, html, type SafeHtml } from '#mail';
import { STAFF_ROLES, type StaffRole } from '#db';
import type { FieldErrors } from '../../views/request-form.view.js';
import type { Member, PendingInvitation } from './staff-admin.service.js';

export interface StaffAdminView {
  slug: string;
  members: Member[];
  invitations: PendingInvitation[];
  /** The organisation's, for the invitations' last days. */
  timeZone: string;
  currentUserId: string;
  csrfToken: string;
  /** What was typed into the invite form when it is shown again. */
  values?: Partial<Record<'email' | 'role', string>>;
  /** Just after an invitation: the same words whoever was invited. */
  invited?: boolean;
  errors?: FieldErrors;
  /** A refused change, in words. */
  refusal?: string;
}

const ROLE_HINTS: Record<StaffRole, string> = {
  admin: 'manages staff and settings, and works on requests',
  agent: 'works on requests',
  auditor: 'reads and exports only',
};

const ADD_FIELDS = ['email', 'role'] as const;

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

<h2 id="invitations">Invitations waiting</h2>
${
  v.invitations.length === 0
    ? html`<p>None.</p>`
    : html`<table>
<thead><tr><th scope="col">Email address</th><th scope="col">Role</th><th scope="col">Link works until</th><th scope="col">Revoke</th></tr></thead>
<tbody>
${v.invitations.map(
  (i) => html`<tr>
<td>${i.email}</td><td>${i.role}</td><td>${formatLocalDate(i.expiresAt, v.timeZone)}</td>
<td><form method="post" action="${base}/invitations/${i.id}/revoke">${csrf}
<button type="submit" class="secondary" aria-label="Revoke the invitation of ${i.email}">Revoke</button></form></td>
</tr>`,
)}
</tbody>
</table>`
}

<h2 id="add">Invite a member</h2>
${v.invited ? html`<div class="notice" role="status" id="invited"><p>Invitation sent. They join once they accept it from the mail; until then it waits below.</p></div>` : ''}
${
  problems.length > 0
    ? html`<div class="summary" role="alert" id="add-errors"><p>No invitation was sent:</p>
<ul>${problems.map((f) => html`<li><a href="#${f}">${errors[f]![0]}</a></li>`)}</ul></div>`
    : ''
}
<p class="hint">They get a mail with a link that works once, for seven days: someone new chooses their own password,
someone who already has a Rightsdesk account signs in with theirs to accept. You never set or see a password.</p>
<form method="post" action="${base}">
${csrf}
<label for="email">Email address</label>
${fieldError(errors, 'email')}
<input type="email" name="email" id="email" autocomplete="off" maxlength="254" value="${values.email ?? ''}" required${invalid(errors, 'email')}>
<label for="role">Role</label>
${fieldError(errors, 'role')}
<select name="role" id="role"${invalid(errors, 'role')}>${roleOptions(values.role ?? 'agent')}</select>
<button type="submit">Send invitation</button>
</form>`;
}
