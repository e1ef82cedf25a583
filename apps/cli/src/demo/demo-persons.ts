import type { DemoCatalogue } from './demo-catalogue.js';
import type { DemoRowsBuilder } from './demo-rows.js';

/**
 * The two people a newcomer files requests for, in every organisation's demo database (docs/demo-data.md). Their
 * numbers are in the 555-01xx range kept for fiction, which the generated people never use.
 */
export const DEMO_PERSON = {
  fullName: 'Jordan Demo',
  email: 'jordan.demo@example.com',
  /** What the requester types; stored E.164. */
  phone: '+1 415 555 0134',
  storedPhone: '+14155550134',
  postalAddress: '1 Market Street, San Francisco, CA 94105',
  dateOfBirth: '1990-04-12',
} as const;

/** Known by phone only: found when the request gives this number, whatever email it gives. */
export const PHONE_ONLY_PERSON = {
  fullName: 'Riley Phone',
  phone: '+1 415 555 0199',
  /** Stored formatted, so only a digits comparison finds it. */
  storedPhone: '+1 (415) 555-0199',
  postalAddress: '9 Fillmore Street, San Francisco, CA 94117',
} as const;

export const DEMO_PHONE_DIGITS = [DEMO_PERSON.storedPhone, PHONE_ONLY_PERSON.storedPhone].map((p) =>
  p.replace(/\D/g, ''),
);

const at = (iso: string) => new Date(`${iso}Z`);

/** Adds both demo persons first, so they have the lowest ids and the same rows in every database. */
export function addDemoPersons(rows: DemoRowsBuilder, catalogue: DemoCatalogue): void {
  const [first, second, third, fourth] = catalogue.products;
  const [confirmation, reminder, receipt] = catalogue.messageSubjects;
  const jordan = rows.customer({
    email: DEMO_PERSON.email,
    phone: DEMO_PERSON.storedPhone,
    full_name: DEMO_PERSON.fullName,
    postal_address: DEMO_PERSON.postalAddress,
    date_of_birth: DEMO_PERSON.dateOfBirth,
    sale_share_allowed: true,
    created_at: at('2024-02-03T10:15:00'),
  });
  rows.order(
    {
      customer_id: jordan,
      placed_at: at('2025-03-14T09:30:00'),
      status: 'delivered',
      shipping_address: DEMO_PERSON.postalAddress,
    },
    [
      { ...first!, quantity: 1 },
      { ...second!, quantity: 2 },
    ],
  );
  rows.order(
    {
      customer_id: jordan,
      placed_at: at('2025-09-02T16:05:00'),
      status: 'paid',
      shipping_address: DEMO_PERSON.postalAddress,
    },
    [
      { ...third!, quantity: 1 },
      { ...fourth!, quantity: 1 },
      { ...second!, quantity: 1 },
    ],
  );
  rows.message({
    customer_id: jordan,
    sent_at: at('2025-03-14T09:31:00'),
    channel: 'email',
    subject: confirmation!,
    body: `Hello Jordan, thank you: ${first!.product} is booked for you.`,
  });
  rows.message({
    customer_id: jordan,
    sent_at: at('2025-08-20T08:00:00'),
    channel: 'sms',
    subject: null,
    body: `${reminder!}. Reply STOP to opt out.`,
  });
  rows.message({
    customer_id: jordan,
    sent_at: at('2025-09-02T16:06:00'),
    channel: 'email',
    subject: receipt!,
    body: 'Hello Jordan, your receipt is attached. Call us on +1 415 555 0134 if anything is wrong.',
  });
  const [late, change] = catalogue.ticketSubjects;
  rows.ticket({
    customer_id: jordan,
    opened_at: at('2025-03-20T11:00:00'),
    subject: late!,
    description: 'Jordan Demo wrote from jordan.demo@example.com about the first order.',
    status: 'closed',
  });
  rows.ticket({
    customer_id: jordan,
    opened_at: at('2025-09-10T14:45:00'),
    subject: change!,
    description: 'Jordan asked to be called back on +1 415 555 0134.',
    status: 'open',
  });

  const riley = rows.customer({
    email: null,
    phone: PHONE_ONLY_PERSON.storedPhone,
    full_name: PHONE_ONLY_PERSON.fullName,
    postal_address: PHONE_ONLY_PERSON.postalAddress,
    date_of_birth: null,
    sale_share_allowed: true,
    created_at: at('2024-11-18T17:20:00'),
  });
  rows.order(
    {
      customer_id: riley,
      placed_at: at('2025-01-06T12:00:00'),
      status: 'delivered',
      shipping_address: PHONE_ONLY_PERSON.postalAddress,
    },
    [{ ...first!, quantity: 1 }],
  );
  rows.message({
    customer_id: riley,
    sent_at: at('2025-01-06T12:01:00'),
    channel: 'sms',
    subject: null,
    body: `${confirmation!}. Reply STOP to opt out.`,
  });
  rows.ticket({
    customer_id: riley,
    opened_at: at('2025-01-08T09:10:00'),
    subject: change!,
    description: 'Called from +1 (415) 555-0199 about the order.',
    status: 'closed',
  });
}
