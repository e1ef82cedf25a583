import { expect } from '@jest/globals';

import { FulfilmentTask } from '#db';

import { eventually } from './eventually.js';
import { csrfTokenIn, FormClient, linkIn, referenceIn } from './form-client.js';
import { SIGNED_DECLARATION } from './requester.js';
import type { SystemFixture } from './system-fixture.js';

export interface FiledRequest {
  id: string;
  reference: string;
  /** The request's staff page. */
  page: string;
  statusUrl: string;
}

/** What the fulfilment specs do as a requester and as staff, on a running system of theirs. */
export function fulfilmentFlow(system: SystemFixture<'typeorm'>) {
  /**
   * Files a request on the public form and confirms it from its own verification mail, as the requester would;
   * `fields` adds to what is posted or replaces it (the details that confirm who the requester is, a residence).
   */
  async function verifiedRequest(
    email: string,
    rightId: string,
    phone: string,
    slug: string,
    fields: Record<string, string> = {},
  ): Promise<FiledRequest> {
    const form = `/o/${slug}/requests`;
    const filed = await new FormClient(system.baseUrl).submitForm(`${form}/new`, form, {
      name: 'Jordan Requester',
      email,
      phone,
      rightId,
      // ProntoTrak asks where the requester lives; elsewhere than California, its own rights apply.
      residence: slug === 'prontotrak' ? 'elsewhere' : 'california',
      dataContext: 'own',
      relationship: 'self',
      details: '',
      website: '',
      ...SIGNED_DECLARATION,
      ...fields,
    });
    expect(filed.status).toBe(201);
    const reference = referenceIn(filed.body);
    let verifyUrl = '';
    await eventually(async () => {
      const mail = system.sink.mailsTo(email).find((m) => m.text.includes(reference) && m.text.includes('/v/'));
      if (mail) verifyUrl = linkIn(mail.text, system.baseUrl, '/v/');
      return !!mail;
    }, `the verification mail of ${reference}`);
    const requester = new FormClient(system.baseUrl);
    const confirmed = await requester.post(verifyUrl, { _csrf: csrfTokenIn((await requester.get(verifyUrl)).body) });
    expect(confirmed.status).toBe(200);
    const mail = system.sink.mailsTo(email).find((m) => m.text.includes(reference) && m.text.includes('/s/'))!;
    const [{ id }] = (await system.db.query('SELECT id FROM data_subject_request WHERE reference = $1', [
      reference,
    ])) as { id: string }[];
    return {
      id,
      reference,
      page: `/staff/orgs/${slug}/requests/${id}`,
      statusUrl: linkIn(mail.text, system.baseUrl, '/s/'),
    };
  }

  const act = (client: FormClient, page: string, action: string, fields: Record<string, string> = {}) =>
    client.submitForm(page, `${page}/${action}`, fields);

  /** Claims the request and starts work on it, which plans its systems' tasks. */
  async function startWork(client: FormClient, page: string): Promise<void> {
    expect((await act(client, page, 'claim')).status).toBe(303);
    expect((await act(client, page, 'start')).status).toBe(303);
  }

  /** The request's tasks of a purpose once every one of them is in one of `states`. */
  async function tasksSettled(requestId: string, purpose: string, ...states: string[]): Promise<FulfilmentTask[]> {
    let tasks: FulfilmentTask[] = [];
    await eventually(
      async () => {
        tasks = await system.db.getRepository(FulfilmentTask).findBy({ requestId, purpose: purpose as never });
        return tasks.length > 0 && tasks.every((t) => states.includes(t.state));
      },
      `the ${purpose} tasks of ${requestId} ${states.join(' or ')}`,
    );
    return tasks;
  }

  const statusOf = async (id: string) =>
    ((await system.db.query('SELECT status FROM data_subject_request WHERE id = $1', [id])) as { status: string }[])[0]
      .status;

  return { verifiedRequest, act, startWork, tasksSettled, statusOf };
}
