// The rows of one organisation's demo customer database, named as its columns are: what the data maps in
// seeds/*.datamap.yaml describe, and what the generator writes.

export interface DemoCustomer {
  id: number;
  /** Stored lower-case, as the data maps promise (an `exact` email identity); null for a person known by phone only. */
  email: string | null;
  /** E.164 for some people, formatted for others ("+1 (415) 555-0134"): the data maps compare its digits. */
  phone: string | null;
  full_name: string;
  postal_address: string | null;
  date_of_birth: string | null;
  /** The sale/share flag an opt-out request turns off. */
  sale_share_allowed: boolean;
  created_at: Date;
}

export interface DemoOrder {
  id: number;
  customer_id: number;
  placed_at: Date;
  status: string;
  /** In the organisation's currency's minor unit (cents, pence). */
  total_cents: number;
  shipping_address: string | null;
}

export interface DemoOrderItem {
  id: number;
  order_id: number;
  product: string;
  quantity: number;
  unit_price_cents: number;
}

export interface DemoMessage {
  id: number;
  customer_id: number;
  sent_at: Date;
  channel: 'email' | 'sms';
  subject: string | null;
  body: string;
}

export interface DemoTicket {
  id: number;
  customer_id: number;
  opened_at: Date;
  subject: string;
  description: string;
  status: string;
}

export interface DemoRows {
  customers: DemoCustomer[];
  orders: DemoOrder[];
  order_items: DemoOrderItem[];
  messages: DemoMessage[];
  tickets: DemoTicket[];
}

/** The tables in the order they are filled: every table after the ones its foreign keys point at. */
export const DEMO_TABLES = ['customers', 'orders', 'order_items', 'messages', 'tickets'] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

function emptyRows(): DemoRows {
  return { customers: [], orders: [], order_items: [], messages: [], tickets: [] };
}

export function countRows(rows: DemoRows): Record<DemoTable, number> {
  return Object.fromEntries(DEMO_TABLES.map((table) => [table, rows[table].length])) as Record<DemoTable, number>;
}

export interface DemoItem {
  product: string;
  quantity: number;
  unit_price_cents: number;
}

/** Collects rows with ids counted from 1 per table, so the same calls give the same ids. */
export class DemoRowsBuilder {
  readonly rows = emptyRows();

  customer(fields: Omit<DemoCustomer, 'id'>): number {
    const id = this.rows.customers.length + 1;
    this.rows.customers.push({ id, ...fields });
    return id;
  }

  /** An order with its items; its total is theirs. */
  order(fields: Omit<DemoOrder, 'id' | 'total_cents'>, items: DemoItem[]): number {
    const id = this.rows.orders.length + 1;
    const total = items.reduce((sum, item) => sum + item.quantity * item.unit_price_cents, 0);
    this.rows.orders.push({ id, ...fields, total_cents: total });
    for (const item of items)
      this.rows.order_items.push({ id: this.rows.order_items.length + 1, order_id: id, ...item });
    return id;
  }

  message(fields: Omit<DemoMessage, 'id'>): void {
    this.rows.messages.push({ id: this.rows.messages.length + 1, ...fields });
  }

  ticket(fields: Omit<DemoTicket, 'id'>): void {
    this.rows.tickets.push({ id: this.rows.tickets.length + 1, ...fields });
  }
}
