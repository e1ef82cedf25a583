import type { DataSource } from 'typeorm';

import { loadPolicies } from '#policy';

/** How many requests each benchmark is run at, so cost against size shows: BENCH_SIZES=10000,100000 to validate. */
export const BENCH_SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
export const BENCH_ORGANISATIONS = 20;

const STATUSES = [
  'unverified',
  'verified',
  'in_progress',
  'awaiting_requester',
  'fulfilled',
  'denied',
  'withdrawn',
  'closed_unverified',
];
const TYPES = ['access', 'deletion', 'correction', 'portability', 'opt_out_sale'];
const REGIMES = ['ccpa', 'gdpr', 'uk_gdpr'];
const CHANNELS = ['web', 'email', 'api', 'sms'];

/**
 * `count` requests spread over BENCH_ORGANISATIONS organisations of their own (bulk `INSERT … SELECT
 * generate_series`, in slices), with a mix of statuses, types, regimes, channels, assignees (one staff member per
 * organisation holds a tenth of its requests) and due dates from 30 days ago to 60 ahead. Returns the
 * organisations' ids and their staff member's id.
 */
export async function fillRequests(
  dataSource: DataSource,
  count: number,
  now: Date,
): Promise<{ organisationId: string; staffId: string; slug: string }[]> {
  await dataSource.query(
    `INSERT INTO organisation (slug, name, time_zone, country)
     SELECT 'bench-org-' || lpad(g::text, 2, '0'), 'Bench Organisation ' || g, 'America/Los_Angeles', 'US' FROM generate_series(1, $1) g`,
    [BENCH_ORGANISATIONS],
  );
  // Each organisation works under a real policy (the first seed's, under its own slug and name), so the worker's
  // scheduled jobs (retention, daily mails) read it as they would any organisation's.
  const [{ policy }] = loadPolicies('seeds');
  await dataSource.query(
    `INSERT INTO policy_version (organisation_id, version, content_hash, document)
     SELECT id, '1', repeat('0', 64), $1::jsonb || jsonb_build_object('slug', slug, 'name', name) FROM organisation WHERE slug LIKE 'bench-org-%'`,
    [JSON.stringify(policy)],
  );
  await dataSource.query(
    `UPDATE organisation o SET current_policy_version_id = p.id FROM policy_version p WHERE p.organisation_id = o.id AND o.slug LIKE 'bench-org-%'`,
  );
  await dataSource.query(
    `INSERT INTO staff_user (email, name, password_hash)
     SELECT 'agent@' || slug || '.example', 'Agent of ' || name, 'not-a-hash' FROM organisation WHERE slug LIKE 'bench-org-%'`,
  );
  await dataSource.query(
    `INSERT INTO staff_membership (user_id, organisation_id, role)
     SELECT u.id, o.id, 'agent' FROM organisation o JOIN staff_user u ON u.email = 'agent@' || o.slug || '.example'`,
  );
  const slice = 100_000;
  for (let from = 1; from <= count; from += slice) {
    await dataSource.query(
      `WITH org AS (
         SELECT array_agg(o.id ORDER BY o.slug) AS ids, array_agg(o.current_policy_version_id ORDER BY o.slug) AS policies,
                array_agg(u.id ORDER BY o.slug) AS staff
           FROM organisation o JOIN staff_user u ON u.email = 'agent@' || o.slug || '.example'
       )
       INSERT INTO data_subject_request (reference, organisation_id, policy_version_id, right_id, type, regime, channel,
              status, requester_name, requester_email, relationship, received_at, clock_started_at, due_at,
              verification_required, assignee_id, closed_at)
       SELECT 'RD-' || upper(substr(lpad(to_hex(g), 8, '0'), 1, 4) || '-' || substr(lpad(to_hex(g), 8, '0'), 5, 4)),
              org.ids[1 + g % $3], org.policies[1 + g % $3], 'access',
              -- k = g / organisations: the request's place within its organisation, so each organisation gets the mix.
              ($5::text[])[1 + (g / $3) % 5], ($6::text[])[1 + (g / $3 / 5) % 3], ($7::text[])[1 + (g / $3 / 15) % 4],
              ($8::text[])[1 + (g / $3 / 7) % 8], 'Bench Requester', 'requester' || g || '@example.org', 'self',
              $4::timestamptz - (g % 40) * interval '1 day', $4::timestamptz - (g % 40) * interval '1 day',
              $4::timestamptz + ((g::bigint * 7919) % 90 - 30) * interval '1 day' + (g % 1440) * interval '1 minute',
              'email', CASE WHEN (g / $3) % 10 = 0 THEN org.staff[1 + g % $3] END,
              CASE WHEN (g / $3 / 7) % 8 >= 4 THEN $4::timestamptz - interval '1 day' END
         FROM org, generate_series($1::int, $2::int) g`,
      [from, Math.min(from + slice - 1, count), BENCH_ORGANISATIONS, now, TYPES, REGIMES, CHANNELS, STATUSES],
    );
  }
  await dataSource.query('VACUUM ANALYZE data_subject_request');
  return dataSource.query(
    `SELECT o.id AS "organisationId", u.id AS "staffId", o.slug FROM organisation o JOIN staff_user u ON u.email = 'agent@' || o.slug || '.example' ORDER BY o.slug`,
  );
}
