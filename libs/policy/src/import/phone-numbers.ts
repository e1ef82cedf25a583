// Phone numbers in the one form the policy validator accepts and a requester can dial from anywhere.

// The core entry with its metadata as a module: the default entry imports a JSON file, which ESM tests warn about.
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.min';

// The ITU E.161 keypad: a vanity number ("1-800-GOT-HELP", in capitals as policies print them) is dialled by its
// letters' digits.
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const KEYS = '22233344455566677778889999';

/**
 * The number in international form ("+1 833 634 0750"), read as written in a policy: "(833) 634-0750",
 * "+1.973.577.1234", "1-800-555-0100". A number without its country code is read as one of the region's.
 * Undefined when it is no valid number there.
 */
export function internationalPhone(written: string, region: CountryCode = 'US'): string | undefined {
  const dialled = written.replace(/[A-Z]/g, (letter) => KEYS[LETTERS.indexOf(letter)]);
  const number = parsePhoneNumberFromString(dialled, region, metadata);
  return number?.isValid() ? number.formatInternational() : undefined;
}
