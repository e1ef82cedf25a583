import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { parseDataMap } from '#policy';

import { runCli } from './support/cli.js';
import { createScratchDatabase, type ScratchDatabase, type ScratchKind } from './support/scratch-databases.js';
import { createShop, DELETE_EVERYTHING, shopMapYaml } from './support/shop-database.js';

describe.each<ScratchKind>(['postgres', 'mysql'])('rightsdesk datamap on %s', (kind) => {
  let shop: ScratchDatabase;
  let dir: string;
  const env = () => ({ SHOP_DB_URL: shop.url });

  function mapFile(name: string, yaml: string): string {
    const file = join(dir, name);
    writeFileSync(file, yaml);
    return file;
  }

  beforeAll(async () => {
    shop = await createScratchDatabase(kind, 'cli');
    await createShop(shop);
    dir = mkdtempSync(join(tmpdir(), 'rightsdesk-datamap-'));
  });

  afterAll(async () => {
    await shop?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('validate: a map that fits its live database exits 0 with a one-line summary', async () => {
    const file = mapFile('good.datamap.yaml', shopMapYaml(kind));
    const result = await runCli(['datamap', 'validate', file], undefined, env());
    expect(result).toEqual({
      code: 0,
      stdout: `datamap: ${file} is sound: 1 systems of scratch-shop, 1 databases matching their live schemas (5 tables)\n`,
      stderr: '',
    });
  });

  it('validate: a column the database lacks exits 1, naming the file, the path and the reason', async () => {
    const yaml = shopMapYaml(kind).replace('total_cents: commercial', 'total_cents: commercial, coupon: commercial');
    const file = mapFile('bad-column.datamap.yaml', yaml);
    const result = await runCli(['datamap', 'validate', file], undefined, env());
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `${file}: systems[0].tables.orders.columns.coupon: no column "coupon" in orders\n`,
    });
  });

  it('validate: an unset environment variable exits 1 and names it; a bad structure lists every problem', async () => {
    const file = mapFile('no-env.datamap.yaml', shopMapYaml(kind));
    const unset = await runCli(['datamap', 'validate', file], undefined, {});
    expect(unset).toMatchObject({
      code: 1,
      stderr: `${file}: systems[0].connection: environment variable SHOP_DB_URL is not set\n`,
    });
    const broken = mapFile(
      'broken.datamap.yaml',
      shopMapYaml(kind, { ...DELETE_EVERYTHING, order_items: 'shred' }).replace(
        'quantity: commercial',
        'quantity: things',
      ),
    );
    const result = await runCli(['datamap', 'validate', broken], undefined, env());
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^\S+broken\.datamap\.yaml: systems\[0\]\.tables\.order_items\.columns\.quantity: /),
      expect.stringMatching(
        /^\S+broken\.datamap\.yaml: systems\[0\]\.tables\.order_items\.erasure: "shred" is not delete/,
      ),
    ]);
  });

  it('draft: writes a map of the live schema that, once filled in, parses and validates; never over a file', async () => {
    const out = join(dir, 'draft.datamap.yaml');
    const drafted = await runCli(['datamap', 'draft', shop.url, '--out', out]);
    expect(drafted).toEqual({
      code: 0,
      stdout: `datamap draft: 5 tables; replace 23 FILL_IN placeholders, then run rightsdesk datamap validate (${out})\n`,
      stderr: '',
    });
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).not.toContain(shop.url);
    expect(yaml).toContain(`Left out, reached by no identity column through foreign keys: products.`);
    expect(() => parseDataMap(out, yaml)).toThrow(/FILL_IN/);
    // Without --out the map goes to stdout alone, so that it can be redirected into a file.
    const printed = await runCli(['datamap', 'draft', shop.url]);
    expect(printed).toEqual({ code: 0, stdout: yaml, stderr: expect.stringMatching(/^datamap draft: 5 tables; /) });

    const variable = shop.name.toUpperCase().replaceAll('-', '_') + '_DB_URL';
    const filled = mapFile(
      'filled.datamap.yaml',
      yaml
        .replace('organisation: FILL_IN', 'organisation: scratch-shop')
        .replaceAll('erasure: FILL_IN', 'erasure: delete')
        .replaceAll('FILL_IN', 'identifiers'),
    );
    expect(parseDataMap(filled, readFileSync(filled, 'utf8')).systems[0]).toMatchObject({ kind, connection: variable });
    const validated = await runCli(['datamap', 'validate', filled], undefined, { [variable]: shop.url });
    expect(validated).toMatchObject({ code: 0, stderr: '' });

    const again = await runCli(['datamap', 'draft', shop.url, '--out', out]);
    expect(again).toEqual({
      code: 1,
      stdout: '',
      stderr: `datamap draft: ${out} exists; draft writes only a new file\n`,
    });
  });
});
