import type { DataCategory } from '#policy';

/**
 * The data map's categories as a requester reads them: a heading and what it covers (the table of docs/data-map.md).
 * A record, so a category added to the model without its wording fails to compile.
 */
export const CATEGORY_WORDS: Record<DataCategory, { label: string; covers: string }> = {
  contact: { label: 'Contact details', covers: 'names, email and postal addresses, phone numbers' },
  identifiers: { label: 'Identifiers', covers: 'account numbers, customer numbers and other ids' },
  financial: { label: 'Financial information', covers: 'card and bank details, balances, payments' },
  commercial: { label: 'Purchases and subscriptions', covers: 'orders, purchases, subscriptions' },
  communications: { label: 'Messages', covers: 'messages, support tickets, call notes' },
  location: { label: 'Location', covers: 'where the service was used, geolocation' },
  device_online: { label: 'Devices and online activity', covers: 'IP addresses, device ids, cookies, browsing' },
  inferences: { label: 'Preferences and profiles', covers: 'preferences, profiles, flags worked out from other data' },
  sensitive: {
    label: 'Sensitive information',
    covers: 'what the law treats as sensitive, such as health, government ids or precise location',
  },
};

/** Values of columns the data map gives no single category: a service's own fields, a column added later. */
export const OTHER_WORDS = { label: 'Other information', covers: 'values the data map does not put in one category' };
