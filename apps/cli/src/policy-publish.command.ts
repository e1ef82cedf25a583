import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

import type { DataSource } from 'typeorm';

import { Organisation, PolicyImport, publishPolicyVersion } from '#db';
import { draftToPolicyDocument, importPolicy } from '#policy';

export const POLICY_PUBLISH_USAGE =
  'policy publish FILE --slug SLUG [--name NAME] [--time-zone ZONE (America/New_York)] [--country US|GB (US)]';

export interface PolicyPublishOptions {
  file: string;
  slug: string;
  name?: string;
  timeZone?: string;
  country?: string;
}

/** The arguments of `policy publish`, or null when they are not what the usage says. */
export function policyPublishOptions(args: string[]): PolicyPublishOptions | null {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        'time-zone': { type: 'string' },
        country: { type: 'string' },
      },
    });
    if (positionals.length !== 1 || !values.slug) return null;
    return {
      file: positionals[0],
      slug: values.slug,
      ...(values.name ? { name: values.name } : {}),
      ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      ...(values.country ? { country: values.country } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * Imports a policy file and publishes its draft as it stands, without the console's review: a new organisation, or a
 * new version of the one with this slug (its name, zone and country kept unless given). The import is kept, so the
 * next import of this organisation in the console is compared with it. Returns what was done, in words.
 */
export async function publishPolicyFile(dataSource: DataSource, options: PolicyPublishOptions): Promise<string> {
  const content = await readFile(options.file).catch((error: Error) => {
    throw new Error(`policy: cannot read ${options.file}: ${error.message}`);
  });
  const imported = await importPolicy({ content, fileName: basename(options.file) });
  if (!imported.ok) throw new Error(`policy: ${options.file}: ${imported.reason}`);
  return dataSource.transaction(async (tx) => {
    const existing = await tx.findOneBy(Organisation, { slug: options.slug });
    if (!existing && !options.name) throw new Error(`policy: a new organisation needs --name`);
    const country = options.country ?? existing?.country ?? 'US';
    if (country !== 'US' && country !== 'GB') throw new Error('policy: --country is US or GB');
    const settings = {
      slug: options.slug,
      name: options.name ?? existing!.name,
      timeZone: options.timeZone ?? existing?.timeZone ?? 'America/New_York',
      country: country as 'US' | 'GB',
    };
    const document = draftToPolicyDocument(imported.draft, {
      ...settings,
      version: `${settings.slug}-imported-${new Date().toISOString().slice(0, 10)}`,
    });
    const published = await publishPolicyVersion(tx, {
      document,
      policyText: imported.text.content,
      organisationId: existing?.id ?? null,
      publishedBy: null,
    });
    await tx.save(
      tx.create(PolicyImport, {
        ...settings,
        organisationId: published.organisation.id,
        fileName: basename(options.file),
        policyText: imported.text.content,
        sentences: imported.text.sentences,
        draft: imported.draft,
        createdBy: null,
        policyVersionId: published.policyVersion.id,
        publishedAt: new Date(),
      }),
    );
    const { rights, deadlines, channels } = published.policyVersion.document;
    return `policy: ${settings.slug} (${settings.name}): ${published.created ? 'created' : 'new policy version'} ${published.policyVersion.version}, ${rights.length} rights, ${deadlines.length} deadlines, ${channels.length} channels`;
  });
}
