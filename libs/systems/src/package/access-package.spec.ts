import { describe, expect, it } from '@jest/globals';
import { unzipSync } from 'fflate';

import type { TableRows } from '#db';
import { parseDataMap } from '#policy';

import { type AccessPackage, buildAccessPackage } from './access-package.js';
import type { AccessPackageInput, AccessPackageType, PackagedSystem } from './package-contents.js';

const dataMap = parseDataMap(
  'prontotrak.datamap.yaml',
  `
organisation: prontotrak
systems:
  - id: customer-db
    name: Customer database
    kind: postgres
    connection: PRONTOTRAK_CUSTOMER_DB_URL
    purposes: [Provide and bill the service]
    sources: [Given by you at sign-up]
    recipients: [Our payment processor]
    tables:
      customers:
        identity: { email: email }
        columns: { id: identifiers, email: contact, full_name: contact, sale_share_allowed: inferences }
        erasure: { update: { email: hash, full_name: null } }
      orders:
        follow: { customer_id: customers.id }
        columns: { id: identifiers, customer_id: identifiers, total_cents: commercial, note: commercial }
        erasure: { retain: legal_obligation, note: Tax law. }
      messages:
        follow: { customer_id: customers.id }
        columns: { id: identifiers, customer_id: identifiers, body: communications }
        erasure: delete
  - id: support-desk
    name: Support desk
    kind: http
    connection: PRONTOTRAK_SUPPORT_URL
    secret: PRONTOTRAK_SUPPORT_SECRET
    purposes: [Answer support questions]
    sources: [Given by you at sign-up, Your support tickets]
    recipients: []
    categories: [communications]
  - id: mailing-house
    name: Mailing House Ltd
    kind: email_vendor
    email: privacy@mailinghouse.example
    remind_every_days: 3
    escalate_after_days: 10
    purposes: [Send the newsletter]
    sources: [Given by you on the newsletter form]
    recipients: [Mailing House Ltd]
    categories: [contact]
  - id: paper-archive
    name: Paper archive
    kind: manual
    tasks: [Search the archive boxes]
    purposes: [Keep signed contracts]
    sources: [Forms you signed]
    recipients: []
    categories: [contact, financial]
`,
);

const customer = { id: 41, email: 'ada@example.com', full_name: 'Ada Lovelace', sale_share_allowed: false };
const orders = [
  { id: 7, customer_id: 41, total_cents: 1250, note: 'gift wrap' },
  { id: 9, customer_id: 41, total_cents: -300, note: null },
];
const ticket = { id: 'T-1', subject: 'Cannot sign in', body: 'Line one\nline two' };

function done(systemId: string, kind: PackagedSystem['task']['systemKind'], findings: TableRows[] | null) {
  const counts = Object.fromEntries((findings ?? []).map((t) => [t.table, { found: t.rows.length }]));
  return { task: { systemId, systemKind: kind, state: 'done', counts, reason: null }, findings } as PackagedSystem;
}

const closedVendor: PackagedSystem = {
  task: {
    systemId: 'mailing-house',
    systemKind: 'email_vendor',
    state: 'closed',
    counts: null,
    reason: 'The provider stopped trading',
  },
  findings: null,
};

function input(type: AccessPackageType, systems: PackagedSystem[]): AccessPackageInput {
  return {
    organisation: { name: 'ProntoTrak' },
    request: { reference: 'RD-7K3F-92QX', type, receivedAt: new Date('2026-03-05T10:00:00Z'), regime: 'gdpr' },
    dataMap,
    policy: { timeZone: 'Europe/London', privacyEmail: 'privacy@prontotrak.example' },
    systems,
  };
}

const found = () => [
  done('customer-db', 'postgres', [
    { table: 'customers', rows: [customer] },
    { table: 'orders', rows: orders },
    { table: 'messages', rows: [] },
  ]),
  done('support-desk', 'http', [{ table: 'tickets', rows: [ticket] }]),
  closedVendor,
  done('paper-archive', 'manual', null),
];

function unpack(pkg: AccessPackage): Record<string, string> {
  const files = unzipSync(new Uint8Array(pkg.zip));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, Buffer.from(bytes).toString('utf8')]));
}

/** The markup of one category's section of index.html. */
function section(html: string, category: string): string {
  const start = html.indexOf(`<section data-category="${category}">`);
  return start === -1 ? '' : html.slice(start, html.indexOf('</section>', start));
}

describe('buildAccessPackage: access', () => {
  const pkg = buildAccessPackage(input('access', found()));
  const files = unpack(pkg);

  it('holds index.html, summary.json, a JSON file per system that found rows and a CSV per table, in a fixed order', () => {
    expect(Object.keys(files)).toEqual([
      'index.html',
      'summary.json',
      'systems/customer-db.json',
      'systems/customer-db/customers.csv',
      'systems/customer-db/orders.csv',
      'systems/support-desk.json',
      'systems/support-desk/tickets.csv',
    ]);
    expect(pkg.fileName).toBe('RD-7K3F-92QX-personal-data.zip');
    expect(pkg.summary.files).toEqual(Object.keys(files));
  });

  it("writes each system's name and every table's rows to its JSON file, with each column's category", () => {
    const db = JSON.parse(files['systems/customer-db.json']);
    expect(db.system).toEqual({ id: 'customer-db', name: 'Customer database' });
    expect(db.tables.map((t: { table: string }) => t.table)).toEqual(['customers', 'orders']);
    expect(db.tables[0].rows).toEqual([customer]);
    expect(db.tables[1].rows).toEqual(orders);
    expect(db.tables[0].columns).toContainEqual({ name: 'email', category: 'contact' });
    expect(JSON.parse(files['systems/support-desk.json']).tables[0].rows).toEqual([ticket]);
  });

  it('writes a CSV per table: a header, then one line per row, nested and empty values readable', () => {
    expect(files['systems/customer-db/orders.csv']).toBe(
      '\uFEFFid,customer_id,total_cents,note\r\n7,41,1250,gift wrap\r\n9,41,-300,\r\n',
    );
    expect(files['systems/support-desk/tickets.csv']).toBe(
      '\uFEFFid,subject,body\r\nT-1,Cannot sign in,"Line one\nline two"\r\n',
    );
  });

  it("groups index.html's values by category, in plain words, with a row number that matches across headings", () => {
    const html = files['index.html'];
    expect(html).toContain('<h1>Your personal data</h1>');
    expect(html).toMatch(/request RD-7K3F-92QX, received on Thursday,? 5 March 2026, under GDPR/);
    const contact = section(html, 'contact');
    expect(contact).toContain('<h2>Contact details</h2>');
    expect(contact).toContain('<td>ada@example.com</td><td>Ada Lovelace</td>');
    expect(contact).not.toContain('1250');
    expect(section(html, 'commercial')).toContain('<td class="row">2</td><td>-300</td><td></td>');
    expect(section(html, 'inferences')).toContain('<th>sale share allowed</th>');
    expect(section(html, 'inferences')).toContain('<td>no</td>');
    // A service's rows take the one category it declares.
    expect(section(html, 'communications')).toContain('Support desk: tickets');
    expect(section(html, 'communications')).toContain('<td>Line one\nline two</td>');
    expect(section(html, 'financial')).toBe('');
  });

  it('says for each system what was found, what was not held, and which were closed or checked separately', () => {
    const html = files['index.html'];
    expect(html).toContain(
      '<strong>Customer database</strong>: Found: customers (1 row), orders (2 rows). Nothing found in: messages.',
    );
    expect(html).toContain(
      '<strong>Mailing House Ltd</strong>: Not searched to the end; closed by our staff: The provider stopped trading.',
    );
    expect(html).toContain(
      '<strong>Paper archive</strong>: Our staff checked it by hand. Anything they found there is not part of this download.',
    );
    expect(html).not.toContain('id="nowhere"');
    expect(pkg.summary.systems.map((s) => [s.id, s.result])).toEqual([
      ['customer-db', 'found'],
      ['support-desk', 'found'],
      ['mailing-house', 'closed'],
      ['paper-archive', 'checked_separately'],
    ]);
  });

  it('is self-contained: no script, no external resource, a CSP that allows neither', () => {
    const html = files['index.html'];
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`);
  });

  it('keeps the summary free of values: ids, names, results, categories and counts', () => {
    const summary = files['summary.json'];
    for (const value of ['ada@example.com', 'Ada Lovelace', 'gift wrap', 'Cannot sign in'])
      expect(summary).not.toContain(value);
    expect(JSON.parse(summary).systems[0].tables).toEqual([
      { table: 'customers', rows: 1, held: 1, truncated: false },
      { table: 'orders', rows: 2, held: 2, truncated: false },
    ]);
  });
});

describe('buildAccessPackage: portability', () => {
  it('holds the same files as access, titled for taking the data elsewhere', () => {
    const files = unpack(buildAccessPackage(input('portability', found())));
    const access = unpack(buildAccessPackage(input('access', found())));
    expect(Object.keys(files)).toEqual(Object.keys(access));
    expect(files['systems/customer-db.json']).toBe(access['systems/customer-db.json']);
    expect(files['index.html']).toContain('<h1>Your personal data, ready to take elsewhere</h1>');
  });
});

describe('buildAccessPackage: truncated tables', () => {
  it('says where a table was truncated, with how many rows are held and how many the package has', () => {
    const system = done('customer-db', 'postgres', [{ table: 'orders', rows: orders, truncated: true }]);
    system.task.counts = { orders: { found: 12_000 } };
    const pkg = buildAccessPackage(input('access', [system]));
    const html = unpack(pkg)['index.html'];
    expect(html).toContain(
      'Truncated: ProntoTrak holds 12,000 rows of this table about you; this package has the first 2 rows.',
    );
    expect(html).toContain('<strong>Customer database</strong>: Found: orders (the first 2 rows of 12,000).');
    expect(pkg.summary.systems[0].tables).toEqual([{ table: 'orders', rows: 2, held: 12_000, truncated: true }]);
  });
});

describe('buildAccessPackage: hostile values', () => {
  const hostile = `<script>alert("x")</script>`;
  const attribute = `"><img src=x onerror=alert('y')>`;
  const system = done('support-desk', 'http', [
    { table: '<b>tickets</b>', rows: [{ [hostile]: attribute, subject: hostile, "it's": `O'Neil "the" <i>` }] },
    { table: '../../etc/passwd', rows: [{ note: 'x' }] },
  ]);
  const pkg = buildAccessPackage({ ...input('access', [system]), organisation: { name: `Pronto <Trak> & "Co"` } });
  const files = unpack(pkg);

  it('escapes every value, column, table and organisation name in index.html', () => {
    const html = files['index.html'];
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(&#39;y&#39;)&gt;');
    expect(html).toContain('O&#39;Neil &quot;the&quot; &lt;i&gt;');
    expect(html).toContain('Pronto &lt;Trak&gt; &amp; &quot;Co&quot;');
  });

  it('keeps entry paths inside the package whatever a service names its tables', () => {
    for (const path of Object.keys(files)) {
      expect(path).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|\\/);
      expect(path).toMatch(/^[A-Za-z0-9_./-]+$/);
    }
    expect(Object.keys(files)).toContain('systems/support-desk/_b_tickets__b_.csv');
    expect(JSON.parse(files['systems/support-desk.json']).tables[1].table).toBe('../../etc/passwd');
  });
});

describe('buildAccessPackage: CSV formula injection', () => {
  it("prefixes cells starting with = + - @ tab or CR with ' (header included), and leaves negative numbers alone", () => {
    const rows = [
      { note: '=HYPERLINK("http://evil.example","x")' },
      { note: '+1 555 0100' },
      { note: '-2+3' },
      { note: '@SUM(A1:A2)' },
      { note: '\tlooks empty' },
      { note: '\r=1' },
      { note: -5 },
      { note: 'plain' },
    ];
    const system = done('support-desk', 'http', [{ table: 'notes', rows: rows.map((r) => ({ '=cmd': 1, ...r })) }]);
    const csv = unpack(buildAccessPackage(input('access', [system])))['systems/support-desk/notes.csv'];
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      "'=cmd,note",
      `1,"'=HYPERLINK(""http://evil.example"",""x"")"`,
      "1,'+1 555 0100",
      "1,'-2+3",
      "1,'@SUM(A1:A2)",
      "1,'\tlooks empty",
      `1,"'\r=1"`,
      '1,-5',
      '1,plain',
      '',
    ]);
  });
});

describe('buildAccessPackage: a person found nowhere', () => {
  const nowhere = [
    done('customer-db', 'postgres', []),
    done('support-desk', 'http', [{ table: 'tickets', rows: [] }]),
    closedVendor,
  ];

  it.each(['access', 'categories'] as const)('says so plainly in index.html and summary.json (%s)', (type) => {
    const pkg = buildAccessPackage(input(type, nowhere));
    const files = unpack(pkg);
    expect(Object.keys(files)).toEqual(
      type === 'access' ? ['index.html', 'summary.json'] : ['index.html', 'summary.json', 'categories.json'],
    );
    expect(files['index.html']).toContain(
      '<p class="nowhere" id="nowhere">We found no personal data about you. We searched 2 systems and none of them holds any.</p>',
    );
    expect(files['index.html']).toContain('<strong>Customer database</strong>: Searched: it holds nothing about you.');
    expect(files['index.html']).toContain('The provider stopped trading');
    const summary = JSON.parse(files['summary.json']);
    expect(summary.foundAnywhere).toBe(false);
    expect(summary.categories).toEqual([]);
    expect(summary.systems.map((s: { result: string }) => s.result)).toEqual([
      'nothing_found',
      'nothing_found',
      'closed',
    ]);
  });
});

describe('buildAccessPackage: categories', () => {
  const pkg = buildAccessPackage(input('categories', found()));
  const files = unpack(pkg);

  it('holds no value found in any system, in any file', () => {
    expect(Object.keys(files)).toEqual(['index.html', 'summary.json', 'categories.json']);
    expect(pkg.fileName).toBe('RD-7K3F-92QX-data-categories.zip');
    const values = [customer, ...orders, ticket].flatMap((row) => Object.values(row)).filter((v) => v !== null);
    for (const [path, text] of Object.entries(files))
      for (const value of values.filter((v) => typeof v === 'string' || (typeof v === 'number' && v > 100)))
        expect({ path, holds: text.includes(String(value)) }).toEqual({ path, holds: false });
    expect(JSON.parse(files['summary.json']).systems[0].tables).toBeUndefined();
  });

  it("lists the categories of the tables where rows were found and the services' declared ones, with sources, purposes and recipients", () => {
    const answer = JSON.parse(files['categories.json']);
    expect(answer.foundAnywhere).toBe(true);
    expect(answer.categories.map((c: { category: string }) => c.category)).toEqual([
      'contact',
      'identifiers',
      'financial',
      'commercial',
      'communications',
      'inferences',
    ]);
    expect(answer.categories[0]).toEqual({
      category: 'contact',
      label: 'Contact details',
      covers: 'names, email and postal addresses, phone numbers',
      systems: ['Customer database', 'Paper archive'],
    });
    // messages found nothing, but orders did: communications comes from the support desk alone.
    expect(answer.categories[4].systems).toEqual(['Support desk']);
    expect(answer.sources).toEqual(['Given by you at sign-up', 'Your support tickets', 'Forms you signed']);
    expect(answer.purposes).toEqual([
      'Provide and bill the service',
      'Answer support questions',
      'Keep signed contracts',
    ]);
    expect(answer.recipients).toEqual(['Our payment processor']);
  });

  it('says the same in index.html, in plain words', () => {
    const html = files['index.html'];
    expect(html).toContain('<h1>The kinds of personal data we hold about you</h1>');
    expect(html).toContain(
      '<li data-category="contact"><strong>Contact details</strong> (names, email and postal addresses, phone numbers), in: Customer database, Paper archive</li>',
    );
    expect(html).toContain(
      '<strong>Customer database</strong>: Holds: Contact details, Identifiers, Purchases and subscriptions, Preferences and profiles.',
    );
    expect(html).toContain(
      '<strong>Paper archive</strong>: Our staff checked it by hand. It can hold: Contact details, Financial information.',
    );
    expect(html).toContain('<li>Our payment processor</li>');
    expect(html).not.toContain('<td>');
  });
});

/** Each entry's stored DOS time and date, read from the zip's central directory. */
function entryTimes(zip: Buffer): { name: string; time: number; date: number }[] {
  const end = zip.length - 22; // the end-of-directory record, written without a comment
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const entries = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, time: zip.readUInt16LE(at + 12), date: zip.readUInt16LE(at + 14) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('buildAccessPackage: determinism', () => {
  it('gives the same bytes for the same input, whatever the order of the systems', () => {
    const first = buildAccessPackage(input('access', found())).zip;
    const second = buildAccessPackage(input('access', [...found()].reverse())).zip;
    expect(second.equals(first)).toBe(true);
  });

  it('stamps every entry 1980-01-01 00:00 (DOS time 0, date 0x21), which reads the same in every time zone', () => {
    const entries = entryTimes(buildAccessPackage(input('access', found())).zip);
    expect(entries).toHaveLength(7);
    for (const entry of entries) expect(entry).toEqual({ name: entry.name, time: 0, date: 0x21 });
  });
});

describe('buildAccessPackage: a large table', () => {
  it('packages a person with 10,000 rows in one table (time printed, not asserted)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: 100_000 + i,
      customer_id: 41,
      total_cents: (i * 37) % 100_000,
      note: `Order ${i}: ${'delivered to the usual address, left with a neighbour'.slice(0, 20 + (i % 30))}`,
    }));
    const systems = [
      done('customer-db', 'postgres', [
        { table: 'customers', rows: [customer] },
        { table: 'orders', rows },
      ]),
    ];
    buildAccessPackage(input('access', systems)); // warm up the JIT, as a long-running api would be
    const started = process.hrtime.bigint();
    const pkg = buildAccessPackage(input('access', systems));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const files = unpack(pkg);
    const sizes = Object.entries(files).map(
      ([path, text]) => `${path} ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`,
    );
    console.log(
      `access package, 10,000 rows: ${ms.toFixed(0)} ms, zip ${(pkg.zip.length / 1024).toFixed(0)} KiB (${sizes.join(', ')})`,
    );
    expect(JSON.parse(files['systems/customer-db.json']).tables[1].rows).toHaveLength(10_000);
    expect(files['systems/customer-db/orders.csv'].split('\r\n')).toHaveLength(10_002);
  });
});
