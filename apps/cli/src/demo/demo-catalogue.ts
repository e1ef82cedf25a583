import type { DemoItem } from './demo-rows.js';

/** What an organisation sells and writes about in its demo database, so its rows read like its own business. */
export interface DemoCatalogue {
  products: Omit<DemoItem, 'quantity'>[];
  messageSubjects: string[];
  ticketSubjects: string[];
}

const CATALOGUES: Record<string, DemoCatalogue> = {
  officertrak: {
    products: [
      { product: 'Off-duty officer, 4-hour event shift', unit_price_cents: 24000 },
      { product: 'Traffic control officer, per hour', unit_price_cents: 6500 },
      { product: 'Event security supervisor, per hour', unit_price_cents: 8000 },
      { product: 'Marked patrol vehicle, per shift', unit_price_cents: 15000 },
    ],
    messageSubjects: ['Your officer booking is confirmed', 'Shift roster for your event', 'Your invoice'],
    ticketSubjects: ['Officer did not arrive on time', 'Change the date of my booking', 'Invoice amount is wrong'],
  },
  prontotrak: {
    products: [
      { product: 'ProntoTrak GPS tracker', unit_price_cents: 4999 },
      { product: 'Monthly tracking plan', unit_price_cents: 1999 },
      { product: 'Annual tracking plan', unit_price_cents: 19900 },
      { product: 'Vehicle OBD adapter', unit_price_cents: 2499 },
    ],
    messageSubjects: ['Your tracker has shipped', 'Your tracking plan renews soon', 'New features in ProntoTrak'],
    ticketSubjects: ['Tracker shows the wrong location', 'Cancel my plan', 'Charged twice this month'],
  },
  'securus-software': {
    products: [
      { product: 'Securus safeguarding licence, per pupil per year', unit_price_cents: 350 },
      { product: 'Designated safeguarding lead training', unit_price_cents: 45000 },
      { product: 'Onboarding package', unit_price_cents: 90000 },
      { product: 'Annual support renewal', unit_price_cents: 120000 },
    ],
    messageSubjects: ['Your licence renewal', 'Training session booked', 'Securus release notes'],
    ticketSubjects: ['Console will not load', 'Add a new member of staff', 'Question about our invoice'],
  },
  'securus-technologies': {
    products: [
      { product: 'AdvanceConnect prepaid call credit', unit_price_cents: 2500 },
      { product: 'Video visit, 30 minutes', unit_price_cents: 1299 },
      { product: 'eMessaging stamps, pack of 20', unit_price_cents: 1000 },
      { product: 'Debit Link deposit', unit_price_cents: 5000 },
    ],
    messageSubjects: [
      'Your AdvanceConnect balance is low',
      'Your video visit is scheduled',
      'Receipt for your deposit',
    ],
    ticketSubjects: ['Call dropped and credit was taken', 'Refund my remaining balance', 'Video visit was cancelled'],
  },
  'west-schoolmessenger': {
    products: [
      { product: 'SchoolMessenger Communicate, annual licence', unit_price_cents: 250000 },
      { product: 'SMS message bundle, 10,000 texts', unit_price_cents: 30000 },
      { product: 'SchoolMessenger app add-on', unit_price_cents: 50000 },
      { product: 'Presence website hosting, annual', unit_price_cents: 120000 },
    ],
    messageSubjects: ['School closure tonight', 'Attendance notice', 'Parent evening reminder'],
    ticketSubjects: [
      'Not receiving school texts',
      'Remove my number from the list',
      'Wrong child linked to my account',
    ],
  },
};

const GENERIC: DemoCatalogue = {
  products: [
    { product: 'Standard plan, monthly', unit_price_cents: 1500 },
    { product: 'Premium plan, monthly', unit_price_cents: 3500 },
    { product: 'Set-up fee', unit_price_cents: 5000 },
    { product: 'Support hours', unit_price_cents: 9000 },
  ],
  messageSubjects: ['Your order is confirmed', 'Your receipt', 'News from us'],
  ticketSubjects: ['I cannot sign in', 'Refund request', 'Update my details'],
};

/** What messages and tickets say, beside their subjects: plain sentences, so the rows read as a business's. */
export const MESSAGE_LINES = [
  'thank you for your order, we will let you know when it is on its way.',
  'your account details were updated as you asked.',
  'we could not take your last payment; please check your card details.',
  'here is a summary of your account this month.',
  'your appointment is confirmed; reply to this mail to change it.',
];

export const TICKET_LINES = [
  'I was charged but nothing changed on my account.',
  'Please call me back, I could not get through on the phone.',
  'The confirmation mail never arrived.',
  'I moved house and need my address changed.',
  'Can you explain this charge on my statement?',
];

/** The organisation's catalogue; one added to the seeds later gets a generic one. */
export function catalogueOf(slug: string): DemoCatalogue {
  return CATALOGUES[slug] ?? GENERIC;
}
