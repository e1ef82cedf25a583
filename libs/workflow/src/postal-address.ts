// A postal address, as far as identity matching reads it: the house number, the street, and the postcode or ZIP.
// City, state and county are left out because the postcode already places the street, and people write them in
// too many ways; a flat or suite is left out because address lines carry it so unevenly.

/** The parts two addresses are compared on. */
export interface AddressKey {
  number: string;
  street: string[];
  postcode: string;
}

// Every form is read in lower case, so the expansions are too; both sides are expanded alike.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  rd: 'road',
  dr: 'drive',
  ln: 'lane',
  blvd: 'boulevard',
  ct: 'court',
  pl: 'place',
  sq: 'square',
  ter: 'terrace',
  terr: 'terrace',
  cres: 'crescent',
  cl: 'close',
  hwy: 'highway',
  pkwy: 'parkway',
  cir: 'circle',
  aly: 'alley',
  plz: 'plaza',
  trl: 'trail',
  apt: 'apartment',
  ste: 'suite',
  fl: 'floor',
  rm: 'room',
  bldg: 'building',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  ne: 'northeast',
  nw: 'northwest',
  se: 'southeast',
  sw: 'southwest',
  mt: 'mount',
  ft: 'fort',
};

/** Words that end a street's name: a street runs up to the last of them before a comma. */
const STREET_TYPES = new Set([
  'street',
  'avenue',
  'road',
  'drive',
  'lane',
  'boulevard',
  'court',
  'place',
  'square',
  'terrace',
  'crescent',
  'close',
  'highway',
  'parkway',
  'circle',
  'way',
  'row',
  'walk',
  'mews',
  'gardens',
  'grove',
  'alley',
  'plaza',
  'trail',
]);

/** Words that start a flat, suite or floor: the number after one is not the house number, and the street ends there. */
const UNITS = new Set(['apartment', 'suite', 'unit', 'flat', 'floor', 'room', 'building']);

const HOUSE_NUMBER = /^\d+[a-z]?$|^\d+(-\d+)+$/;
const BOUNDARY = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
// A ZIP, or ZIP+4 (whose last four digits say nothing more about the person); a UK postcode, with or without its space.
const POSTCODES = {
  US: new RegExp(`${BOUNDARY}(\\d{5})(?:[ -]\\d{4})?${END}`, 'gu'),
  GB: new RegExp(`${BOUNDARY}([a-z]{1,2}\\d[a-z\\d]?) ?(\\d[a-z]{2})${END}`, 'gu'),
} as const;

/**
 * Lower case, accents dropped, compatibility forms (full-width digits) made plain; a line break ends a part as a
 * comma does, other whitespace and control characters are single spaces.
 */
function folded(value: string): string {
  return value
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\n\r\u2028\u2029]/g, ',')
    .replace(/[\s\p{C}]+/gu, ' ');
}

function lastPostcode(text: string, country: 'US' | 'GB'): { postcode: string; rest: string } | null {
  const matches = [...text.matchAll(POSTCODES[country])];
  const last = matches.at(-1);
  if (!last) return null;
  const postcode = country === 'US' ? last[1] : `${last[1]} ${last[2]}`;
  // The postcode's place becomes a comma, so it ends the street as a comma would.
  const rest = `${text.slice(0, last.index)},${text.slice(last.index + last[0].length)}`;
  return { postcode, rest };
}

/** The address's parts between commas (or line breaks), each as tokens with abbreviations expanded. */
function partsOf(text: string): string[][] {
  return text
    .replace(/#/g, ' unit ')
    .replace(/['’]/g, '')
    .split(/[,;]/)
    .map((part) => (part.match(/\d+(?:-\d+)+|[\p{L}\p{N}]+/gu) ?? []).map((token) => ABBREVIATIONS[token] ?? token));
}

/** The street after the house number: up to a unit or the part's end, cut after the last street-type word. */
function streetAfter(tokens: readonly string[]): string[] {
  const unit = tokens.findIndex((token) => UNITS.has(token));
  const run = unit === -1 ? tokens : tokens.slice(0, unit);
  const lastType = run.findLastIndex((token) => STREET_TYPES.has(token));
  return lastType === -1 ? [...run] : run.slice(0, lastType + 1);
}

function numberAndStreet(parts: readonly string[][]): { number: string; street: string[] } | null {
  for (const tokens of parts) {
    for (let i = 0; i < tokens.length - 1; i++) {
      const next = tokens[i + 1];
      const isHouseNumber =
        HOUSE_NUMBER.test(tokens[i]) && !UNITS.has(tokens[i - 1] ?? '') && !HOUSE_NUMBER.test(next) && !UNITS.has(next);
      if (!isHouseNumber) continue;
      const street = streetAfter(tokens.slice(i + 1));
      if (street.length > 0) return { number: tokens[i], street };
    }
  }
  return null;
}

/** The house number, street and postcode of a written address; null when one of them cannot be found. */
export function addressKey(value: string, country: 'US' | 'GB'): AddressKey | null {
  const found = lastPostcode(folded(value), country);
  if (!found) return null;
  const located = numberAndStreet(partsOf(found.rest));
  return located && { ...located, postcode: found.postcode };
}

/** The key written out; reading it back gives the same key. */
export function addressText(key: AddressKey): string {
  return `${key.number} ${key.street.join(' ')}, ${key.postcode}`;
}

const hasStreetType = (street: readonly string[]) => street.some((token) => STREET_TYPES.has(token));

/**
 * Same house number and postcode, and the same street; a street written without its type ("1 Market, 94105") is the
 * same as one whose name it begins ("1 Market Street, 94105"), as is one that ran on into the city for want of commas.
 */
export function sameAddress(a: AddressKey, b: AddressKey): boolean {
  if (a.number !== b.number || a.postcode !== b.postcode) return false;
  const [shorter, longer] = a.street.length <= b.street.length ? [a.street, b.street] : [b.street, a.street];
  if (!shorter.every((token, i) => token === longer[i])) return false;
  return shorter.length === longer.length || !hasStreetType(shorter);
}
