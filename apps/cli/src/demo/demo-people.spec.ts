import { describe, expect, it } from '@jest/globals';

import { normalisePhone } from '#workflow';

import { demoRows } from './demo-people.js';
import { DEMO_PERSON, PHONE_ONLY_PERSON } from './demo-persons.js';
import type { DemoRows } from './demo-rows.js';

const prontotrak = { slug: 'prontotrak', country: 'US' };
const digits = (phone: string | null) => phone?.replace(/\D/g, '') ?? null;

/** Every row's parent exists: what the foreign keys will insist on. */
function orphans(rows: DemoRows): string[] {
  const customers = new Set(rows.customers.map((c) => c.id));
  const orders = new Set(rows.orders.map((o) => o.id));
  return [
    ...rows.orders.filter((o) => !customers.has(o.customer_id)).map((o) => `order ${o.id}`),
    ...rows.order_items.filter((i) => !orders.has(i.order_id)).map((i) => `order item ${i.id}`),
    ...rows.messages.filter((m) => !customers.has(m.customer_id)).map((m) => `message ${m.id}`),
    ...rows.tickets.filter((t) => !customers.has(t.customer_id)).map((t) => `ticket ${t.id}`),
  ];
}

describe('the demo people', () => {
  it('are the same for the same organisation and count, different for another, and more people only add to the end', () => {
    const rows = demoRows(prontotrak, 50);
    expect(demoRows(prontotrak, 50)).toEqual(rows);
    expect(demoRows({ slug: 'officertrak', country: 'US' }, 50).customers[10]).not.toEqual(rows.customers[10]);
    const more = demoRows(prontotrak, 80);
    expect(more.customers.slice(0, rows.customers.length)).toEqual(rows.customers);
    expect(more.customers).toHaveLength(82);
  });

  it('start with the two demo persons, each spread over every table the same way in every organisation', () => {
    for (const organisation of [prontotrak, { slug: 'securus-software', country: 'GB' }]) {
      const rows = demoRows(organisation, 10);
      const [jordan, riley] = rows.customers;
      expect(jordan).toMatchObject({ id: 1, email: DEMO_PERSON.email, full_name: DEMO_PERSON.fullName });
      expect(normalisePhone(jordan!.phone!)).toBe(normalisePhone(DEMO_PERSON.phone));
      expect(riley).toMatchObject({ id: 2, email: null, full_name: PHONE_ONLY_PERSON.fullName });
      // Stored formatted: only the digits of what the requester types find it.
      expect(riley!.phone).not.toBe(normalisePhone(PHONE_ONLY_PERSON.phone));
      expect(digits(riley!.phone)).toBe(digits(normalisePhone(PHONE_ONLY_PERSON.phone)));
      const ordersOf = (id: number) => rows.orders.filter((o) => o.customer_id === id).map((o) => o.id);
      const count = (id: number) => ({
        orders: ordersOf(id).length,
        order_items: rows.order_items.filter((i) => ordersOf(id).includes(i.order_id)).length,
        messages: rows.messages.filter((m) => m.customer_id === id).length,
        tickets: rows.tickets.filter((t) => t.customer_id === id).length,
      });
      expect(count(1)).toEqual({ orders: 2, order_items: 5, messages: 3, tickets: 2 });
      expect(count(2)).toEqual({ orders: 1, order_items: 1, messages: 1, tickets: 1 });
    }
  });

  it('are related rows whose parents exist, with order totals that add up', () => {
    const rows = demoRows(prontotrak, 300);
    expect(orphans(rows)).toEqual([]);
    for (const order of rows.orders) {
      const items = rows.order_items.filter((i) => i.order_id === order.id);
      expect(order.total_cents).toBe(items.reduce((sum, i) => sum + i.quantity * i.unit_price_cents, 0));
    }
    for (const table of ['orders', 'order_items', 'messages', 'tickets'] as const)
      expect(rows[table].length).toBeGreaterThan(300);
  });

  it('have unique lower-case emails, and phones in both forms that never reach a demo person', () => {
    for (const organisation of [prontotrak, { slug: 'securus-software', country: 'GB' }]) {
      const people = demoRows(organisation, 300).customers.slice(2);
      const emails = people.map((c) => c.email!);
      expect(new Set(emails).size).toBe(emails.length);
      expect(emails.filter((e) => e !== e.toLowerCase() || !/^[a-z.]+\.\d+@example\.(com|org|net)$/.test(e))).toEqual(
        [],
      );
      const phones = people.map((c) => c.phone).filter((p): p is string => p !== null);
      expect(phones.some((p) => /^\+\d+$/.test(p))).toBe(true);
      expect(phones.some((p) => /\s/.test(p))).toBe(true);
      expect(phones.filter((p) => normalisePhone(p) === null)).toEqual([]);
      const demoDigits = [DEMO_PERSON.phone, PHONE_ONLY_PERSON.phone].map(digits);
      expect(phones.filter((p) => demoDigits.includes(digits(p)))).toEqual([]);
    }
  });
});
