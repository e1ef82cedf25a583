// Matching a requester's data points against what the organisation's records hold for the person found by their
// request (CCPA regs §7062: verification by matching data points the business maintains).

// The core entry with its metadata as a module: the default entry imports a JSON file, which ESM tests warn about.
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.min';

import type { DataPointKind } from '#policy';

import { addressKey, addressText, sameAddress } from './postal-address.js';

export type DataPointResult = 'matched' | 'not_matched' | 'not_held';
export type IdentityLevel = 'none' | 'reasonable' | 'high';
type Country = 'US' | 'GB';

/** Longer than any name, address or number a person has: read as garbage, and never given to a parser. */
export const MAX_DATA_POINT_LENGTH = 1000;

// Letters NFKD leaves whole, written as a person without them on their keyboard would.
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

/** A name's words in lower case without accents, apostrophes or titles, in alphabetical order. */
function nameTokens(value: string): string[] {
  // Decomposed before and after lower-casing: a compatibility letter (ℐ, 𝓐) has no lower case until it is plain.
  const plain = value
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTERS[letter])
    .replace(/['’ʼ`´]/g, '');
  const words = plain.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => !TITLES.has(word)).sort();
}

function phoneNumber(value: string, country: Country): string | null {
  // Not extracted from text around it: a value is a number or it is not one.
  const spaced = value.replace(/[\s\p{C}]+/gu, ' ').trim();
  const parsed = parsePhoneNumberFromString(spaced, { defaultCountry: country, extract: false }, metadata);
  // Possible, not valid: ranges kept for fiction and new ranges are numbers a person may still hold.
  return parsed?.isPossible() ? parsed.number : null;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WRITTEN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** YYYY-MM-DD from ISO or the country's written form (US month first, GB day first); null for no real date. */
function calendarDate(value: string, country: Country): string | null {
  const compact = value.replace(/\s+/g, '');
  const iso = ISO_DATE.exec(compact);
  const written = iso ? null : WRITTEN_DATE.exec(compact);
  if (!iso && !written) return null;
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : country === 'US'
      ? [written![3], written![1], written![2]]
      : [written![3], written![2], written![1]];
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function accountNumber(value: string): string | null {
  const plain = value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return plain === '' ? null : plain;
}

/** Normalised form of a value of a kind, or null when it is not a value of that kind (garbage, empty). */
export function normaliseDataPoint(kind: DataPointKind, value: string, country: Country): string | null {
  if (value.length > MAX_DATA_POINT_LENGTH) return null;
  switch (kind) {
    case 'full_name': {
      const tokens = nameTokens(value);
      return tokens.length === 0 ? null : tokens.join(' ');
    }
    case 'phone':
      return phoneNumber(value, country);
    case 'postal_address': {
      const key = addressKey(value, country);
      return key && addressText(key);
    }
    case 'date_of_birth':
    case 'last_order_date':
      return calendarDate(value, country);
    case 'account_number':
      return accountNumber(value);
  }
}

/** Every word of `part` is in `whole`, as often. */
function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  const left = [...whole];
  return part.every((word) => {
    const at = left.indexOf(word);
    if (at !== -1) left.splice(at, 1);
    return at !== -1;
  });
}

/**
 * Two normalised values of a kind name the same thing. Names: the same words in any order, or a name of two words or
 * more all of whose words are in the other (a middle name or an initial left out). Addresses: see sameAddress. Every
 * other kind: the same normal form.
 */
function sameValue(kind: DataPointKind, a: string, b: string, country: Country): boolean {
  if (kind === 'full_name') {
    const [shorter, longer] = [a.split(' '), b.split(' ')].sort((x, y) => x.length - y.length);
    return shorter.length === longer.length ? a === b : shorter.length >= 2 && containsWords(longer, shorter);
  }
  if (kind === 'postal_address') {
    const [x, y] = [addressKey(a, country), addressKey(b, country)];
    return x !== null && y !== null && sameAddress(x, y);
  }
  return a === b;
}

/**
 * The submitted value against every value the records hold for that kind: not_held when none is held (a held value
 * that is not one of the kind, say an address without a house number, cannot be matched and counts as not held).
 * A submitted value that is not one of the kind never matches. A last order date matches any held order's date.
 */
export function compareDataPoint(
  kind: DataPointKind,
  submitted: string,
  held: readonly string[],
  country: Country,
): DataPointResult {
  const heldValues = held
    .map((value) => normaliseDataPoint(kind, value, country))
    .filter((value): value is string => value !== null);
  if (heldValues.length === 0) return 'not_held';
  const given = normaliseDataPoint(kind, submitted, country);
  if (given === null) return 'not_matched';
  return heldValues.some((value) => sameValue(kind, given, value, country)) ? 'matched' : 'not_matched';
}

/** Matched data points, the proven email included, for a reasonable degree of certainty (§7062(b)). */
export const REASONABLE_MATCHES = 2;
/** Matched data points, the proven email included, for a high degree of certainty with a signed declaration (§7062(c)). */
export const HIGH_MATCHES = 3;

/**
 * How certain the match makes the requester's identity. The proven email found in the records counts as one matched
 * data point; reasonable: 2 matched in all; high: 3 matched in all and the declaration signed. Any not_matched point
 * gives none, however many matched: a wrong answer is what an impostor who has learnt some of the person's details
 * gives, and §7062 asks for certainty, not a majority. Staff can still verify such a requester another way.
 */
export function identityLevel(input: {
  emailHeld: boolean;
  results: readonly DataPointResult[];
  declarationSigned: boolean;
}): IdentityLevel {
  if (input.results.includes('not_matched')) return 'none';
  const matched = input.results.filter((result) => result === 'matched').length + (input.emailHeld ? 1 : 0);
  if (matched >= HIGH_MATCHES && input.declarationSigned) return 'high';
  return matched >= REASONABLE_MATCHES ? 'reasonable' : 'none';
}
