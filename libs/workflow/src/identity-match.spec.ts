import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { DATA_POINT_KINDS, type DataPointKind } from '#policy';

import {
  compareDataPoint,
  type DataPointResult,
  type IdentityLevel,
  identityLevel,
  MAX_DATA_POINT_LENGTH,
  normaliseDataPoint,
} from './identity-match.js';

type Country = 'US' | 'GB';
const COUNTRIES: Country[] = ['US', 'GB'];
const LEVELS: IdentityLevel[] = ['none', 'reasonable', 'high'];
const RESULTS: DataPointResult[] = ['matched', 'not_matched', 'not_held'];

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\u0000\u0007\u001b[31m\u007f',
  "'; DROP TABLE customers; --",
  "1' OR '1'='1",
  'Robert"); DELETE FROM orders WHERE ("1"="1',
  '<script>alert(1)</script>',
  '${process.env}',
  '\ud800',
  '\u202e\u200b\ufeff',
  'x'.repeat(10_000),
  '9'.repeat(10_000),
  '1 '.repeat(5_000),
  '1/'.repeat(5_000),
  'a,'.repeat(5_000),
  '+'.repeat(10_000),
  `1 Market Street ${'9'.repeat(10_000)}`,
];

/** A value of each kind, as the records may hold it, in either country. */
const HELD: Record<DataPointKind, string> = {
  full_name: 'Grace Hopper',
  phone: '+14155550134',
  postal_address: '1 Market Street, San Francisco, CA 94105',
  date_of_birth: '1990-04-12',
  last_order_date: '2025-03-14',
  account_number: 'AC0042',
};

describe('normaliseDataPoint: full names', () => {
  it.each([
    ['Grace Hopper', 'grace hopper'],
    ['Hopper, Grace', 'grace hopper'],
    ['  GRACE \t  hopper ', 'grace hopper'],
    ['Grâce Höpper', 'grace hopper'],
    ['José Núñez', 'jose nunez'],
    ['Ærin Straße', 'aerin strasse'],
    ['Łukasz Ødegård', 'lukasz odegard'],
    ["Seán O'Brien", 'obrien sean'],
    ['Seán O’Brien', 'obrien sean'],
    ['Mary-Jane Watson', 'jane mary watson'],
    ['Dr. Grace B. Hopper', 'b grace hopper'],
    ['Mrs Grace Hopper', 'grace hopper'],
    ['ＧＲＡＣＥ　ＨＯＰＰＥＲ', 'grace hopper'],
    ['山田 太郎', '太郎 山田'],
  ])('%j → %j', (value, expected) => {
    for (const country of COUNTRIES) expect(normaliseDataPoint('full_name', value, country)).toBe(expected);
  });

  it.each(['', '   ', '!!!', '.,-', 'Mr', 'Mr. Dr.', '\u0000\u0007'])('refuses %j', (value) =>
    expect(normaliseDataPoint('full_name', value, 'US')).toBeNull(),
  );
});

describe('normaliseDataPoint: phone numbers', () => {
  it.each<[string, Country, string]>([
    ['(415) 555-0134', 'US', '+14155550134'],
    ['415.555.0134', 'US', '+14155550134'],
    ['+1 415 555 0134', 'US', '+14155550134'],
    ['+1 (415) 555-0134', 'GB', '+14155550134'],
    ['+14155550134', 'GB', '+14155550134'],
    ['020 7946 0018', 'GB', '+442079460018'],
    ['+44 20 7946 0018', 'US', '+442079460018'],
    ['07700 900123', 'GB', '+447700900123'],
  ])('%j in %s → %j', (value, country, expected) => expect(normaliseDataPoint('phone', value, country)).toBe(expected));

  it.each(['', '555-0134', '12', 'call me', 'call me on 415 555 0134', '415 555 0134 or 415 555 0199', '+'])(
    'refuses %j',
    (value) => expect(normaliseDataPoint('phone', value, 'US')).toBeNull(),
  );

  it('reads a number without its country code as one of the organisation’s country', () => {
    expect(normaliseDataPoint('phone', '020 7946 0018', 'US')).not.toBe('+442079460018');
  });
});

describe('normaliseDataPoint: postal addresses', () => {
  it.each<[string, Country, string]>([
    ['1 Market Street, San Francisco, CA 94105', 'US', '1 market street, 94105'],
    ['1 market st., san francisco ca 94105-1234', 'US', '1 market street, 94105'],
    ['1 MARKET ST APT 5, SAN FRANCISCO, CA 94105', 'US', '1 market street, 94105'],
    ['Apt #5, 1 Market St\nSan Francisco, CA 94105', 'US', '1 market street, 94105'],
    ['350 5th Ave, New York, NY 10118', 'US', '350 5th avenue, 10118'],
    ['1600 Pennsylvania Ave NW, Washington, DC 20500', 'US', '1600 pennsylvania avenue, 20500'],
    ['12 N Main Rd, Springfield 62704', 'US', '12 north main road, 62704'],
    ['1 Broadway, New York, NY 10004', 'US', '1 broadway, 10004'],
    ['Flat 3, 12 High St, London SW1A 1AA', 'GB', '12 high street, sw1a 1aa'],
    ['221B Baker Street, London NW1 6XE', 'GB', '221b baker street, nw1 6xe'],
    ['12-14 Château Road, Leeds ls1 4ap', 'GB', '12-14 chateau road, ls1 4ap'],
    ['10 downing street london sw1a2aa', 'GB', '10 downing street, sw1a 2aa'],
  ])('%j in %s → %j', (value, country, expected) =>
    expect(normaliseDataPoint('postal_address', value, country)).toBe(expected),
  );

  it.each<[string, Country]>([
    ['San Francisco, CA 94105', 'US'],
    ['1 Market Street, San Francisco, CA', 'US'],
    ['PO Box 123, San Francisco, CA 94105', 'US'],
    ['Rose Cottage, Church Lane, York YO1 7HH', 'GB'],
    ['12 High Street, London SW1A 1AA', 'US'],
    ['1 Market Street, San Francisco, CA 94105', 'GB'],
    ['94105', 'US'],
    ['', 'GB'],
  ])('refuses %j in %s (no house number, street and postcode)', (value, country) =>
    expect(normaliseDataPoint('postal_address', value, country)).toBeNull(),
  );
});

describe('normaliseDataPoint: dates', () => {
  it.each<[string, Country, string]>([
    ['1990-04-12', 'US', '1990-04-12'],
    ['1990-04-12', 'GB', '1990-04-12'],
    ['1990-4-2', 'GB', '1990-04-02'],
    ['04/12/1990', 'US', '1990-04-12'],
    ['04/12/1990', 'GB', '1990-12-04'],
    ['4/2/1990', 'US', '1990-04-02'],
    ['12.04.1990', 'GB', '1990-04-12'],
    [' 12 / 04 / 1990 ', 'GB', '1990-04-12'],
    ['2000-02-29', 'US', '2000-02-29'],
  ])('%j in %s → %j', (value, country, expected) => {
    for (const kind of ['date_of_birth', 'last_order_date'] as const)
      expect(normaliseDataPoint(kind, value, country)).toBe(expected);
  });

  it.each<[string, Country]>([
    ['13/13/1990', 'US'],
    ['02/30/1990', 'US'],
    ['30/02/1990', 'GB'],
    ['1990-02-29', 'US'],
    ['1900-02-29', 'GB'],
    ['12/04/90', 'US'],
    ['0999-01-01', 'US'],
    ['1990-04-12T10:00:00Z', 'US'],
    ['yesterday', 'GB'],
    ['1990-00-10', 'US'],
    ['', 'US'],
  ])('refuses %j in %s', (value, country) => {
    for (const kind of ['date_of_birth', 'last_order_date'] as const)
      expect(normaliseDataPoint(kind, value, country)).toBeNull();
  });
});

describe('normaliseDataPoint: account numbers', () => {
  it.each([
    ['ab-12 34', 'AB1234'],
    ['  AC/0042 ', 'AC0042'],
    ['ＡＢ１２', 'AB12'],
    ['0042', '0042'],
  ])('%j → %j', (value, expected) => expect(normaliseDataPoint('account_number', value, 'US')).toBe(expected));

  it.each(['', '---', ' ', '¿?'])('refuses %j', (value) =>
    expect(normaliseDataPoint('account_number', value, 'GB')).toBeNull(),
  );
});

describe('compareDataPoint', () => {
  it.each<[DataPointKind, string, string[], Country, DataPointResult]>([
    ['full_name', 'Hopper, Grace', ['grace hopper'], 'US', 'matched'],
    ['full_name', 'Grace Hopper', ['Grace Brewster Murray Hopper'], 'US', 'matched'],
    ['full_name', 'Grace Brewster Hopper', ['Grace Hopper'], 'US', 'matched'],
    ['full_name', 'Grace', ['Grace Hopper'], 'US', 'not_matched'],
    ['full_name', 'Grace Grace', ['Grace Hopper'], 'US', 'not_matched'],
    ['full_name', 'Grace Jones', ['Grace Hopper'], 'US', 'not_matched'],
    ['full_name', 'Grace Hopper', ['Ann Lee', 'Grace Hopper'], 'US', 'matched'],
    ['phone', '(415) 555-0134', ['+1 415 555 0134'], 'US', 'matched'],
    ['phone', '(415) 555-0134', ['+1 (415) 555-0199'], 'US', 'not_matched'],
    ['phone', '020 7946 0018', ['+442079460018'], 'GB', 'matched'],
    ['postal_address', '1 market st apt 5, SF CA 94105', ['1 Market Street, San Francisco, CA 94105'], 'US', 'matched'],
    ['postal_address', '1 Market, San Francisco 94105', ['1 Market Street, San Francisco, CA 94105'], 'US', 'matched'],
    ['postal_address', '1 Broadway New York NY 10004', ['1 Broadway, New York, NY 10004'], 'US', 'matched'],
    ['postal_address', '2 Market Street, 94105', ['1 Market Street, San Francisco, CA 94105'], 'US', 'not_matched'],
    ['postal_address', '1 Market Street, 94106', ['1 Market Street, San Francisco, CA 94105'], 'US', 'not_matched'],
    ['postal_address', '1 Mission Street, 94105', ['1 Market Street, San Francisco, CA 94105'], 'US', 'not_matched'],
    ['postal_address', '1 Oak Avenue, 94105', ['1 Oak Street, San Francisco, CA 94105'], 'US', 'not_matched'],
    ['postal_address', '12 High St, SW1A1AA', ['Flat 3, 12 High Street, London SW1A 1AA'], 'GB', 'matched'],
    ['date_of_birth', '04/12/1990', ['1990-04-12'], 'US', 'matched'],
    ['date_of_birth', '04/12/1990', ['1990-04-12'], 'GB', 'not_matched'],
    ['date_of_birth', '12/04/1990', ['1990-04-12'], 'GB', 'matched'],
    ['last_order_date', '2025-03-14', ['2025-09-02', '2025-03-14'], 'US', 'matched'],
    ['last_order_date', '2025-03-15', ['2025-09-02', '2025-03-14'], 'US', 'not_matched'],
    ['account_number', 'ac-0042', ['AC0042'], 'GB', 'matched'],
    ['account_number', 'AC42', ['AC0042'], 'GB', 'not_matched'],
  ])('%s %j against %j in %s: %s', (kind, submitted, held, country, expected) =>
    expect(compareDataPoint(kind, submitted, held, country)).toBe(expected),
  );

  it.each(DATA_POINT_KINDS)(
    '%s: not_held when the records hold no value of the kind, whatever was submitted',
    (kind) => {
      for (const submitted of ['Grace Hopper', '', 'garbage']) {
        expect(compareDataPoint(kind, submitted, [], 'US')).toBe('not_held');
        expect(compareDataPoint(kind, submitted, ['', '   ', '\u0000'], 'US')).toBe('not_held');
      }
    },
  );

  it('counts a held value that cannot be read as its kind as not held', () => {
    const cottage = 'Rose Cottage, Church Lane, York YO1 7HH';
    expect(compareDataPoint('postal_address', cottage, [cottage], 'GB')).toBe('not_held');
    expect(
      compareDataPoint('postal_address', '12 High St, SW1A 1AA', [cottage, '12 High Street, SW1A 1AA'], 'GB'),
    ).toBe('matched');
  });

  it.each(DATA_POINT_KINDS)('%s: a submitted value that is not one of the kind does not match', (kind) => {
    for (const garbage of ['', '   ', '!!!', '\u0000'])
      expect(compareDataPoint(kind, garbage, [HELD[kind]], 'US')).toBe('not_matched');
  });
});

describe('identityLevel', () => {
  it.each<[boolean, DataPointResult[], boolean, IdentityLevel]>([
    [false, [], false, 'none'],
    [true, [], true, 'none'],
    [true, ['not_held', 'not_held'], true, 'none'],
    [true, ['matched'], false, 'reasonable'],
    [false, ['matched'], true, 'none'],
    [false, ['matched', 'matched'], false, 'reasonable'],
    [true, ['matched', 'matched'], false, 'reasonable'],
    [true, ['matched', 'matched'], true, 'high'],
    [false, ['matched', 'matched', 'matched'], true, 'high'],
    [false, ['matched', 'matched', 'not_held'], true, 'reasonable'],
    [true, ['matched', 'not_matched'], false, 'none'],
    [true, ['matched', 'matched', 'matched', 'not_matched'], true, 'none'],
  ])('email held %s, %j, declaration signed %s: %s', (emailHeld, results, declarationSigned, expected) =>
    expect(identityLevel({ emailHeld, results, declarationSigned })).toBe(expected),
  );
});

// Realistic values, written the many ways people write them.
const spacing = fc.constantFrom(' ', '  ', '\t', ' \t  ');
const recase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));
const word = fc.constantFrom('grace', 'hopper', 'josé', 'núñez', 'ann', 'lee', 'o’brien', 'straße', 'mary-jane', 'b');
const name = fc.array(word, { minLength: 1, maxLength: 4 });
const usAddress = fc
  .record({
    number: fc.integer({ min: 1, max: 9999 }),
    street: fc.constantFrom('Market', 'Mission', 'Oak', '5th', 'Pennsylvania', 'Fillmore'),
    type: fc.constantFrom('St', 'Street', 'Ave', 'Avenue', 'Rd', 'Road', 'Blvd', ''),
    unit: fc.constantFrom('', ' Apt 5', ' #12', ', Suite 300'),
    city: fc.constantFrom(', San Francisco, CA', ' Springfield', ', New York NY'),
    zip: fc.integer({ min: 10000, max: 99999 }),
    plus4: fc.constantFrom('', '-1234'),
  })
  .map((a) => `${a.number} ${a.street} ${a.type}${a.unit}${a.city} ${a.zip}${a.plus4}`);
const gbAddress = fc
  .record({
    flat: fc.constantFrom('', 'Flat 3, ', 'Flat 12B '),
    number: fc.integer({ min: 1, max: 400 }),
    suffix: fc.constantFrom('', 'A', 'b'),
    street: fc.constantFrom('High', 'Baker', 'Station', 'Church'),
    type: fc.constantFrom('St', 'Street', 'Rd', 'Road', 'Lane', 'Close', 'Terr'),
    town: fc.constantFrom(', London', ' Leeds', ', Edinburgh,'),
    postcode: fc.constantFrom('SW1A 1AA', 'NW1 6XE', 'ls1 4ap', 'M1 1AE', 'EH11YZ'),
  })
  .map((a) => `${a.flat}${a.number}${a.suffix} ${a.street} ${a.type}${a.town} ${a.postcode}`);
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const realistic: Record<DataPointKind, fc.Arbitrary<string>> = {
  full_name: name.map((words) => words.join(' ')),
  phone: fc
    .integer({ min: 200_0000, max: 999_9999 })
    .map((line) => `(415) ${String(line).slice(0, 3)}-${String(line).slice(3)}`),
  postal_address: fc.oneof(usAddress, gbAddress),
  date_of_birth: isoDate,
  last_order_date: isoDate,
  account_number: fc.stringMatching(/^[A-Za-z0-9]{1,4}(-[A-Za-z0-9]{1,4}){0,2}$/),
};
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 80 }));
const kind = fc.constantFrom(...DATA_POINT_KINDS);
const country = fc.constantFrom(...COUNTRIES);
const valueOf = (k: DataPointKind) => fc.oneof(realistic[k], anyText);

describe('properties of matching', () => {
  it('normalising is idempotent, for written values and any text', () => {
    fc.assert(
      fc.property(
        kind.chain((k) => fc.tuple(fc.constant(k), valueOf(k))),
        country,
        ([k, value], c) => {
          const once = normaliseDataPoint(k, value, c);
          if (once !== null) expect(normaliseDataPoint(k, once, c)).toBe(once);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a value and its normal form match each other, and a value matches itself', () => {
    fc.assert(
      fc.property(
        kind.chain((k) => fc.tuple(fc.constant(k), valueOf(k))),
        country,
        ([k, value], c) => {
          const normal = normaliseDataPoint(k, value, c);
          fc.pre(normal !== null);
          expect(compareDataPoint(k, value, [value], c)).toBe('matched');
          expect(compareDataPoint(k, value, [normal!], c)).toBe('matched');
          expect(compareDataPoint(k, normal!, [value], c)).toBe('matched');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('case and spacing never change a normal form', () => {
    fc.assert(
      fc.property(
        kind.chain((k) => fc.tuple(fc.constant(k), realistic[k].chain(recase))),
        spacing,
        country,
        ([k, recased], space, c) => {
          const plain = recased.toLowerCase();
          const spaced = `${space}${recased.split(' ').join(space)}${space}`;
          expect(normaliseDataPoint(k, recased, c)).toBe(normaliseDataPoint(k, plain, c));
          expect(normaliseDataPoint(k, spaced, c)).toBe(normaliseDataPoint(k, plain, c));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a name matches its words in any order', () => {
    fc.assert(
      fc.property(
        name.chain((words) => fc.tuple(fc.constant(words), fc.shuffledSubarray(words, { minLength: words.length }))),
        ([words, shuffled]) =>
          expect(compareDataPoint('full_name', shuffled.join(', '), [words.join(' ')], 'GB')).toBe('matched'),
      ),
    );
  });

  it('matching is symmetric: a submitted value matches a held one exactly when it would the other way round', () => {
    fc.assert(
      fc.property(
        kind.chain((k) => fc.tuple(fc.constant(k), valueOf(k), valueOf(k))),
        country,
        ([k, a, b], c) => {
          const ab = compareDataPoint(k, a, [b], c) === 'matched';
          const ba = compareDataPoint(k, b, [a], c) === 'matched';
          expect(ab).toBe(ba);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('garbage never matches: a value with no letter or digit matches nothing held', () => {
    const garbage = fc.string({
      unit: fc.constantFrom(' ', '.', ',', '-', '/', '#', "'", '\u0000', '\n', '!', '%', ';'),
    });
    fc.assert(
      fc.property(kind, garbage, country, (k, value, c) => {
        expect(normaliseDataPoint(k, value, c)).toBeNull();
        const held = [value, ...Object.values(HELD), '12 High Street, London SW1A 1AA'];
        expect(compareDataPoint(k, value, held, c)).toBe('not_matched');
      }),
    );
  });

  it('a value that does not normalise matches nothing', () => {
    fc.assert(
      fc.property(
        kind.chain((k) => fc.tuple(fc.constant(k), anyText, fc.array(valueOf(k), { maxLength: 4 }))),
        country,
        ([k, value, held], c) => {
          fc.pre(normaliseDataPoint(k, value, c) === null);
          expect(compareDataPoint(k, value, [...held, value], c)).not.toBe('matched');
        },
      ),
    );
  });

  it('adding held values never turns a match into a mismatch', () => {
    fc.assert(
      fc.property(
        kind.chain((k) =>
          fc.tuple(fc.constant(k), valueOf(k), fc.array(valueOf(k), { maxLength: 3 }), fc.array(valueOf(k))),
        ),
        country,
        ([k, submitted, held, more], c) => {
          if (compareDataPoint(k, submitted, held, c) === 'matched')
            expect(compareDataPoint(k, submitted, [...more, ...held], c)).toBe('matched');
        },
      ),
    );
  });

  it('hostile input (10 KB strings, control characters, SQL) never throws and never matches', () => {
    for (const k of DATA_POINT_KINDS) {
      for (const c of COUNTRIES) {
        for (const value of HOSTILE) {
          expect(() => normaliseDataPoint(k, value, c)).not.toThrow();
          expect(() => compareDataPoint(k, value, HOSTILE, c)).not.toThrow();
          expect(compareDataPoint(k, value, [HELD[k]], c)).not.toBe('matched');
        }
      }
    }
    fc.assert(
      fc.property(kind, fc.string({ unit: 'binary', minLength: 900, maxLength: 2000 }), country, (k, value, c) => {
        expect(() => compareDataPoint(k, value, [value], c)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('a value longer than any real one is garbage, even when it starts like one', () => {
    const padded = `1 Market Street, San Francisco, CA 94105${' '.repeat(MAX_DATA_POINT_LENGTH)}`;
    expect(normaliseDataPoint('postal_address', padded, 'US')).toBeNull();
  });
});

describe('properties of the level', () => {
  const results = fc.array(fc.constantFrom(...RESULTS), { maxLength: 6 });
  const input = fc.record({ emailHeld: fc.boolean(), results, declarationSigned: fc.boolean() });
  const rank = (level: IdentityLevel) => LEVELS.indexOf(level);

  it('is monotone in matches: one more matched point, the email held or the declaration signed never lowers it', () => {
    fc.assert(
      fc.property(input, fc.nat(6), (given, at) => {
        const before = rank(identityLevel(given));
        const position = Math.min(at, given.results.length);
        const withMatch = [...given.results.slice(0, position), 'matched' as const, ...given.results.slice(position)];
        expect(rank(identityLevel({ ...given, results: withMatch }))).toBeGreaterThanOrEqual(before);
        expect(rank(identityLevel({ ...given, emailHeld: true }))).toBeGreaterThanOrEqual(before);
        expect(rank(identityLevel({ ...given, declarationSigned: true }))).toBeGreaterThanOrEqual(before);
        const turned = given.results.map((result, i) => (i === at && result === 'not_held' ? 'matched' : result));
        expect(rank(identityLevel({ ...given, results: turned }))).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('any not_matched point gives none; not_held points and their order change nothing', () => {
    fc.assert(
      fc.property(input, fc.nat(6), (given, at) => {
        const position = Math.min(at, given.results.length);
        const withMiss = [
          ...given.results.slice(0, position),
          'not_matched' as const,
          ...given.results.slice(position),
        ];
        expect(identityLevel({ ...given, results: withMiss })).toBe('none');
        const withHeldNot = [...given.results, 'not_held' as const];
        expect(identityLevel({ ...given, results: withHeldNot })).toBe(identityLevel(given));
        expect(identityLevel({ ...given, results: [...given.results].reverse() })).toBe(identityLevel(given));
      }),
    );
  });

  it('high always needs the signed declaration and three matches; reasonable needs two', () => {
    fc.assert(
      fc.property(input, (given) => {
        const matched = given.results.filter((r) => r === 'matched').length + (given.emailHeld ? 1 : 0);
        const level = identityLevel(given);
        if (level === 'high') expect(given.declarationSigned && matched >= 3).toBe(true);
        if (level !== 'none') expect(matched).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});
