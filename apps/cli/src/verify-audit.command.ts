import type { DataSource } from 'typeorm';

import { Organisation, verifyAuditChains } from '#db';

export interface AuditVerdict {
  intact: boolean;
  message: string;
}

/** Checks every organisation's audit chain (or one, by slug) and says which entry breaks first. */
export async function verifyAudit(dataSource: DataSource, slug?: string): Promise<AuditVerdict> {
  const organisations = dataSource.getRepository(Organisation);
  let organisationId: string | undefined;
  if (slug !== undefined) {
    const organisation = await organisations.findOneBy({ slug });
    if (!organisation) throw new Error(`verify-audit: there is no organisation "${slug}"`);
    organisationId = organisation.id;
  }
  const report = await verifyAuditChains(dataSource, organisationId);
  if (report.ok) {
    const entries = `${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}`;
    const organisationCount = `${report.organisations} organisation${report.organisations === 1 ? '' : 's'}`;
    return { intact: true, message: `audit chain intact: ${entries} in ${organisationCount}` };
  }
  const broken = await organisations.findOneBy({ id: report.organisationId });
  // A missing entry has no id to name.
  const entry = report.id ? `entry seq ${report.seq} (id ${report.id})` : `entry seq ${report.seq}`;
  return {
    intact: false,
    message: `audit chain broken in organisation ${broken?.slug ?? report.organisationId}, ${entry}: ${report.problem}`,
  };
}
