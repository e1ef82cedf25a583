import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L or U: a reference read aloud over the phone or copied by hand stays unambiguous.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** A human reference like RD-7K3F-92QX (30^8 ≈ 6.6e11 values; uniqueness is enforced by the database). */
export function newRequestReference(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `RD-${pick()}-${pick()}`;
}

export const REQUEST_REFERENCE_PATTERN = /^RD-[A-HJ-NP-TV-Z2-9]{4}-[A-HJ-NP-TV-Z2-9]{4}$/;
