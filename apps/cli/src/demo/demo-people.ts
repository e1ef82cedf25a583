import { createHash } from 'node:crypto';

import { base, en, en_GB, en_US, Faker } from '@faker-js/faker';

import { catalogueOf, type DemoCatalogue, MESSAGE_LINES, TICKET_LINES } from './demo-catalogue.js';
import { addDemoPersons, DEMO_PHONE_DIGITS } from './demo-persons.js';
import { type DemoRows, DemoRowsBuilder } from './demo-rows.js';

/** Bumped when the generator writes different rows for the same settings; stored in each database's marker. */
export const DEMO_DATA_VERSION = 1;

/** Every date is drawn before this one, so the rows do not depend on the day they are made. */
const REFERENCE_DATE = '2026-01-01T00:00:00Z';

/** Fictional numbers only (555-01xx in North America, Ofcom's drama range in London). */
const US_AREA_CODES = ['212', '312', '415', '503', '617', '702', '808', '907'];

function seedOf(slug: string): number {
  return createHash('sha256').update(`${slug}:${DEMO_DATA_VERSION}`).digest().readUInt32BE(0);
}

/** E.164 and the way a person might have typed it, the two forms the data maps' digits comparison must both find. */
function phoneOf(faker: Faker, country: string): { e164: string; formatted: string } {
  for (;;) {
    const line = faker.string.numeric(2);
    if (country === 'GB') {
      const last = `0${faker.string.numeric(3)}`;
      return { e164: `+442079460${last.slice(1)}`, formatted: `+44 20 7946 ${last}` };
    }
    const area = faker.helpers.arrayElement(US_AREA_CODES);
    const e164 = `+1${area}55501${line}`;
    if (!DEMO_PHONE_DIGITS.includes(e164.slice(1))) return { e164, formatted: `+1 (${area}) 555-01${line}` };
  }
}

function addressOf(faker: Faker, country: string): string {
  const street = faker.location.streetAddress();
  return country === 'GB'
    ? `${street}, ${faker.location.city()} ${faker.location.zipCode()}`
    : `${street}, ${faker.location.city()}, ${faker.location.state({ abbreviated: true })} ${faker.location.zipCode('#####')}`;
}

function addPerson(faker: Faker, rows: DemoRowsBuilder, context: { country: string; catalogue: DemoCatalogue }): void {
  const { country, catalogue } = context;
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  const phone = faker.datatype.boolean(0.9) ? phoneOf(faker, country) : null;
  const address = addressOf(faker, country);
  const createdAt = faker.date.past({ years: 4 });
  const id = rows.customer({
    // The id keeps two people of the same name apart; lower-case, as the column is kept.
    email: `${local}.${rows.rows.customers.length + 1}@${faker.helpers.arrayElement(['example.com', 'example.org', 'example.net'])}`,
    phone: phone && (faker.datatype.boolean() ? phone.e164 : phone.formatted),
    full_name: `${first} ${last}`,
    postal_address: address,
    date_of_birth: faker.date.birthdate({ mode: 'age', min: 18, max: 85 }).toISOString().slice(0, 10),
    sale_share_allowed: faker.datatype.boolean(0.7),
    created_at: createdAt,
  });
  const since = () => faker.date.between({ from: createdAt, to: REFERENCE_DATE });
  for (let n = faker.number.int({ min: 0, max: 4 }); n > 0; n--) {
    const items = faker.helpers
      .arrayElements(catalogue.products, { min: 1, max: 3 })
      .map((product) => ({ ...product, quantity: faker.number.int({ min: 1, max: 3 }) }));
    const status = faker.helpers.arrayElement(['paid', 'delivered', 'delivered', 'refunded']);
    rows.order({ customer_id: id, placed_at: since(), status, shipping_address: address }, items);
  }
  for (let n = faker.number.int({ min: 0, max: 5 }); n > 0; n--) {
    const subject = faker.helpers.arrayElement(catalogue.messageSubjects);
    const sms = phone !== null && faker.datatype.boolean(0.3);
    rows.message({
      customer_id: id,
      sent_at: since(),
      channel: sms ? 'sms' : 'email',
      subject: sms ? null : subject,
      body: sms ? `${subject}. Reply STOP to opt out.` : `Hello ${first}, ${faker.helpers.arrayElement(MESSAGE_LINES)}`,
    });
  }
  for (let n = faker.number.int({ min: 0, max: 2 }); n > 0; n--) {
    rows.ticket({
      customer_id: id,
      opened_at: since(),
      subject: faker.helpers.arrayElement(catalogue.ticketSubjects),
      description: `${first} ${last} wrote: ${faker.helpers.arrayElement(TICKET_LINES)}`,
      status: faker.helpers.arrayElement(['open', 'closed', 'closed']),
    });
  }
}

/**
 * One organisation's demo rows: the two demo persons, then `people` generated ones. The same slug, country and count
 * give the same rows on every machine (faker seeded from the slug, dates drawn before a fixed day), and a larger
 * count only adds people after the same first ones.
 */
export function demoRows(organisation: { slug: string; country: string }, people: number): DemoRows {
  const faker = new Faker({ locale: organisation.country === 'GB' ? [en_GB, en, base] : [en_US, en, base] });
  faker.seed(seedOf(organisation.slug));
  faker.setDefaultRefDate(REFERENCE_DATE);
  const catalogue = catalogueOf(organisation.slug);
  const rows = new DemoRowsBuilder();
  addDemoPersons(rows, catalogue);
  for (let i = 0; i < people; i++) addPerson(faker, rows, { country: organisation.country, catalogue });
  return rows.rows;
}
