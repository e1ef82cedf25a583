import type { SuppressionApiKey } from '#db';
import { formatLocalDateTime, staffPaths } from '#mail';
import { SUPPRESSION_CHANNELS, type SuppressionChannel } from '#workflow';

import { CsrfField } from '../views/components/page-parts.js';
import type { StaffSuppressionRow } from './suppression-list.service.js';

const CHANNEL_WORDS: Record<SuppressionChannel, string> = {
  email: 'Marketing email',
  sms: 'Marketing texts',
  sale_share: 'Sale/sharing',
};

export interface SuppressionListView {
  slug: string;
  timeZone: string;
  isAdmin: boolean;
  channel?: SuppressionChannel;
  search: string;
  activeOnly: boolean;
  rows: StaffSuppressionRow[];
  nextUrl: string | null;
}

function SuppressionRow({ view: v, row: r }: { view: SuppressionListView; row: StaffSuppressionRow }) {
  return (
    <tr data-suppression-id={r.id}>
      <td>{r.address}</td>
      <td>{CHANNEL_WORDS[r.channel]}</td>
      <td>{formatLocalDateTime(new Date(r.suppressedAt), v.timeZone)}</td>
      <td>{r.source}</td>
      <td>{r.requestId && r.reference ? <a href={staffPaths.request(v.slug, r.requestId)}>{r.reference}</a> : '—'}</td>
      <td>
        {r.endedAt ? `Ended ${formatLocalDateTime(new Date(r.endedAt), v.timeZone)} (opted back in)` : 'In force'}
      </td>
    </tr>
  );
}

/** Who must not be marketed to (or have their data sold/shared), with where each opt-out came from. */
export function suppressionListBody(v: SuppressionListView) {
  return (
    <>
      <h1>Suppression list</h1>
      <p>
        Addresses and numbers this organisation must not use for marketing, or whose personal information it must not
        sell or share. Its other systems read this list through the{' '}
        {v.isAdmin ? (
          <a href={staffPaths.apiKeys(v.slug)}>suppression API</a>
        ) : (
          'suppression API (its keys are made by admins)'
        )}
        .
      </p>
      <form method="get" action={staffPaths.suppressions(v.slug)} class="filters">
        <label>
          Channel{' '}
          <select name="channel">
            <option value="">All</option>
            {SUPPRESSION_CHANNELS.map((c) => (
              <option value={c} selected={v.channel === c}>
                {CHANNEL_WORDS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Address contains <input type="text" name="q" value={v.search} />
        </label>
        <label>
          <input type="checkbox" name="active" value="1" checked={v.activeOnly} /> In force only
        </label>
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      {v.rows.length === 0 ? (
        <p id="no-suppressions">No suppressions match.</p>
      ) : (
        <table id="suppressions">
          <thead>
            <tr>
              <th>Address</th>
              <th>Channel</th>
              <th>Since</th>
              <th>How</th>
              <th>Request</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <SuppressionRow view={v} row={r} />
            ))}
          </tbody>
        </table>
      )}
      {v.nextUrl && (
        <p>
          <a href={v.nextUrl} rel="next">
            Older suppressions
          </a>
        </p>
      )}
    </>
  );
}

export interface ApiKeysView {
  slug: string;
  timeZone: string;
  csrfToken: string;
  keys: SuppressionApiKey[];
  /** A key just made: shown this once. */
  created?: { label: string; key: string };
  error?: string;
  publicUrl: string;
}

function ApiKeyRow({ view: v, apiKey: k }: { view: ApiKeysView; apiKey: SuppressionApiKey }) {
  return (
    <tr data-key-id={k.id}>
      <td>{k.label}</td>
      <td>
        <code>{k.keyPrefix}…</code>
      </td>
      <td>{formatLocalDateTime(k.createdAt, v.timeZone)}</td>
      <td>{k.lastUsedAt ? formatLocalDateTime(k.lastUsedAt, v.timeZone) : 'never'}</td>
      <td>
        {k.revokedAt ? (
          `Revoked ${formatLocalDateTime(k.revokedAt, v.timeZone)}`
        ) : (
          <form method="post" action={staffPaths.apiKeyRevoke(v.slug, k.id)} class="inline">
            <CsrfField token={v.csrfToken} />
            <button type="submit" class="link">
              Revoke
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

/** Admins make and revoke the keys their organisation's systems use for the suppression API. */
export function apiKeysBody(v: ApiKeysView) {
  const base = `${v.publicUrl.replace(/\/$/, '')}/api/v1/orgs/${v.slug}/suppressions`;
  return (
    <>
      <h1>Suppression API keys</h1>
      {v.created && (
        <div class="notice" id="new-key">
          <p>
            <strong>Copy the key "{v.created.label}" now: it is shown only this once.</strong>
          </p>
          <pre id="api-key">{v.created.key}</pre>
        </div>
      )}
      {v.error && (
        <div class="summary" role="alert">
          <p>{v.error}</p>
        </div>
      )}
      <p>
        Send a key as <code>Authorization: Bearer rdk_…</code>. It reads this organisation's list only:
      </p>
      <ul>
        <li>
          <code>GET {base}/check?channel=email|sms|sale_share&address=…</code>
        </li>
        <li>
          <code>GET {base}/changes?cursor=0&limit=100</code>
        </li>
        <li>
          <code>GET {base}/unsubscribe-headers?email=…</code>
        </li>
      </ul>
      <table id="api-keys">
        <thead>
          <tr>
            <th>Name</th>
            <th>Key starts</th>
            <th>Made</th>
            <th>Last used</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {v.keys.map((k) => (
            <ApiKeyRow view={v} apiKey={k} />
          ))}
        </tbody>
      </table>
      <h2>Make a key</h2>
      <form method="post" action={staffPaths.apiKeys(v.slug)}>
        <CsrfField token={v.csrfToken} />
        <label for="label">What uses it (e.g. "CRM")</label>
        <input type="text" name="label" id="label" maxlength="100" required />
        <button type="submit">Make key</button>
      </form>
    </>
  );
}
