import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';

import { DataSubjectRequest } from '#db';

import { eventually } from './support/eventually.js';
import { submitRequest } from './support/requester.js';
import { storeRequest } from './support/stored-requests.js';
import { useRunningSystem } from './support/system-fixture.js';

const TOKEN = 'metrics-token-for-the-e2e-run';
const ORG = 'officertrak';
const DAY = 86_400_000;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labels = '', value] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const pairs = [...labels.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]);
      return { name: name!, labels: Object.fromEntries(pairs), value: Number(value) };
    });
}

/** The one sample of a name whose labels include these; undefined when there is none. */
function sample(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}

describe('/metrics for Prometheus, read from the running api, worker and stores', () => {
  const system = useRunningSystem({
    ownStorage: 'metrics',
    db: 'typeorm',
    extraEnv: { METRICS_TOKEN: TOKEN, MAIL_ATTEMPTS: '2', MAIL_BACKOFF_MS: '100' },
  });

  const scrape = async (token = TOKEN) => {
    const answer = await fetch(`${system.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: answer.status, type: answer.headers.get('content-type'), text: await answer.text() };
  };

  it('answers only the metrics token', async () => {
    expect((await fetch(`${system.baseUrl}/metrics`)).status).toBe(401);
    expect((await scrape('another-token-of-the-same-size')).status).toBe(401);
    const answer = await scrape();
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/plain; version=0.0.4');
  });

  it("counts requests, deadlines, closing times, mail, the workers' job attempts and intake latency", async () => {
    const now = Date.now();
    const store = (status: 'fulfilled' | 'in_progress', daysAgo: number) =>
      storeRequest(system.db, {
        slug: ORG,
        rightId: 'access',
        status,
        channel: 'email',
        receivedAt: new Date(now - daysAgo * DAY),
        email: `stored-${daysAgo}@example.org`,
      });
    const closed = await store('fulfilled', 10);
    const open = [await store('in_progress', 60), await store('in_progress', 40), await store('in_progress', 1)];
    // A verification mail the SMTP server accepts, and one it refuses for good: one retry, then a failure.
    system.sink.refuse = { code: 550, matches: (address) => address.startsWith('refused-') };
    await submitRequest(system.baseUrl, ORG, 'accepted-metrics@example.org', 'access');
    await submitRequest(system.baseUrl, ORG, 'refused-metrics@example.org', 'access');

    let samples: Sample[] = [];
    await eventually(async () => {
      samples = parse((await scrape()).text);
      return sample(samples, 'rightsdesk_job_failures_total', { queue: 'mail' }) === 1;
    }, 'the refused mail failed for good');

    const { type, regime } = closed;
    const received = (channel: string) =>
      sample(samples, 'rightsdesk_requests_received_total', { organisation: ORG, type, regime, channel });
    expect([received('email'), received('web')]).toEqual([4, 2]);

    // The two just submitted are open (unverified) too; overdue and due soon as the queue counts them.
    const at = (r: DataSubjectRequest) => r.dueAt.getTime();
    const overdue = open.filter((r) => at(r) < now).length;
    const soon = open.filter((r) => at(r) >= now && at(r) < now + 7 * DAY).length;
    expect(overdue).toBeGreaterThan(0);
    const gauge = (name: string) => sample(samples, name, { organisation: ORG });
    expect(gauge('rightsdesk_requests_open')).toBe(5);
    expect(gauge('rightsdesk_requests_overdue')).toBe(overdue);
    expect(gauge('rightsdesk_requests_due_within_7_days')).toBe(soon);
    expect(sample(samples, 'rightsdesk_requests_open', { organisation: 'prontotrak' })).toBe(0);

    // Closed after 10 days: over the 7-day bound, under the 14-day one.
    const bucket = (le: string) =>
      sample(samples, 'rightsdesk_request_time_to_close_days_bucket', { organisation: ORG, le });
    expect([bucket('7'), bucket('14'), bucket('+Inf')]).toEqual([0, 1, 1]);
    expect(sample(samples, 'rightsdesk_request_time_to_close_days_sum', { organisation: ORG })).toBeCloseTo(10, 1);

    expect(sample(samples, 'rightsdesk_mails_sent_total', { template: 'verification' })).toBe(1);
    expect(sample(samples, 'rightsdesk_mails_failed_total', { organisation: ORG })).toBe(1);
    expect(sample(samples, 'rightsdesk_job_retries_total', { queue: 'mail' })).toBe(1);
    expect(sample(samples, 'rightsdesk_queue_jobs', { queue: 'mail', state: 'failed' })).toBe(1);

    const intake = sample(samples, 'rightsdesk_intake_duration_seconds_count', { channel: 'web', outcome: 'accepted' });
    expect(intake).toBe(2);
    const slow = sample(samples, 'rightsdesk_intake_duration_seconds_bucket', {
      channel: 'web',
      outcome: 'accepted',
      le: '5',
    });
    expect(slow).toBe(2);
  });

  it('the Grafana dashboard in docs/ asks only for metrics /metrics serves', async () => {
    const served = new Set(parse((await scrape()).text).map((s) => s.name));
    const dashboard = readFileSync('docs/grafana-dashboard.json', 'utf8');
    const asked = new Set([...dashboard.matchAll(/\brightsdesk_\w+/g)].map((m) => m[0]));
    expect(asked.size).toBeGreaterThanOrEqual(10);
    expect([...asked].filter((name) => !served.has(name))).toEqual([]);
  });
});
