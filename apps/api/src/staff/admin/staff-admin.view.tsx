import { STAFF_ROLES, type StaffRole } from '#db';
import { formatLocalDate, type SafeHtml, staffPaths } from '#mail';

import { FieldError, type FieldErrors, invalid } from '../../views/components/form-fields.js';
import { CsrfField } from '../../views/components/page-parts.js';
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

function RoleOptions({ selected }: { selected: string | undefined }) {
  return (
    <>
      {STAFF_ROLES.map((role) => (
        <option value={role} selected={role === selected}>
          {role}
        </option>
      ))}
    </>
  );
}

function MemberRow({ view: v, member: m }: { view: StaffAdminView; member: Member }) {
  return (
    <tr>
      <th scope="row">
        {m.name}
        {m.userId === v.currentUserId ? ' (you)' : ''}
      </th>
      <td>{m.email}</td>
      <td>
        <form method="post" action={staffPaths.member(v.slug, m.userId, 'role')} class="filters">
          <CsrfField token={v.csrfToken} />
          <select name="role" aria-label={`Role of ${m.name}`}>
            <RoleOptions selected={m.role} />
          </select>
          <button type="submit" class="secondary">
            Change role
          </button>
        </form>
      </td>
      <td>
        <form method="post" action={staffPaths.member(v.slug, m.userId, 'remove')}>
          <CsrfField token={v.csrfToken} />
          <button type="submit" class="secondary" aria-label={`Remove ${m.name} from this organisation`}>
            Remove
          </button>
        </form>
      </td>
    </tr>
  );
}

function Invitations({ view: v }: { view: StaffAdminView }) {
  if (v.invitations.length === 0) return <p>None.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Email address</th>
          <th scope="col">Role</th>
          <th scope="col">Link works until</th>
          <th scope="col">Revoke</th>
        </tr>
      </thead>
      <tbody>
        {v.invitations.map((i) => (
          <tr>
            <td>{i.email}</td>
            <td>{i.role}</td>
            <td>{formatLocalDate(i.expiresAt, v.timeZone)}</td>
            <td>
              <form method="post" action={staffPaths.invitationRevoke(v.slug, i.id)}>
                <CsrfField token={v.csrfToken} />
                <button type="submit" class="secondary" aria-label={`Revoke the invitation of ${i.email}`}>
                  Revoke
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InviteForm({ view: v }: { view: StaffAdminView }) {
  const errors = v.errors ?? {};
  const values = v.values ?? {};
  const problems = ADD_FIELDS.filter((f) => errors[f]?.length);
  return (
    <>
      <h2 id="add">Invite a member</h2>
      {v.invited && (
        <div class="notice" role="status" id="invited">
          <p>Invitation sent. They join once they accept it from the mail; until then it waits below.</p>
        </div>
      )}
      {problems.length > 0 && (
        <div class="summary" role="alert" id="add-errors">
          <p>No invitation was sent:</p>
          <ul>
            {problems.map((f) => (
              <li>
                <a href={`#${f}`}>{errors[f]![0]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="hint">
        They get a mail with a link that works once, for seven days: someone new chooses their own password, someone who
        already has a Rightsdesk account signs in with theirs to accept. You never set or see a password.
      </p>
      <form method="post" action={staffPaths.staff(v.slug)}>
        <CsrfField token={v.csrfToken} />
        <label for="email">Email address</label>
        <FieldError errors={errors} field="email" />
        <input
          type="email"
          name="email"
          id="email"
          autocomplete="off"
          maxlength="254"
          value={values.email ?? ''}
          required
          {...invalid(errors, 'email')}
        />
        <label for="role">Role</label>
        <FieldError errors={errors} field="role" />
        <select name="role" id="role" {...invalid(errors, 'role')}>
          <RoleOptions selected={values.role ?? 'agent'} />
        </select>
        <button type="submit">Send invitation</button>
      </form>
    </>
  );
}

/** The organisation's members with a form per change, and a form to add one. */
export function staffAdminBody(v: StaffAdminView): SafeHtml {
  return (
    <>
      <h1>Staff</h1>
      {v.refusal && (
        <div class="summary" role="alert" id="error-summary">
          <p>{v.refusal}</p>
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email address</th>
            <th scope="col">Role</th>
            <th scope="col">Remove</th>
          </tr>
        </thead>
        <tbody>
          {v.members.map((m) => (
            <MemberRow view={v} member={m} />
          ))}
        </tbody>
      </table>
      <p class="hint">{STAFF_ROLES.map((role) => `${role}: ${ROLE_HINTS[role]}`).join('; ')}.</p>
      <h2 id="invitations">Invitations waiting</h2>
      <Invitations view={v} />
      <InviteForm view={v} />
    </>
  );
}
